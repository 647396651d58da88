package dev.bbpush.client.auth;

import dev.bbpush.client.auth.StdinCredentialProvider.EmailValue;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Atlassian email that goes with an API token, wherever the token came from: {@code --email}, then the
 * environment ({@code BBPUSH_EMAIL}, {@code BITBUCKET_EMAIL}, {@code ATLASSIAN_EMAIL}), then the config file's
 * {@code email}. The same order as {@link Settings}, so what the doctor reasons about is what was sent.
 */
final class EmailLookup {
    private static final Environment EMPTY = Environment.of(Map.of());

    private EmailLookup() {}

    /** The email with the name it came from ({@code --email}, a variable, or {@code <path>: email}). */
    static Optional<EmailValue> find(CredentialFlags flags, Environment env, Optional<ConfigFile> config) {
        Optional<String> flag = flags.get(Setting.EMAIL);
        if (flag.isPresent()) {
            return Optional.of(new EmailValue("--email", flag.get()));
        }
        for (String var : Setting.EMAIL.envVars()) {
            Optional<String> v = env.get(var);
            if (v.isPresent()) {
                return Optional.of(new EmailValue(var, v.get()));
            }
        }
        return config.flatMap(c -> Optional.ofNullable(c.read().values().get("email"))
                .filter(v -> !v.isBlank())
                .map(v -> new EmailValue(c.path() + ": email", v)));
    }

    static Supplier<Optional<EmailValue>> flagsOnly(CredentialFlags flags) {
        return () -> find(flags, EMPTY, Optional.empty());
    }

    static Supplier<Optional<EmailValue>> environmentOnly(Environment env) {
        return () -> find(CredentialFlags.none(), env, Optional.empty());
    }

    static Supplier<Optional<EmailValue>> configOnly(Optional<ConfigFile> config) {
        return () -> find(CredentialFlags.none(), EMPTY, config);
    }
}
