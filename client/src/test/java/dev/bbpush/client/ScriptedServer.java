package dev.bbpush.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A tiny HTTP server on loopback that answers from a script, for the few responses the emulator cannot produce: a
 * {@code Retry-After} HTTP date, an {@code X-RateLimit-Reset} countdown ({@code RetryHintsTest}) and a
 * client-credentials token response that still carries a refresh token, as before 2026-05-04
 * ({@code ClientCredentialsRefreshTokenTest}). Everything else runs against the emulator (use its fault API for
 * failures). Not a mock of our HTTP layer: the client talks real HTTP to it. Keeps a journal of received requests.
 *
 * <p>Responses come from the queue ({@link #enqueue}) first, else from the dispatcher ({@link #dispatcher}), else
 * {@code 500 no scripted response}.
 */
public final class ScriptedServer implements AutoCloseable {
    /** A received request. Header names are lower-case. */
    public record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A scripted answer. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply of(int status, String body, String... headerNamesAndValues) {
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 0; i < headerNamesAndValues.length; i += 2) {
                h.put(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
            }
            return new Reply(status, h, body);
        }

        public static Reply json(int status, String json, String... headerNamesAndValues) {
            Reply r = of(status, json, headerNamesAndValues);
            Map<String, String> h = new LinkedHashMap<>(r.headers());
            h.putIfAbsent("Content-Type", "application/json; charset=utf-8");
            return new Reply(status, h, json);
        }
    }

    private final HttpServer server;
    private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
    private final List<Recorded> journal = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> dispatcher;

    private ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static ScriptedServer start() {
        try {
            return new ScriptedServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScriptedServer enqueue(Reply... replies) {
        queue.addAll(List.of(replies));
        return this;
    }

    public ScriptedServer dispatcher(Function<Recorded, Reply> dispatcher) {
        this.dispatcher = dispatcher;
        return this;
    }

    /** {@code http://127.0.0.1:<port>} + path. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Recorded> requests() {
        return new ArrayList<>(journal);
    }

    public int requestCount() {
        return journal.size();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Recorded rec = new Recorded(
                ex.getRequestMethod(),
                ex.getRequestURI().getRawPath(),
                ex.getRequestURI().getRawQuery(),
                headers,
                body);
        journal.add(rec);
        Reply reply = queue.poll();
        if (reply == null && dispatcher != null) {
            reply = dispatcher.apply(rec);
        }
        if (reply == null) {
            reply = Reply.of(500, "no scripted response");
        }
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
