package dev.bbpush.mcp.internal;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.Settings;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.error.NoCredentialsException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's one way to Bitbucket: the credential chain of the CLI without flags or stdin (stdin carries the
 * protocol), i.e. the environment, then the config file ({@link CredentialChain#standard}); the API URL and OAuth
 * token URL from the same settings.
 *
 * <p>Every tool call resolves the chain again, so the credential a push uses is the one {@code auth_status}, {@code
 * auth_doctor} and an error's diagnosis explain, and fixing the config file takes effect on the next call without a
 * restart. The {@link BitbucketClient} (one connection pool, an OAuth token cache) is shared by the calls while the
 * resolution stays the same (same credential, compared by value with {@link dev.bbpush.client.auth.Secret}'s
 * constant-time equality; same source; same API and token URLs) and rebuilt when it changes. A replaced client may
 * still serve a running call, so it is closed with the connection, not at once.
 */
final class Connection implements AutoCloseable {
    /** A credential resolution and the client made with it. */
    record Session(CredentialResolution resolution, URI apiUrl, Optional<URI> oauthTokenUrl, BitbucketClient client) {}

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Environment env;
    private Session session;
    /** Clients replaced after a credential change; a running call may still use one, so they close with this. */
    private final List<BitbucketClient> retired = new ArrayList<>();

    Connection(Environment env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    /** Every source's outcome and the chosen credential (reads the environment and the config file again). */
    CredentialResolution resolve() {
        return CredentialChain.standard(CredentialFlags.none(), env, InputStream.nullInputStream())
                .resolveAll();
    }

    /**
     * The client for the credential the chain resolves now: the shared one when nothing changed since the last call,
     * else a new one (logged on standard error by kind and source, never the secret).
     *
     * @throws NoCredentialsException when no source supplies a credential (the message tells each source's outcome)
     * @throws ToolFailure {@link ToolCause#INVALID_CONFIGURATION} when the configured API URL is not a valid https (or
     *     loopback http) URL
     */
    Session session() {
        CredentialResolution r = resolve();
        if (r.chosen().isEmpty()) {
            throw new NoCredentialsException(r.failureMessage());
        }
        ResolvedCredentials chosen = r.chosen().get();
        URI api = configured(this::apiUrl);
        Optional<URI> tokenUrl = configured(this::oauthTokenUrl);
        synchronized (this) {
            if (session != null
                    && same(session.resolution().chosen().get(), chosen)
                    && session.apiUrl().equals(api)
                    && session.oauthTokenUrl().equals(tokenUrl)) {
                return session;
            }
            Session fresh = configured(() -> newSession(r, api, tokenUrl));
            if (session != null) {
                retired.add(session.client());
                LOG.info(
                        "The server's credential or Bitbucket settings changed; calls now use the {} from {}.",
                        chosen.credentials().kind(),
                        chosen.source().describe());
            }
            session = fresh;
            return fresh;
        }
    }

    /** The same credential from the same source (secrets compared by value, in constant time). */
    private static boolean same(ResolvedCredentials a, ResolvedCredentials b) {
        return a.credentials().equals(b.credentials()) && a.source().equals(b.source());
    }

    private static Session newSession(CredentialResolution r, URI api, Optional<URI> tokenUrl) {
        BitbucketClient.Builder b = BitbucketClient.builder().apiUrl(api).credentials(new CredentialProvider() {
            @Override
            public String name() {
                return "credential chain";
            }

            @Override
            public ProviderOutcome resolve() {
                return ProviderOutcome.found(name(), r.chosen().get());
            }
        });
        tokenUrl.ifPresent(b::oauthTokenUrl);
        return new Session(r, api, tokenUrl, b.build());
    }

    private Optional<URI> oauthTokenUrl() {
        return settings().oauthTokenUrl().map(v -> URI.create(v.value()));
    }

    /** The doctor's context for {@code resolution}: API URL, OAuth token URL and email from the settings. */
    DoctorContext.Builder doctor(CredentialResolution resolution) {
        return configured(() -> {
            DoctorContext.Builder b = DoctorContext.builder()
                    .apiUrl(apiUrl())
                    .resolution(resolution)
                    .email(settings()
                            .get(Setting.EMAIL)
                            .map(Settings.Value::value)
                            .orElse(null));
            settings().oauthTokenUrl().map(v -> URI.create(v.value())).ifPresent(b::oauthTokenUrl);
            return b;
        });
    }

    /**
     * Runs {@code step}, turning a refused setting (an API or token URL that is not https, or not a URL) into a
     * failure that names the variable: the agent cannot fix it, the person configuring the server can.
     */
    private static <T> T configured(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new ToolFailure(
                    ToolCause.INVALID_CONFIGURATION,
                    "The server's Bitbucket settings are not usable: " + e.getMessage(),
                    "The person who configured the MCP server fixes BBPUSH_API_URL / BBPUSH_OAUTH_TOKEN_URL in its "
                            + "environment (or api_url / oauth_token_url in the config file) and restarts it.");
        }
    }

    /** {@code BBPUSH_API_URL}, config {@code api_url}, else Bitbucket Cloud's. */
    URI apiUrl() {
        return settings().apiUrl().map(v -> URI.create(v.value().strip())).orElse(BitbucketClient.DEFAULT_API_URL);
    }

    private Settings settings() {
        return new Settings(CredentialFlags.none(), env);
    }

    @Override
    public synchronized void close() {
        retired.forEach(BitbucketClient::close);
        retired.clear();
        if (session != null) {
            session.client().close();
        }
    }
}
