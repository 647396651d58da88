package dev.bbpush.client.auth;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Non-credential settings, with the same precedence as the credential chain: flag, then environment, then config
 * file, then the default. Each value says where it came from.
 */
public final class Settings {
    /** A setting's value and its source (a flag, variable name, or {@code <path>: key}). */
    public record Value(String value, String source) {}

    private static final Set<Setting> SECRETS =
            EnumSet.of(Setting.API_TOKEN, Setting.ACCESS_TOKEN, Setting.OAUTH_CLIENT_SECRET, Setting.APP_PASSWORD);

    private final CredentialFlags flags;
    private final Environment env;
    private final Optional<ConfigFile> config;

    public Settings(CredentialFlags flags, Environment env) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.env = Objects.requireNonNull(env, "env");
        this.config = ConfigFile.locate(env);
    }

    /** {@code --api-url}, {@code BBPUSH_API_URL}, config {@code api_url}; empty means the default API URL. */
    public Optional<Value> apiUrl() {
        return get(Setting.API_URL);
    }

    /** {@code --oauth-token-url}, {@code BBPUSH_OAUTH_TOKEN_URL}, config {@code oauth_token_url}. */
    public Optional<Value> oauthTokenUrl() {
        return get(Setting.OAUTH_TOKEN_URL);
    }

    /** Any setting by the table's precedence. Values are cleaned of whitespace and quotes. */
    public Optional<Value> get(Setting setting) {
        if (SECRETS.contains(Objects.requireNonNull(setting, "setting"))) {
            throw new IllegalArgumentException(setting + " is a secret: resolve it with CredentialChain");
        }
        Optional<String> flag = flags.get(setting);
        if (flag.isPresent()) {
            return Optional.of(
                    new Value(clean(setting, flag.get()), setting.flag().orElseThrow()));
        }
        for (String var : setting.envVars()) {
            Optional<String> v = env.get(var);
            if (v.isPresent()) {
                return Optional.of(new Value(clean(setting, v.get()), var));
            }
        }
        if (setting.configKey().isPresent() && config.isPresent()) {
            String key = setting.configKey().get();
            String v = config.get().read().values().get(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Value(clean(setting, v), config.get().path() + ": " + key));
            }
        }
        return Optional.empty();
    }

    private static String clean(Setting s, String raw) {
        return PasteRepair.plain(s.name(), raw).value();
    }
}
