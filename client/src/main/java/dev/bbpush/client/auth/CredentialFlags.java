package dev.bbpush.client.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The credential-related command-line values: values by {@link Setting} (keyed by {@link Setting#flag()}) and whether
 * {@code --token-stdin} was given. The bbpush CLI sets only non-secret settings; secret ones ({@link
 * Setting#secret()}) are for library callers with their own command line, who should prefer a token on standard input:
 * command lines are visible to other processes. {@code toString()} masks secrets.
 */
public final class CredentialFlags {
    private static final CredentialFlags NONE = new CredentialFlags(new EnumMap<>(Setting.class), false);

    private final Map<Setting, String> values;
    private final boolean tokenStdin;

    private CredentialFlags(Map<Setting, String> values, boolean tokenStdin) {
        this.values = values;
        this.tokenStdin = tokenStdin;
    }

    /** No flags given. */
    public static CredentialFlags none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value given for a setting's flag; empty when not given or empty. */
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting)).filter(v -> !v.isEmpty());
    }

    /** The value given for a flag name such as {@code --email}. */
    public Optional<String> byFlag(String flag) {
        for (Setting s : values.keySet()) {
            if (s.flag().filter(flag::equals).isPresent()) {
                return get(s);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code --token-stdin} was given. */
    public boolean tokenStdin() {
        return tokenStdin;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("CredentialFlags[");
        values.forEach((k, v) -> sb.append(k.flag().orElse(k.name()))
                .append('=')
                .append(k.secret() ? Secret.mask(v) : v)
                .append(", "));
        return sb.append("tokenStdin=").append(tokenStdin).append(']').toString();
    }

    /** Builds {@link CredentialFlags}. */
    public static final class Builder {
        private final Map<Setting, String> values = new EnumMap<>(Setting.class);
        private boolean tokenStdin;

        private Builder() {}

        /**
         * Sets a flag value; null leaves it unset.
         *
         * @throws IllegalArgumentException if the setting has no flag
         */
        public Builder set(Setting setting, String value) {
            Objects.requireNonNull(setting, "setting");
            if (setting.flag().isEmpty()) {
                throw new IllegalArgumentException("setting " + setting + " has no flag");
            }
            if (value != null) {
                values.put(setting, value);
            }
            return this;
        }

        public Builder email(String email) {
            return set(Setting.EMAIL, email);
        }

        public Builder apiUrl(String apiUrl) {
            return set(Setting.API_URL, apiUrl);
        }

        public Builder tokenStdin(boolean tokenStdin) {
            this.tokenStdin = tokenStdin;
            return this;
        }

        public CredentialFlags build() {
            return new CredentialFlags(new EnumMap<>(values), tokenStdin);
        }
    }
}
