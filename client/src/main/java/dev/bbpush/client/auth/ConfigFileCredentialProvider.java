package dev.bbpush.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Credentials from the {@link ConfigFile}: {@code email} + {@code api_token}, else {@code access_token}, else
 * {@code oauth_client_id} + {@code oauth_client_secret}.
 *
 * <p>A file holding a secret that group or others can read is refused (outcome FAILED, naming the {@code chmod} that
 * fixes it): the secret may already be exposed, and the user should know. On file systems without POSIX permissions
 * the check is skipped with a note.
 */
final class ConfigFileCredentialProvider implements CredentialProvider {
    private static final List<Setting> SECRET_KEYS =
            List.of(Setting.API_TOKEN, Setting.ACCESS_TOKEN, Setting.OAUTH_CLIENT_SECRET);

    private final Optional<ConfigFile> file;
    private final Supplier<Optional<StdinCredentialProvider.EmailValue>> email;

    /** Reads the file at its standard location for {@code env}. */
    public ConfigFileCredentialProvider(Environment env) {
        this(ConfigFile.locate(Objects.requireNonNull(env, "env")));
    }

    /** Takes the email for an API token from the file only. */
    public ConfigFileCredentialProvider(Optional<ConfigFile> file) {
        this(file, EmailLookup.configOnly(file));
    }

    /**
     * @param email finds the email for an API token with the name it came from (the standard chain: {@code --email},
     *     then the environment, then the config file)
     */
    public ConfigFileCredentialProvider(
            Optional<ConfigFile> file, Supplier<Optional<StdinCredentialProvider.EmailValue>> email) {
        this.file = Objects.requireNonNull(file, "file");
        this.email = Objects.requireNonNull(email, "email");
    }

    @Override
    public String name() {
        return "config file";
    }

    @Override
    public ProviderOutcome resolve() {
        if (file.isEmpty()) {
            return ProviderOutcome.skipped(name(), "no location: neither XDG_CONFIG_HOME nor HOME is set");
        }
        ConfigFile f = file.get();
        ConfigFile.Contents c = f.read();
        if (!c.exists()) {
            return ProviderOutcome.skipped(name(), "no file at " + f.path());
        }
        if (c.error().isPresent()) {
            return ProviderOutcome.failed(name(), c.error().get());
        }
        boolean holdsSecret = SECRET_KEYS.stream()
                .anyMatch(s -> c.values().containsKey(s.configKey().orElseThrow()));
        if (holdsSecret && c.readableByOthers().isPresent()) {
            return ProviderOutcome.failed(
                    name(),
                    f.path() + " holds a secret but other users can read it (mode "
                            + c.readableByOthers().get() + "); refusing it. Run: chmod 600 " + f.path()
                            + " (and rotate the secret if others may have read it)");
        }
        ProviderOutcome o = CredentialGroups.assemble(
                name(),
                CredentialSource.Type.CONFIG_FILE,
                f.path().toString(),
                CredentialGroups.standardGroups(s -> s.configKey().orElseThrow()),
                key -> Optional.ofNullable(c.values().get(key)).filter(v -> !v.isBlank()),
                // This file's own email is named by its key alone; the location already names the file.
                () -> email.get()
                        .map(e -> e.name().equals(f.path() + ": email")
                                ? new StdinCredentialProvider.EmailValue("email", e.value())
                                : e),
                "no credential keys in " + f.path() + " (api_token with email, access_token, oauth_client_id with "
                        + "oauth_client_secret)");
        if (o.resolved().isPresent() && !c.notes().isEmpty()) {
            ResolvedCredentials r = o.resolved().get();
            List<String> notes = new ArrayList<>(r.notes());
            notes.addAll(c.notes());
            return ProviderOutcome.found(
                    name(), new ResolvedCredentials(r.credentials(), r.source(), r.repairs(), notes));
        }
        return o;
    }
}
