package dev.bbpush.client.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A token read from standard input when {@code --token-stdin} was given (read at most once, up to 64 KiB). The token's
 * shape decides its kind (reference: bitbucket-cloud-auth.md §2.1, §2.4):
 *
 * <ul>
 *   <li>{@code ATATT...}: an API token; it needs the account email from {@code --email}, the environment
 *       ({@code BBPUSH_EMAIL}, ...) or the config file's {@code email};
 *   <li>{@code ATCTT...}: an access token (Bearer);
 *   <li>anything else: sent as a Bearer access token (e.g. an OAuth access token), with a note saying so.
 * </ul>
 */
public final class StdinCredentialProvider implements CredentialProvider {
    private static final int MAX_BYTES = 64 * 1024;

    /** Where the email for an API token came from. */
    public record EmailValue(String name, String value) {}

    private final boolean requested;
    private final InputStream in;
    private final Supplier<Optional<EmailValue>> email;

    /**
     * @param requested whether {@code --token-stdin} was given
     * @param in standard input (not closed)
     * @param email finds the email for an API token, with the name it came from
     */
    public StdinCredentialProvider(boolean requested, InputStream in, Supplier<Optional<EmailValue>> email) {
        this.requested = requested;
        this.in = Objects.requireNonNull(in, "in");
        this.email = Objects.requireNonNull(email, "email");
    }

    @Override
    public String name() {
        return "stdin";
    }

    @Override
    public boolean consumesInput() {
        return true;
    }

    @Override
    public ProviderOutcome resolve() {
        if (!requested) {
            return ProviderOutcome.skipped(name(), "--token-stdin not given");
        }
        String raw;
        try {
            raw = new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ProviderOutcome.failed(
                    name(), "could not read standard input: " + e.getClass().getSimpleName());
        }
        PasteRepair.Cleaned token = PasteRepair.secret("stdin", raw);
        // A trailing newline from echo/printenv is normal on stdin, not damage worth reporting.
        List<Repair> repairs = new ArrayList<>(token.repairs());
        if (raw.strip().equals(token.value()) && raw.stripLeading().equals(raw)) {
            repairs.remove(new Repair("stdin", Repair.Kind.SURROUNDING_WHITESPACE));
        }
        if (token.value().isEmpty()) {
            return ProviderOutcome.failed(
                    name(),
                    "--token-stdin was given but standard input was empty: pipe the token, "
                            + "e.g. printenv BB_TOKEN | bbpush ... --token-stdin");
        }
        List<String> notes = new ArrayList<>();
        Credentials c;
        List<String> names = new ArrayList<>(List.of("--token-stdin"));
        TokenShape shape = TokenShape.of(token.value());
        if (shape == TokenShape.API_TOKEN) {
            Optional<EmailValue> e = email.get();
            if (e.isEmpty()) {
                return ProviderOutcome.failed(
                        name(),
                        "standard input holds an API token (ATATT...), which REST accepts only "
                                + "with the Atlassian account email: pass --email or set BBPUSH_EMAIL");
            }
            PasteRepair.Cleaned cleanedEmail =
                    PasteRepair.email(e.get().name(), e.get().value());
            repairs.addAll(cleanedEmail.repairs());
            names.add(0, e.get().name());
            c = Credentials.apiToken(cleanedEmail.value(), token.value());
        } else {
            if (shape != TokenShape.ACCESS_TOKEN) {
                notes.add("the token's shape is not an Atlassian API token (ATATT...) or access token (ATCTT...): "
                        + "sending it as a Bearer access token");
            }
            c = Credentials.accessToken(token.value());
        }
        return ProviderOutcome.found(
                name(),
                new ResolvedCredentials(
                        c, new CredentialSource(CredentialSource.Type.STDIN, "stdin", names), repairs, notes));
    }
}
