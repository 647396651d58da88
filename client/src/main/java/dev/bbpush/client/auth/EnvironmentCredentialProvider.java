package dev.bbpush.client.auth;

import dev.bbpush.client.auth.CredentialGroups.Group;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Credentials from environment variables, trying these groups in order (the first complete one wins; later complete
 * ones are reported as ignored; a half-configured group is reported with the variable to set):
 *
 * <ol>
 *   <li>{@code BBPUSH_API_TOKEN} + an email ({@code BBPUSH_EMAIL}, {@code BITBUCKET_EMAIL} or {@code ATLASSIAN_EMAIL})
 *   <li>{@code BBPUSH_ACCESS_TOKEN}
 *   <li>{@code BBPUSH_OAUTH_CLIENT_ID} + {@code BBPUSH_OAUTH_CLIENT_SECRET}
 *   <li>{@code BITBUCKET_API_TOKEN} or {@code ATLASSIAN_API_TOKEN} + an email (same variables as 1)
 *   <li>{@code BITBUCKET_ACCESS_TOKEN}
 *   <li>{@code BITBUCKET_USERNAME} + {@code BITBUCKET_APP_PASSWORD} (legacy)
 * </ol>
 *
 * <p>bbpush's own variables come first; the {@code BITBUCKET_*}/{@code ATLASSIAN_*} variables other tools use come
 * after, so a CI job can set bbpush's explicitly without unsetting the others.
 *
 * <p>In the standard chain the email for an API token is looked up {@code --email} first, then the variables above,
 * then the config file's {@code email} ({@link CredentialChain#standard}); the source description names where it came
 * from, e.g. {@code environment (--email, BBPUSH_API_TOKEN)}.
 */
final class EnvironmentCredentialProvider implements CredentialProvider {
    /** The groups above, in order. */
    static final List<Group> GROUPS = List.of(
            new Group(
                    CredentialKind.API_TOKEN,
                    List.of(env(Setting.API_TOKEN, 0)),
                    Setting.API_TOKEN,
                    Setting.EMAIL.envVars(),
                    Setting.EMAIL,
                    false),
            new Group(
                    CredentialKind.ACCESS_TOKEN,
                    List.of(env(Setting.ACCESS_TOKEN, 0)),
                    Setting.ACCESS_TOKEN,
                    List.of(),
                    null,
                    false),
            new Group(
                    CredentialKind.OAUTH_CLIENT_CREDENTIALS,
                    Setting.OAUTH_CLIENT_SECRET.envVars(),
                    Setting.OAUTH_CLIENT_SECRET,
                    Setting.OAUTH_CLIENT_ID.envVars(),
                    Setting.OAUTH_CLIENT_ID,
                    true),
            new Group(
                    CredentialKind.API_TOKEN,
                    Setting.API_TOKEN.envVars().subList(1, 3),
                    Setting.API_TOKEN,
                    Setting.EMAIL.envVars(),
                    Setting.EMAIL,
                    false),
            new Group(
                    CredentialKind.ACCESS_TOKEN,
                    List.of(env(Setting.ACCESS_TOKEN, 1)),
                    Setting.ACCESS_TOKEN,
                    List.of(),
                    null,
                    false),
            new Group(
                    CredentialKind.APP_PASSWORD,
                    Setting.APP_PASSWORD.envVars(),
                    Setting.APP_PASSWORD,
                    Setting.USERNAME.envVars(),
                    Setting.USERNAME,
                    false));

    private final Environment env;
    private final Supplier<Optional<StdinCredentialProvider.EmailValue>> email;

    /** Takes the email for an API token from the environment only. */
    public EnvironmentCredentialProvider(Environment env) {
        this(env, EmailLookup.environmentOnly(env));
    }

    /**
     * @param email finds the email for an API token with the name it came from (the standard chain: {@code --email},
     *     then the environment, then the config file)
     */
    public EnvironmentCredentialProvider(
            Environment env, Supplier<Optional<StdinCredentialProvider.EmailValue>> email) {
        this.env = Objects.requireNonNull(env, "env");
        this.email = Objects.requireNonNull(email, "email");
    }

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public ProviderOutcome resolve() {
        ProviderOutcome o = CredentialGroups.assemble(
                name(),
                CredentialSource.Type.ENVIRONMENT,
                "",
                GROUPS,
                env::get,
                email,
                "no credential variables set (BBPUSH_EMAIL + BBPUSH_API_TOKEN, BBPUSH_ACCESS_TOKEN, "
                        + "BBPUSH_OAUTH_CLIENT_ID + BBPUSH_OAUTH_CLIENT_SECRET, BITBUCKET_API_TOKEN, BITBUCKET_ACCESS_TOKEN, ...)");
        if (o.status() == ProviderOutcome.Status.SKIPPED) {
            for (String email : Setting.EMAIL.envVars()) {
                if (env.get(email).isPresent()) {
                    return ProviderOutcome.skipped(
                            name(),
                            email + " is set but no token variable is: set BBPUSH_API_TOKEN "
                                    + "(or pipe the token with --token-stdin)");
                }
            }
        }
        return o;
    }

    private static String env(Setting s, int i) {
        return s.envVars().get(i);
    }
}
