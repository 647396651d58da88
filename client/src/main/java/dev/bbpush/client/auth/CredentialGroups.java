package dev.bbpush.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Assembles a credential from one source's named values, trying groups in precedence order. Shared by the flag,
 * environment and config-file providers so that they judge half-configured values the same way.
 */
final class CredentialGroups {
    private CredentialGroups() {}

    /**
     * One way to build a credential from a source.
     *
     * @param kind the credential kind built
     * @param secretNames names that may hold the secret, first wins
     * @param secretSetting what the secret is (for messages)
     * @param identityNames names that may hold the identity (email, username, client id), first wins; empty if none
     * @param identitySetting what the identity is (for messages), or null
     * @param identityAloneIsHalf whether the identity without the secret is a half-configured group (OAuth: yes; an
     *     email alone: no, it may go with a token from stdin)
     */
    record Group(
            CredentialKind kind,
            List<String> secretNames,
            Setting secretSetting,
            List<String> identityNames,
            Setting identitySetting,
            boolean identityAloneIsHalf) {}

    private record Named(String name, String value) {}

    /**
     * Builds the first complete group's credential.
     *
     * @param apiTokenEmail the email for every API-token group, wherever the token came from ({@link EmailLookup}):
     *     an email from a higher source ({@code --email}) applies to a token from a lower one (the environment)
     */
    static ProviderOutcome assemble(
            String provider,
            CredentialSource.Type type,
            String location,
            List<Group> groups,
            Function<String, Optional<String>> lookup,
            Supplier<Optional<StdinCredentialProvider.EmailValue>> apiTokenEmail,
            String nothingReason) {
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        ResolvedCredentials winner = null;
        for (Group g : groups) {
            Optional<Named> secret = first(g.secretNames(), lookup);
            Optional<Named> identity = g.kind() == CredentialKind.API_TOKEN
                    ? apiTokenEmail.get().map(e -> new Named(e.name(), e.value()))
                    : first(g.identityNames(), lookup);
            boolean triggered = secret.isPresent() || (identity.isPresent() && g.identityAloneIsHalf());
            if (!triggered) {
                continue;
            }
            if (!g.identityNames().isEmpty() && (secret.isEmpty() || identity.isEmpty())) {
                problems.add(
                        secret.isPresent()
                                ? secret.get().name() + " is set but "
                                        + g.identityNames().get(0) + " is not: set "
                                        + g.identityNames().get(0) + " to "
                                        + g.identitySetting().description()
                                : identity.get().name() + " is set but "
                                        + g.secretNames().get(0) + " is not: set "
                                        + g.secretNames().get(0) + " to "
                                        + g.secretSetting().description());
                continue;
            }
            if (winner != null) {
                notes.add(secret.get().name() + " is also set and ignored: "
                        + String.join(" + ", winner.source().names()) + " take precedence");
                continue;
            }
            List<Repair> repairs = new ArrayList<>();
            PasteRepair.Cleaned s =
                    PasteRepair.secret(secret.get().name(), secret.get().value());
            repairs.addAll(s.repairs());
            PasteRepair.Cleaned id = null;
            if (identity.isPresent()) {
                id = g.kind() == CredentialKind.API_TOKEN
                        ? PasteRepair.email(
                                identity.get().name(), identity.get().value())
                        : PasteRepair.plain(
                                identity.get().name(), identity.get().value());
                repairs.addAll(id.repairs());
            }
            if (s.value().isEmpty() || (id != null && id.value().isEmpty())) {
                problems.add((s.value().isEmpty()
                                ? secret.get().name()
                                : identity.get().name())
                        + " is empty once whitespace and quotes are removed: set it to the real value");
                continue;
            }
            List<String> names = new ArrayList<>();
            identity.ifPresent(n -> names.add(n.name()));
            names.add(secret.get().name());
            List<String> winnerNotes = new ArrayList<>();
            if (g.kind() == CredentialKind.API_TOKEN && !id.value().contains("@")) {
                winnerNotes.add(identity.get().name() + " '" + id.value() + "' does not look like an email: API tokens "
                        + "authenticate REST with the Atlassian account email, not the Bitbucket username");
            }
            if (g.kind() == CredentialKind.APP_PASSWORD) {
                winnerNotes.add("app passwords were removed by Bitbucket on 2026-07-28: create an API token and set "
                        + "BBPUSH_EMAIL + BBPUSH_API_TOKEN");
            }
            Credentials c = build(g.kind(), id == null ? null : id.value(), s.value());
            winner = new ResolvedCredentials(c, new CredentialSource(type, location, names), repairs, winnerNotes);
        }
        if (winner != null) {
            List<String> all = new ArrayList<>(winner.notes());
            all.addAll(notes);
            problems.forEach(p -> all.add("ignored: " + p));
            return ProviderOutcome.found(
                    provider, new ResolvedCredentials(winner.credentials(), winner.source(), winner.repairs(), all));
        }
        if (!problems.isEmpty()) {
            return ProviderOutcome.failed(provider, String.join("; ", problems));
        }
        return ProviderOutcome.skipped(provider, nothingReason);
    }

    static Credentials build(CredentialKind kind, String identity, String secret) {
        return switch (kind) {
            case API_TOKEN -> Credentials.apiToken(identity, secret);
            case ACCESS_TOKEN -> Credentials.accessToken(secret);
            case OAUTH_CLIENT_CREDENTIALS -> Credentials.oauthClientCredentials(identity, secret);
            case OAUTH_ACCESS_TOKEN -> Credentials.oauthAccessToken(secret);
            case APP_PASSWORD -> Credentials.appPassword(identity, secret);
        };
    }

    private static Optional<Named> first(List<String> names, Function<String, Optional<String>> lookup) {
        for (String n : names) {
            Optional<String> v = lookup.apply(n);
            if (v.isPresent()) {
                return Optional.of(new Named(n, v.get()));
            }
        }
        return Optional.empty();
    }

    /** The three groups every source except the environment offers, named by {@code nameOf}. */
    static List<Group> standardGroups(Function<Setting, String> nameOf) {
        return List.of(
                new Group(
                        CredentialKind.API_TOKEN,
                        List.of(nameOf.apply(Setting.API_TOKEN)),
                        Setting.API_TOKEN,
                        List.of(nameOf.apply(Setting.EMAIL)),
                        Setting.EMAIL,
                        false),
                new Group(
                        CredentialKind.ACCESS_TOKEN,
                        List.of(nameOf.apply(Setting.ACCESS_TOKEN)),
                        Setting.ACCESS_TOKEN,
                        List.of(),
                        null,
                        false),
                new Group(
                        CredentialKind.OAUTH_CLIENT_CREDENTIALS,
                        List.of(nameOf.apply(Setting.OAUTH_CLIENT_SECRET)),
                        Setting.OAUTH_CLIENT_SECRET,
                        List.of(nameOf.apply(Setting.OAUTH_CLIENT_ID)),
                        Setting.OAUTH_CLIENT_ID,
                        true));
    }
}
