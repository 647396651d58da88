package dev.bbpush.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal, rendered as Bitbucket's error envelope:
 * {@code {"type":"error","error":{"message":…,"detail":…,"fields":…,"data":…}}}.
 *
 * <p>Handlers throw it; {@link ApiServlet} renders it. {@link #reason} is what the emulator logs (why
 * it refused, in words a developer reads); it is never sent to the client, because fidelity requires
 * Bitbucket's exact bodies.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorMessage;
    private transient JsonNode detail;
    private transient ObjectNode fields;
    private transient ObjectNode data;
    private boolean dataAtTopLevel;
    private final Map<String, String> headers = new LinkedHashMap<>();
    /** When set, the body is this text/plain string instead of the JSON envelope. */
    private String plainBody;
    /** When true, the response has no body at all (e.g. Bitbucket's bare 401 with a challenge). */
    private boolean emptyBody;

    private String reason;

    public ApiError(int status, String message) {
        super(status + " " + message, null, false, false);
        this.status = status;
        this.errorMessage = message;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, message);
    }

    /** 400 {@code Bad request} with {@code fields: {field: [message]}}, as Bitbucket reports invalid input. */
    public static ApiError invalidField(String field, String message) {
        ApiError e = new ApiError(400, "Bad request");
        ObjectNode f = Json.obj();
        f.putArray(field).add(message);
        e.fields = f;
        return e;
    }

    public ApiError detail(String detail) {
        this.detail = Json.MAPPER.getNodeFactory().textNode(detail);
        return this;
    }

    public ApiError detail(JsonNode detail) {
        this.detail = detail;
        return this;
    }

    public ApiError fields(ObjectNode fields) {
        this.fields = fields;
        return this;
    }

    public ApiError data(ObjectNode data) {
        this.data = data;
        return this;
    }

    /** Repeat {@code data} next to {@code error}, as some Bitbucket errors do. */
    public ApiError dataAlsoAtTopLevel() {
        this.dataAtTopLevel = true;
        return this;
    }

    public ApiError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiError plain(String body) {
        this.plainBody = body;
        return this;
    }

    public ApiError noBody() {
        this.emptyBody = true;
        return this;
    }

    /** Why the emulator refused, for its log. Never sent to the client. */
    public ApiError reason(String reason) {
        this.reason = reason;
        return this;
    }

    public int status() {
        return status;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String reason() {
        return reason != null ? reason : errorMessage;
    }

    public String plainBody() {
        return plainBody;
    }

    public boolean emptyBody() {
        return emptyBody;
    }

    /** The JSON envelope. */
    public ObjectNode body() {
        ObjectNode root = Json.obj().put("type", "error");
        ObjectNode error = root.putObject("error");
        error.put("message", errorMessage);
        if (fields != null) {
            error.set("fields", fields);
        }
        if (detail != null) {
            error.set("detail", detail);
        }
        if (data != null) {
            error.set("data", data);
            if (dataAtTopLevel) {
                root.set("data", data);
            }
        }
        return root;
    }

    /** A convenience for the scope-error detail: {@code {"granted": [...], "required": [...]}}. */
    public static ObjectNode scopeDetail(List<String> granted, List<String> required) {
        ObjectNode d = Json.obj();
        granted.forEach(d.putArray("granted")::add);
        required.forEach(d.putArray("required")::add);
        return d;
    }
}
