package dev.bbpush.emulator.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Replaces Jetty's HTML error pages (bad URIs such as {@code %00}, failures outside our servlets' own handling) with
 * Bitbucket's JSON error envelope. The text is generic ({@code Bad request} for 4xx, {@code Something went wrong} for
 * 5xx): the container's message and exception never reach the client.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");

    static String message(int code) {
        return code >= 500 ? "Something went wrong" : code == 404 ? "Resource not found" : "Bad request";
    }

    static byte[] envelope(int code) {
        return ("{\"type\":\"error\",\"error\":{\"message\":\"" + message(code) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int code = request.getAttribute(ERROR_STATUS) instanceof Integer i ? i : response.getStatus();
        if (code < 400) {
            code = 500;
        }
        response.setStatus(code);
        byte[] body = envelope(code);
        response.getHeaders().put(JSON);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        // Jetty may drop the connection after a request it refused itself; say so, so clients do not reuse it.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        return ByteBuffer.wrap(envelope(status));
    }
}
