package dev.bbpush.client.error;

import java.net.URI;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The evidence of a refused request: what was asked, what Bitbucket answered, and the response headers that explain
 * refusals ({@code WWW-Authenticate}, {@code X-Credential-Type}, {@code X-OAuth-Scopes},
 * {@code X-Accepted-OAuth-Scopes}, {@code Retry-After}, {@code X-RateLimit-*}). Holds no secret: request headers are
 * not kept.
 *
 * @param method the request method
 * @param uri the request URI (without user info)
 * @param status the HTTP status
 * @param reasonPhrase the status line's reason phrase, possibly empty
 * @param error the parsed body
 * @param headers the selected response headers, keyed by lower-case name
 * @param retryAfterSeconds the server's wait hint ({@code Retry-After} or {@code X-RateLimit-Reset}), when given
 */
public record ApiFailure(
        String method,
        URI uri,
        int status,
        String reasonPhrase,
        ErrorBody error,
        Map<String, String> headers,
        Optional<Long> retryAfterSeconds) {

    public ApiFailure {
        TreeMap<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        headers = Collections.unmodifiableMap(lower);
    }

    /** A selected response header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
