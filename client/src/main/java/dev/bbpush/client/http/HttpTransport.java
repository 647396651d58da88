package dev.bbpush.client.http;

import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.internal.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP transport of bbpush: Apache HttpClient 5 (classic API) over one pooled {@link CloseableHttpClient},
 * with retries ({@link RetryPolicy}), events ({@link HttpListener}, headers redacted) and authorization ({@link
 * Authorizer}).
 *
 * <p>Safety rules built in:
 *
 * <ul>
 *   <li>Redirects are never followed automatically (a 3xx is returned as data), so {@code Authorization} cannot leak to
 *       another host through a redirect; a caller that follows a {@code Location} builds a new request, and the
 *       authorizer only adds {@code Authorization} to requests whose origin (scheme, host, port) is the API origin.
 *   <li>Only retry-safe requests are retried (see {@link Request}); a POST is never resent unless marked.
 *   <li>Every event and exception carries redacted headers; no body is ever reported.
 *   <li>After a 401, an authorizer that can refresh (OAuth) gets one chance to fetch a new token and the request is
 *       resent once (if its body is repeatable).
 * </ul>
 *
 * <p>Thread-safe. Views made with {@link #withAuthorizer(Authorizer, URI)} share the connection pool; closing any view
 * closes the pool.
 */
public final class HttpTransport implements AutoCloseable {
    private final CloseableHttpClient client;
    private final RetryPolicy retryPolicy;
    private final HttpListener listener;
    private final Authorizer authorizer;
    private final URI authorizedOrigin;

    private HttpTransport(
            CloseableHttpClient client,
            RetryPolicy retryPolicy,
            HttpListener listener,
            Authorizer authorizer,
            URI authorizedOrigin) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.listener = listener;
        this.authorizer = authorizer;
        this.authorizedOrigin = authorizedOrigin;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this transport (same pool, retry policy and listener) that authorizes requests to {@code apiOrigin}'s
     * scheme, host and port with {@code authorizer}.
     */
    public HttpTransport withAuthorizer(Authorizer authorizer, URI apiOrigin) {
        return new HttpTransport(
                client,
                retryPolicy,
                listener,
                Objects.requireNonNull(authorizer, "authorizer"),
                origin(Objects.requireNonNull(apiOrigin, "apiOrigin")));
    }

    /**
     * A view of this transport (same pool, retry policy and authorizer) that also reports every event to {@code
     * additional}, after this transport's own listener. Used to observe one operation's requests (e.g. a push counting
     * its REST requests) without changing the client's listener.
     */
    public HttpTransport withListener(HttpListener additional) {
        Objects.requireNonNull(additional, "additional");
        HttpListener first = listener;
        return new HttpTransport(
                client,
                retryPolicy,
                event -> {
                    first.onEvent(event);
                    additional.onEvent(event);
                },
                authorizer,
                authorizedOrigin);
    }

    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Sends a request (retrying per {@link RetryPolicy} when it is retry-safe) and returns the final response whatever
     * its status: the raw evidence, for callers that inspect statuses themselves (diagnosis, commit protocol).
     *
     * @throws TransportException when no response was received on the last attempt
     * @throws dev.bbpush.client.error.BbpushException when the authorizer fails to obtain a token
     * @throws dev.bbpush.client.changes.LocalContentException when the request body could not be produced from a local
     *     file (never retried)
     */
    public Response exchange(Request request) {
        return execute(request, null).response();
    }

    /**
     * Reads a successful response's body as a stream instead of buffering it: for large downloads (a raw file compared
     * by hash) that must not be held in memory whole. Sends like {@link #exchange(Request)} (retrying when the request
     * is retry-safe, including when the body fails midway); for a 2xx response {@code reader} consumes the body while
     * the connection is open and its result is returned. Any other status is buffered and thrown as in {@link
     * #send(Request)}.
     *
     * <p>{@code reader} may be called once per attempt (after a failed read the request is sent again), so it must not
     * keep state between calls. An {@link IOException} it throws counts as a failure of the exchange.
     *
     * @throws BitbucketApiException (a typed subclass) for a non-2xx status
     * @throws TransportException when no complete body was read on the last attempt
     */
    public <T> T sendStreaming(Request request, BodyReader<T> reader) {
        Objects.requireNonNull(reader, "reader");
        Received<T> received = execute(request, reader);
        if (!received.response().isSuccessful()) {
            throw toException(received.response());
        }
        return received.value();
    }

    /** Consumes a response body stream; see {@link #sendStreaming(Request, BodyReader)}. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /** Reads {@code body} (the caller closes it). */
        T read(InputStream body) throws IOException;
    }

    /** A response, and what a body reader made of its body (the response's own body is then empty). */
    private record Received<T>(Response response, T value) {}

    private <T> Received<T> execute(Request request, BodyReader<T> reader) {
        Objects.requireNonNull(request, "request");
        Instant start = retryPolicy.clock().instant();
        boolean refreshedAuth = false;
        for (int attempt = 1; ; attempt++) {
            ClassicHttpRequest apacheRequest = toApache(request);
            Headers sent = headersOf(apacheRequest.getHeaders());
            listener.onEvent(new HttpEvent.RequestSent(attempt, request.method(), request.uri(), sent.redacted()));
            Instant attemptStart = retryPolicy.clock().instant();
            Received<T> received;
            try {
                final int n = attempt;
                received = client.execute(apacheRequest, r -> {
                    boolean stream = reader != null && r.getCode() >= 200 && r.getCode() < 300;
                    T value = null;
                    byte[] body = new byte[0];
                    if (stream) {
                        try (InputStream in = r.getEntity() == null
                                ? InputStream.nullInputStream()
                                : r.getEntity().getContent()) {
                            value = reader.read(in);
                        }
                    } else if (r.getEntity() != null) {
                        body = EntityUtils.toByteArray(r.getEntity());
                    }
                    return new Received<>(
                            new Response(
                                    request.method(),
                                    request.uri(),
                                    r.getCode(),
                                    r.getReasonPhrase() == null ? "" : r.getReasonPhrase(),
                                    headersOf(r.getHeaders()),
                                    body,
                                    n),
                            value);
                });
            } catch (IOException | RuntimeException e) {
                LocalContentException local = localContentFailure(e);
                if (local != null) {
                    // Our own body could not be produced (a local file changed or is unreadable): not a network
                    // failure,
                    // never retried. Bitbucket only commits complete bodies.
                    listener.onEvent(new HttpEvent.ExchangeFailed(
                            attempt, request.method(), request.uri(), "local content: " + local.getMessage(), true));
                    throw local;
                }
                if (!(e instanceof IOException io)) {
                    throw (RuntimeException) e;
                }
                boolean reached = mayHaveReachedServer(io);
                String failure = describe(io);
                listener.onEvent(
                        new HttpEvent.ExchangeFailed(attempt, request.method(), request.uri(), failure, reached));
                Optional<Duration> delay = request.retrySafe()
                        ? retryPolicy.delayBeforeNext(attempt, elapsedSince(start), Optional.empty())
                        : Optional.empty();
                if (delay.isEmpty()) {
                    throw new TransportException(
                            Messages.transportFailure(request.method(), request.uri(), failure, reached, attempt),
                            request.method(),
                            request.uri(),
                            reached,
                            attempt,
                            io);
                }
                pause(request, attempt, failure, delay.get());
                continue;
            }
            Response response = received.response();
            listener.onEvent(new HttpEvent.ResponseReceived(
                    attempt,
                    request.method(),
                    request.uri(),
                    response.status(),
                    response.headers().redacted(),
                    Duration.between(attemptStart, retryPolicy.clock().instant())));
            if (response.status() == 401
                    && !refreshedAuth
                    && authorizes(request)
                    && resendable(request)
                    && authorizer.refreshAfterUnauthorized(sentAuthorization(apacheRequest))) {
                refreshedAuth = true;
                listener.onEvent(new HttpEvent.RetryScheduled(
                        attempt, request.method(), request.uri(), "401: fetching a fresh token", Duration.ZERO));
                continue;
            }
            if (RetryPolicy.isRetryableStatus(response.status()) && request.retrySafe()) {
                Optional<Duration> hint = ServerWaitHint.of(
                        response.headers(), retryPolicy.clock().instant());
                Optional<Duration> delay = retryPolicy.delayBeforeNext(attempt, elapsedSince(start), hint);
                if (delay.isPresent()) {
                    pause(request, attempt, String.valueOf(response.status()), delay.get());
                    continue;
                }
            }
            return received;
        }
    }

    /**
     * Sends a request like {@link #exchange(Request)} and returns the response only when it is 2xx.
     *
     * @throws BitbucketApiException (a typed subclass) for any other status; see {@link BitbucketApiException}
     * @throws TransportException when no response was received
     */
    public Response send(Request request) {
        Response r = exchange(request);
        if (!r.isSuccessful()) {
            throw toException(r);
        }
        return r;
    }

    /**
     * The typed exception for a non-2xx response received through this transport, with the credentials that were
     * sent to that origin (so a 401 can name the credential's specific problem, e.g. "use the account email").
     *
     * @throws IllegalArgumentException if the response is a success
     */
    public BitbucketApiException toException(Response r) {
        boolean authorized =
                authorizer != Authorizer.NONE && authorizedOrigin != null && authorizedOrigin.equals(origin(r.uri()));
        return ApiErrors.toException(r, retryPolicy.clock(), authorized ? authorizer.credentials() : Optional.empty());
    }

    /** Closes the connection pool. */
    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }

    private void pause(Request request, int attempt, String reason, Duration delay) {
        listener.onEvent(new HttpEvent.RetryScheduled(attempt, request.method(), request.uri(), reason, delay));
        try {
            retryPolicy.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(
                    Messages.interrupted(request.method(), request.uri()),
                    request.method(),
                    request.uri(),
                    true,
                    attempt,
                    e);
        }
    }

    private Duration elapsedSince(Instant start) {
        return Duration.between(start, retryPolicy.clock().instant());
    }

    private boolean authorizes(Request request) {
        return authorizer != Authorizer.NONE
                && request.authorize()
                && authorizedOrigin != null
                && authorizedOrigin.equals(origin(request.uri()));
    }

    private static Secret sentAuthorization(ClassicHttpRequest request) {
        Header h = request.getFirstHeader("Authorization");
        return h == null ? null : Secret.of(h.getValue());
    }

    private static boolean resendable(Request request) {
        return request.entity() == null || request.entity().isRepeatable();
    }

    private ClassicHttpRequest toApache(Request request) {
        ClassicRequestBuilder b = ClassicRequestBuilder.create(request.method()).setUri(request.uri());
        for (Map.Entry<String, String> h : request.headers().asList()) {
            b.addHeader(h.getKey(), h.getValue());
        }
        if (authorizes(request)) {
            Secret authorization = authorizer.authorization();
            if (authorization != null) {
                b.setHeader("Authorization", authorization.reveal());
            }
        }
        if (request.entity() != null) {
            b.setEntity(request.entity());
        }
        return b.build();
    }

    private static Headers headersOf(Header[] headers) {
        List<String> nv = new ArrayList<>();
        for (Header h : headers) {
            nv.add(h.getName());
            nv.add(h.getValue() == null ? "" : h.getValue());
        }
        return Headers.of(nv.toArray(String[]::new));
    }

    /** The {@link dev.bbpush.client.changes.LocalContentException} in {@code e}'s cause chain, or null. */
    private static LocalContentException localContentFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LocalContentException l) {
                return l;
            }
        }
        return null;
    }

    /** Only failures that prove nothing left this machine count as "not sent". */
    static boolean mayHaveReachedServer(IOException e) {
        return !(e instanceof ConnectException
                || e instanceof ConnectTimeoutException
                || e instanceof UnknownHostException
                || e instanceof NoRouteToHostException);
    }

    private static String describe(IOException e) {
        String kind = e instanceof InterruptedIOException && !(e instanceof ConnectTimeoutException)
                ? "timed out"
                : e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
    }

    static URI origin(URI uri) {
        int port = uri.getPort();
        if (port == -1) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return URI.create(
                uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    }

    /** Builds an {@link HttpTransport} (and its connection pool). */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private String userAgent = "bbpush";
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private HttpListener listener = HttpListener.NONE;

        private Builder() {}

        /** Time to establish a TCP/TLS connection. Default 10 s. */
        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d, "connectTimeout");
            return this;
        }

        /** Longest silence while waiting for response bytes. Default 60 s. */
        public Builder readTimeout(Duration d) {
            this.readTimeout = positive(d, "readTimeout");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder listener(HttpListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public HttpTransport build() {
            ConnectionConfig connections = ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(connectTimeout))
                    .setSocketTimeout(Timeout.of(readTimeout))
                    // A pooled connection the server closed while idle would fail the next request; check it first.
                    .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                    .build();
            CloseableHttpClient client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDefaultConnectionConfig(connections)
                            .setTlsSocketStrategy(new LazyTlsSocketStrategy())
                            .setMaxConnPerRoute(8)
                            .setMaxConnTotal(16)
                            .build())
                    .setDefaultRequestConfig(RequestConfig.custom()
                            .setResponseTimeout(Timeout.of(readTimeout))
                            .setRedirectsEnabled(false)
                            .build())
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .evictIdleConnections(TimeValue.ofSeconds(30))
                    .setUserAgent(userAgent)
                    .build();
            return new HttpTransport(client, retryPolicy, listener, Authorizer.NONE, null);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
