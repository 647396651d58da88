package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.Json;
import java.time.Instant;
import java.util.Map;

/**
 * One request as the emulator saw it. Secrets are already masked: {@code Authorization} keeps its scheme and at
 * most a non-secret prefix, sensitive query parameters keep only their names.
 *
 * @param time when the request arrived (system time)
 * @param method the HTTP method
 * @param path the request path
 * @param query the query string with sensitive values masked, or {@code null}
 * @param status the status the handler produced (for {@code commit-then-reset}, the one the client never got)
 * @param headers selected request headers, masked
 * @param remoteAddress the client address
 * @param durationMs handling time in milliseconds
 * @param fault the fault applied ({@code action} wire name), or {@code null}
 */
public record JournalEntry(
        Instant time,
        String method,
        String path,
        String query,
        int status,
        Map<String, String> headers,
        String remoteAddress,
        long durationMs,
        String fault) {

    public JournalEntry {
        headers = Map.copyOf(headers);
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.obj();
        o.put("time", time.toString()).put("method", method).put("path", path);
        if (query == null) {
            o.putNull("query");
        } else {
            o.put("query", query);
        }
        o.put("status", status);
        ObjectNode h = o.putObject("headers");
        headers.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> h.put(e.getKey(), e.getValue()));
        o.put("remoteAddress", remoteAddress).put("durationMs", durationMs);
        if (fault == null) {
            o.putNull("fault");
        } else {
            o.put("fault", fault);
        }
        return o;
    }
}
