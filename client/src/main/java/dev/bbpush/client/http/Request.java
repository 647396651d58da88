package dev.bbpush.client.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;

/**
 * An immutable HTTP request for {@link HttpTransport}: method, absolute URI, headers, optional body, and two policy
 * bits.
 *
 * <ul>
 *   <li><b>Retry-safety.</b> GET, HEAD, PUT, DELETE and OPTIONS are retried on 429, 5xx and connection failures. Other
 *       methods (POST, PATCH) never are, unless the caller marks the request {@link Builder#retrySafe()} because it
 *       knows a repeat does no harm. A body that is not {@linkplain RequestBody#isRepeatable() repeatable} (a stream) is
 *       never resent. {@link Builder#noRetry()} turns retries off for one request.
 *   <li><b>Authorization.</b> A transport with an {@link Authorizer} adds {@code Authorization} to requests for its API
 *       origin, unless the request already carries one or is built {@link Builder#withoutAuthorization()}.
 * </ul>
 *
 * <p>{@code toString()} shows the method, URI and redacted headers.
 */
public final class Request {
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final String method;
    private final URI uri;
    private final Headers headers;
    private final HttpEntity entity;
    private final boolean markedRetrySafe;
    private final boolean noRetry;
    private final boolean authorize;

    private Request(Builder b) {
        this.method = b.method;
        this.uri = b.uri;
        this.headers = b.headers;
        this.entity = b.entity;
        this.markedRetrySafe = b.markedRetrySafe;
        this.noRetry = b.noRetry;
        this.authorize = b.authorize;
    }

    public static Builder get(URI uri) {
        return new Builder("GET", uri, null);
    }

    public static Builder head(URI uri) {
        return new Builder("HEAD", uri, null);
    }

    public static Builder delete(URI uri) {
        return new Builder("DELETE", uri, null);
    }

    /** A POST with any body, e.g. the streamed multipart body of {@code POST /src}. */
    public static Builder post(URI uri, RequestBody body) {
        return new Builder("POST", uri, new BodyEntity(body));
    }

    /** A PUT with any body. */
    public static Builder put(URI uri, RequestBody body) {
        return new Builder("PUT", uri, new BodyEntity(body));
    }

    /** A POST of a JSON document (repeatable body). */
    public static Builder postJson(URI uri, String json) {
        return new Builder("POST", uri, new StringEntity(json, ContentType.APPLICATION_JSON));
    }

    /** A POST of an {@code application/x-www-form-urlencoded} body, already encoded (repeatable body). */
    public static Builder postForm(URI uri, String encodedForm) {
        return new Builder(
                "POST",
                uri,
                new StringEntity(
                        encodedForm, ContentType.APPLICATION_FORM_URLENCODED.withCharset(StandardCharsets.UTF_8)));
    }

    /** Any method, with a body or {@code null}. */
    public static Builder method(String method, URI uri, RequestBody body) {
        return new Builder(method, uri, body == null ? null : new BodyEntity(body));
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public Headers headers() {
        return headers;
    }

    /** The body as the transport sends it, or {@code null}. */
    HttpEntity entity() {
        return entity;
    }

    /** Whether the transport may resend this request after a retryable failure (see the class comment). */
    public boolean retrySafe() {
        if (noRetry) {
            return false;
        }
        if (entity != null && !entity.isRepeatable()) {
            return false;
        }
        return markedRetrySafe || IDEMPOTENT.contains(method);
    }

    /** Whether the transport's authorizer should add {@code Authorization}. */
    public boolean authorize() {
        return authorize && !headers.contains("Authorization");
    }

    /** A builder with this request's settings. */
    public Builder newBuilder() {
        Builder b = new Builder(method, uri, entity);
        b.headers = headers;
        b.markedRetrySafe = markedRetrySafe;
        b.noRetry = noRetry;
        b.authorize = authorize;
        return b;
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + headers;
    }

    /** Builds a {@link Request}. */
    public static final class Builder {
        private final String method;
        private final URI uri;
        private final HttpEntity entity;
        private Headers headers = Headers.empty();
        private boolean markedRetrySafe;
        private boolean noRetry;
        private boolean authorize = true;

        private Builder(String method, URI uri, HttpEntity entity) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            Objects.requireNonNull(uri, "uri");
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new IllegalArgumentException("uri must be absolute with a host: " + uri);
            }
            this.uri = withoutUserInfo(uri);
            this.entity = entity;
        }

        /** Adds a header. {@code Authorization} set here wins over the transport's authorizer. */
        public Builder header(String name, String value) {
            headers = headers.with(name, value);
            return this;
        }

        /** Marks a non-idempotent request as safe to resend (the caller knows a repeat does no harm). */
        public Builder retrySafe() {
            markedRetrySafe = true;
            return this;
        }

        /** Never retry this request, whatever its method. */
        public Builder noRetry() {
            noRetry = true;
            return this;
        }

        /** Do not let the transport add {@code Authorization} (e.g. the OAuth token request, which carries its own). */
        public Builder withoutAuthorization() {
            authorize = false;
            return this;
        }

        public Request build() {
            return new Request(this);
        }

        private static URI withoutUserInfo(URI uri) {
            if (uri.getRawUserInfo() == null) {
                return uri;
            }
            // Credentials never travel in URLs: drop them rather than send or log them.
            String authority =
                    uri.getRawAuthority().substring(uri.getRawAuthority().indexOf('@') + 1);
            return URI.create(uri.getScheme() + "://" + authority + (uri.getRawPath() == null ? "" : uri.getRawPath())
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
    }
}
