package dev.bbpush.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.error.UnexpectedResponseException;
import dev.bbpush.client.http.Response;
import java.io.IOException;

/** Reading Bitbucket's JSON answers. Internal: not part of the public API. */
public final class JsonBodies {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonBodies() {}

    /**
     * The body of a successful answer as a JSON object.
     *
     * @throws UnexpectedResponseException if the body is not a JSON object (a proxy's HTML page, an empty body)
     */
    public static JsonNode object(Response r) {
        try {
            JsonNode n = MAPPER.readTree(r.body());
            if (n != null && n.isObject()) {
                return n;
            }
        } catch (IOException e) {
            // Not JSON at all: reported below like any other non-object body.
        }
        throw new UnexpectedResponseException(
                Messages.unexpectedBody(r.method(), r.uri(), r.status(), "the body is not a JSON object"), r.status());
    }
}
