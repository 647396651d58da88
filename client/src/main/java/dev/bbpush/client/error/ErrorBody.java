package dev.bbpush.client.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Bitbucket's error body, parsed leniently (reference: bitbucket-cloud-rest.md §1.4).
 *
 * <p>Handles the documented envelope {@code {"type":"error","error":{"message","detail","fields","id","data"}}} where
 * {@code detail} is a string or an object ({@code detail.granted}/{@code detail.required} on missing scopes) and
 * {@code data} may also appear at the top level; the OAuth token endpoint's {@code {"error","error_description"}};
 * plain-text bodies (the 429 text, the account-password 401); and empty bodies.
 *
 * @param message {@code error.message}, the OAuth {@code error_description}, or the first line of a plain-text body;
 *     empty when there was no body
 * @param detail {@code error.detail} when it is a string
 * @param granted scopes the credential holds ({@code detail.granted}), empty when not given
 * @param required scopes the endpoint needs ({@code detail.required}), empty when not given
 * @param fields per-field validation messages ({@code error.fields})
 * @param id Bitbucket's error id, for support
 * @param data {@code error.data} or the top-level {@code data}, as JSON text; empty when absent
 * @param text the raw body as text (at most 2,000 characters), for evidence
 */
public record ErrorBody(
        Optional<String> message,
        Optional<String> detail,
        List<String> granted,
        List<String> required,
        Map<String, List<String>> fields,
        Optional<String> id,
        Optional<String> data,
        String text) {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_TEXT = 2000;

    public ErrorBody {
        granted = List.copyOf(granted);
        required = List.copyOf(required);
        fields = Map.copyOf(fields);
        Objects.requireNonNull(data, "data");
    }

    /** An empty body. */
    public static ErrorBody empty() {
        return new ErrorBody(
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                "");
    }

    /** Parses a body of any content type; never throws. */
    public static ErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return empty();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        String clipped = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            try {
                return fromJson(MAPPER.readTree(trimmed), clipped);
            } catch (IOException e) {
                // Not JSON after all: treat as text below.
            }
        }
        String firstLine = trimmed.lines().findFirst().orElse("").strip();
        return new ErrorBody(
                firstLine.isEmpty() ? Optional.empty() : Optional.of(firstLine),
                Optional.empty(),
                List.of(),
                List.of(),
                Map.of(),
                Optional.empty(),
                Optional.empty(),
                clipped);
    }

    private static ErrorBody fromJson(JsonNode root, String text) {
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            // OAuth token endpoint: {"error": "invalid_client", "error_description": "..."}
            String description = root.path("error_description").asText("");
            String message = description.isEmpty() ? error.asText() : description + " (" + error.asText() + ")";
            return new ErrorBody(
                    Optional.of(message),
                    Optional.empty(),
                    List.of(),
                    List.of(),
                    Map.of(),
                    Optional.empty(),
                    Optional.empty(),
                    text);
        }
        Optional<String> message = textOf(error.path("message"));
        Optional<String> detail = Optional.empty();
        List<String> granted = List.of();
        List<String> required = List.of();
        JsonNode d = error.path("detail");
        if (d.isTextual()) {
            detail = textOf(d);
        } else if (d.isObject()) {
            granted = strings(d.path("granted"));
            required = strings(d.path("required"));
            detail = Optional.of(d.toString());
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        error.path("fields")
                .fields()
                .forEachRemaining(e -> fields.put(
                        e.getKey(),
                        e.getValue().isArray()
                                ? strings(e.getValue())
                                : List.of(e.getValue().asText())));
        JsonNode dataNode = error.has("data") ? error.get("data") : root.get("data");
        Optional<String> data = Optional.ofNullable(dataNode).map(JsonNode::toString);
        return new ErrorBody(message, detail, granted, required, fields, textOf(error.path("id")), data, text);
    }

    private static Optional<String> textOf(JsonNode n) {
        return n.isValueNode() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isTextual()) {
            for (String s : n.asText().split("[,\\s]+")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** {@code error.data.key} (e.g. {@code BRANCH_ALREADY_EXISTS}), when present. */
    public Optional<String> dataKey() {
        if (data.isEmpty()) {
            return Optional.empty();
        }
        try {
            return textOf(MAPPER.readTree(data.get()).path("key"));
        } catch (IOException e) {
            return Optional.empty(); // unreachable: data is JSON text this record parsed
        }
    }
}
