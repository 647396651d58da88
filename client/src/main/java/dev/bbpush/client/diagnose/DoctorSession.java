package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.internal.ClientCredentialsAuthorizer;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.client.internal.ApiUrls;
import java.net.URI;
import java.util.Objects;

/**
 * What consecutive doctor runs of one command share ({@code auth status} makes up to 2 + 2 per repository): one HTTP
 * transport (one connection pool; no retries, so every probe is one attempt) and, for an OAuth consumer, the client's
 * own token exchange ({@link ClientCredentialsAuthorizer}), so one token serves every run instead of one per run.
 * Each run keeps its own request budget, evidence and redactor. Not thread-safe; closed by its opener.
 */
final class DoctorSession implements AutoCloseable {
    private final HttpTransport transport;
    private final DoctorContext settings;
    private ClientCredentialsAuthorizer authorizer;
    private OAuthClientCredentials authorizerFor;
    private URI authorizerEndpoint;

    /** A session with the connection settings (timeouts, user agent, listener, clock) of {@code settings}. */
    DoctorSession(DoctorContext settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = HttpTransport.builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .userAgent(settings.userAgent())
                .retryPolicy(RetryPolicy.none())
                .listener(settings.listener())
                .build();
    }

    HttpTransport transport() {
        return transport;
    }

    /**
     * The token exchange for an OAuth consumer at the context's token endpoint: the same authorizer (and so the same
     * cached token) for every run of this session that examines the same consumer.
     */
    ClientCredentialsAuthorizer authorizer(OAuthClientCredentials consumer, DoctorContext ctx) {
        URI endpoint = tokenEndpoint(consumer, ctx);
        if (authorizer == null || !consumer.equals(authorizerFor) || !endpoint.equals(authorizerEndpoint)) {
            authorizer = new ClientCredentialsAuthorizer(consumer, endpoint, transport, settings.clock());
            authorizerFor = consumer;
            authorizerEndpoint = endpoint;
        }
        return authorizer;
    }

    /** The consumer's own token URL, else the context's, else the default for the API URL. */
    static URI tokenEndpoint(OAuthClientCredentials consumer, DoctorContext ctx) {
        return consumer.explicitTokenEndpoint()
                .or(ctx::oauthTokenUrl)
                .orElseGet(() -> ClientCredentialsAuthorizer.defaultTokenEndpoint(
                        ctx.apiUrl(), ApiUrls.isLoopback(ctx.apiUrl().getHost())));
    }

    @Override
    public void close() {
        transport.close();
    }
}
