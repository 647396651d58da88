package dev.bbpush.client.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A complete HTTP response, body buffered: the raw evidence of an exchange. Any status is data here; {@link
 * HttpTransport#exchange(Request)} returns it without throwing, {@link HttpTransport#send(Request)} turns non-2xx into
 * a typed exception.
 *
 * @param method the request method
 * @param uri the request URI
 * @param status the HTTP status code
 * @param reasonPhrase the status line's reason phrase, possibly empty
 * @param headers the response headers
 * @param body the response body, empty when there was none
 * @param attempts how many attempts the transport made to get this response (1 = no retry)
 */
public record Response(
        String method, URI uri, int status, String reasonPhrase, Headers headers, byte[] body, int attempts) {

    /** Whether the status is 2xx. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The first value of a response header, by case-insensitive name. */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The {@code Content-Type} header, or empty. */
    public String contentType() {
        return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        return method + " " + uri + " -> " + status + " " + headers + " (" + body.length + " bytes, attempts="
                + attempts + ")";
    }
}
