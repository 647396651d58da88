package dev.bbpush.client.auth;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tries credential sources in order; the first that supplies a credential wins. The standard chain
 * ({@link #standard}) is bbpush's one statement of precedence:
 *
 * <ol>
 *   <li><b>flags</b>: credentials a library caller passes as {@link CredentialFlags} ({@link
 *       FlagCredentialProvider}). The bbpush CLI has no secret flags (command lines are visible to other processes):
 *       it passes only {@code --email}, {@code --api-url} and {@code --oauth-token-url} this way, and {@code
 *       --oauth-client-id} through the environment;
 *   <li><b>environment</b>: {@code BBPUSH_*} variables, then {@code BITBUCKET_*}/{@code ATLASSIAN_*}
 *       ({@link EnvironmentCredentialProvider} lists the order);
 *   <li><b>config file</b>: {@code $XDG_CONFIG_HOME/bbpush/config} or {@code ~/.config/bbpush/config}, refused when
 *       others can read it ({@link ConfigFileCredentialProvider});
 *   <li><b>stdin</b>: a token piped in with {@code --token-stdin} ({@link StdinCredentialProvider}).
 * </ol>
 *
 * <p>The email for an API token is looked up the same way whichever source supplies the token: {@code --email},
 * then {@code BBPUSH_EMAIL}/{@code BITBUCKET_EMAIL}/{@code ATLASSIAN_EMAIL}, then the config file's {@code email}.
 *
 * <p>Every source is consulted (so {@code auth status} can show shadowed and broken ones), except one that consumes
 * input (stdin) once a credential was found: it is reported as skipped with the winning source named. A FAILED source
 * does not stop the chain; it is reported in {@link CredentialResolution#problems()}.
 */
public final class CredentialChain implements CredentialProvider {
    private final List<CredentialProvider> providers;

    private CredentialChain(List<CredentialProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** A chain of the given sources, in order. */
    public static CredentialChain of(List<CredentialProvider> providers) {
        return new CredentialChain(Objects.requireNonNull(providers, "providers"));
    }

    /**
     * The standard chain (see the class comment).
     *
     * @param flags the parsed command-line flags ({@link CredentialFlags#none()} for a library caller)
     * @param env the environment ({@link Environment#system()} in production)
     * @param stdin standard input, read only when {@code flags.tokenStdin()}
     */
    public static CredentialChain standard(CredentialFlags flags, Environment env, InputStream stdin) {
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(env, "env");
        Optional<ConfigFile> config = ConfigFile.locate(env);
        // One email for every API token, whichever source supplies the token: --email, then environment, then config.
        Supplier<Optional<StdinCredentialProvider.EmailValue>> email = () -> EmailLookup.find(flags, env, config);
        return new CredentialChain(List.of(
                new FlagCredentialProvider(flags, email),
                new EnvironmentCredentialProvider(env, email),
                new ConfigFileCredentialProvider(config, email),
                new StdinCredentialProvider(flags.tokenStdin(), Objects.requireNonNull(stdin, "stdin"), email)));
    }

    /**
     * The standard chain for a library: the environment, then the config file. No flags, and standard input is never
     * read (a library must not consume its host's stdin). This is what {@code BitbucketClient.builder().build()} uses
     * when no credentials were set.
     *
     * @param env the environment ({@link Environment#system()} in production)
     */
    public static CredentialChain standard(Environment env) {
        Objects.requireNonNull(env, "env");
        Optional<ConfigFile> config = ConfigFile.locate(env);
        Supplier<Optional<StdinCredentialProvider.EmailValue>> email =
                () -> EmailLookup.find(CredentialFlags.none(), env, config);
        return new CredentialChain(List.of(
                new EnvironmentCredentialProvider(env, email), new ConfigFileCredentialProvider(config, email)));
    }

    /** The sources, in order of precedence. */
    public List<CredentialProvider> providers() {
        return providers;
    }

    /** Consults the sources and returns the full story. Never throws for configuration problems. */
    public CredentialResolution resolveAll() {
        List<ProviderOutcome> outcomes = new ArrayList<>();
        ResolvedCredentials chosen = null;
        for (CredentialProvider p : providers) {
            ProviderOutcome o;
            if (chosen != null && p.consumesInput()) {
                o = ProviderOutcome.skipped(
                        p.name(),
                        "not read: " + chosen.source().describe()
                                + " already supplied credentials and takes precedence; unset it to use " + p.name());
            } else {
                try {
                    o = p.resolve();
                } catch (RuntimeException e) {
                    o = ProviderOutcome.failed(
                            p.name(), "failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                }
            }
            outcomes.add(o);
            if (chosen == null && o.resolved().isPresent()) {
                chosen = o.resolved().get();
            }
        }
        return new CredentialResolution(outcomes, Optional.ofNullable(chosen));
    }

    @Override
    public String name() {
        return "credential chain";
    }

    /** The chosen credential as FOUND, or FAILED with {@link CredentialResolution#failureMessage()}. */
    @Override
    public ProviderOutcome resolve() {
        CredentialResolution r = resolveAll();
        return r.chosen()
                .map(c -> ProviderOutcome.found(name(), c))
                .orElseGet(() -> ProviderOutcome.failed(name(), r.failureMessage()));
    }

    @Override
    public boolean consumesInput() {
        return providers.stream().anyMatch(CredentialProvider::consumesInput);
    }
}
