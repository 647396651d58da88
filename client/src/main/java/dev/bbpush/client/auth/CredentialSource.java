package dev.bbpush.client.auth;

import java.util.List;
import java.util.Objects;

/**
 * Where a resolved credential came from, for {@code auth status}: the kind of source, its location (config file path)
 * and the names that supplied the values (flags, environment variables, config keys).
 *
 * @param type the kind of source
 * @param location the config file path, {@code stdin}, or empty for flags and environment
 * @param names the flags, variables or keys that supplied the values, e.g. {@code [BBPUSH_EMAIL, BBPUSH_API_TOKEN]}
 */
public record CredentialSource(Type type, String location, List<String> names) {
    /** Kinds of source, in the chain's precedence order. */
    public enum Type {
        /** Set in code ({@code BitbucketClient.Builder#credentials(Credentials)}). */
        EXPLICIT("explicit"),
        FLAG("flags"),
        ENVIRONMENT("environment"),
        CONFIG_FILE("config file"),
        STDIN("stdin");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public CredentialSource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        names = List.copyOf(names);
    }

    /**
     * E.g. {@code environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN)} or {@code config file /home/u/.config/bbpush/config
     * (email, api_token)}.
     */
    public String describe() {
        return type.label()
                + (location.isEmpty() ? "" : " " + location)
                + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")");
    }

    @Override
    public String toString() {
        return describe();
    }
}
