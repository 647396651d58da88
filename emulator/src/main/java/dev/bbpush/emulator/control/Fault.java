package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Json;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A scripted failure: requests whose method and path match get {@link Action} instead of (or in addition to) the
 * normal handling, for the next {@code count} matching requests or forever.
 *
 * <p>JSON form (the body of {@code POST /_emulator/faults}):
 * {@code {"method":"POST","path":"/src$","action":"status","status":503,"count":1}}. {@code path} is a Java regular
 * expression searched in the request path (use {@code ^} and {@code $} to anchor it); {@code method} is optional
 * (any method when absent).
 *
 * <p>In-process, build the same faults with the typed {@link Builder} and add them with
 * {@link Faults#add(Builder)}:
 *
 * <pre>{@code
 * bb.faults().add(Fault.on("POST", "/src$").times(1).respond(503));
 * bb.faults().add(Fault.on("POST", "/src$").commitThenReset());
 * bb.faults().add(Fault.onAnyMethod("^/2.0/repositories/").times(3).rateLimit(Duration.ofSeconds(1)));
 * Hold held = bb.faults().add(Fault.on("POST", "/src$").times(1).commitThenHold()).hold();
 * held.awaitHeld(Duration.ofSeconds(30)); // the commit has landed, the response is withheld
 * held.release();
 * }</pre>
 */
public final class Fault {
    /** What a fault does to a matching request. */
    public enum Action {
        /** Wait {@code latencyMs}, then handle normally. */
        LATENCY,
        /** Answer {@code status} with {@code body}, or Bitbucket's error envelope; the request is not handled. */
        STATUS,
        /** Reset the TCP connection before handling; nothing happens on the server. */
        RESET_BEFORE,
        /** Handle the request fully (side effects happen), then reset the connection without a response. */
        COMMIT_THEN_RESET,
        /** Answer 429 with Bitbucket's rate-limit body, and {@code Retry-After} when {@code retryAfter} is set. */
        RATE_LIMIT,
        /**
         * Park the request before handling it until its {@link Hold} is released, then handle it normally. While it
         * is parked nothing has happened on the server and it is not in the journal yet.
         */
        HOLD,
        /**
         * Handle the request fully (side effects happen), record it in the journal (in progress, with its status),
         * then withhold the response until its {@link Hold} is released; the journal entry completes after that.
         */
        COMMIT_THEN_HOLD;

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Action parse(String s) {
            for (Action a : values()) {
                if (a.wire().equals(s)) {
                    return a;
                }
            }
            throw ApiError.invalidField(
                    "action",
                    "must be one of latency, status, reset-before, commit-then-reset, rate-limit, hold, commit-then-hold");
        }
    }

    /** The longest {@link Action#LATENCY} delay: ten minutes. */
    public static final long MAX_LATENCY_MS = 600_000;

    private final int id;
    private final String method;
    private final Pattern path;
    private final Action action;
    private final long latencyMs;
    private final int status;
    private final String body;
    private final Integer retryAfter;
    private final Integer count;
    /** Matches still to affect; negative means unlimited. */
    private final AtomicInteger remaining;
    /** The gate of a hold action, else null. */
    private final Hold hold;

    private Fault(
            int id,
            String method,
            Pattern path,
            Action action,
            long latencyMs,
            int status,
            String body,
            Integer retryAfter,
            Integer count) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.action = action;
        this.latencyMs = latencyMs;
        this.status = status;
        this.body = body;
        this.retryAfter = retryAfter;
        this.count = count;
        this.remaining = new AtomicInteger(count == null ? -1 : count);
        this.hold = action == Action.HOLD || action == Action.COMMIT_THEN_HOLD ? new Hold(id) : null;
    }

    /**
     * Reads a fault from its JSON form.
     *
     * @throws ApiError 400 with {@code fields} naming the invalid field
     */
    public static Fault fromJson(int id, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw ApiError.badRequest("A fault is a JSON object");
        }
        String method = n.hasNonNull("method") ? n.get("method").asText().toUpperCase(Locale.ROOT) : null;
        if (!n.hasNonNull("path") || n.get("path").asText().isEmpty()) {
            throw ApiError.invalidField("path", "required: a regular expression searched in the request path");
        }
        Pattern path;
        try {
            path = Pattern.compile(n.get("path").asText());
        } catch (PatternSyntaxException e) {
            throw ApiError.invalidField("path", "not a valid regular expression: " + e.getDescription());
        }
        if (!n.hasNonNull("action")) {
            throw ApiError.invalidField("action", "required");
        }
        Action action = Action.parse(n.get("action").asText());
        long latency = n.path("latencyMs").asLong(0);
        if (action == Action.LATENCY && (!n.has("latencyMs") || latency < 0 || latency > MAX_LATENCY_MS)) {
            throw ApiError.invalidField("latencyMs", "required for latency: 0..600000 milliseconds");
        }
        int status = n.path("status").asInt(0);
        if (action == Action.STATUS && (status < 100 || status > 599)) {
            throw ApiError.invalidField("status", "required for status: an HTTP status 100..599");
        }
        String body = n.hasNonNull("body")
                ? (n.get("body").isTextual()
                        ? n.get("body").asText()
                        : n.get("body").toString())
                : null;
        Integer retryAfter = n.hasNonNull("retryAfter") ? n.get("retryAfter").asInt() : null;
        if (retryAfter != null && retryAfter < 0) {
            throw ApiError.invalidField("retryAfter", "seconds, 0 or more");
        }
        Integer count = n.hasNonNull("count") ? n.get("count").asInt() : null;
        if (count != null && count < 1) {
            throw ApiError.invalidField("count", "1 or more; omit it for unlimited");
        }
        return new Fault(id, method, path, action, latency, status, body, retryAfter, count);
    }

    /**
     * Starts a fault for requests with this method whose path contains a match of {@code pathRegex} (a Java regular
     * expression, searched; anchor it with {@code ^} and {@code $}).
     *
     * @throws IllegalArgumentException if {@code pathRegex} is empty or not a valid regular expression
     */
    public static Builder on(String method, String pathRegex) {
        return new Builder(Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT), pathRegex);
    }

    /** Like {@link #on(String, String)} for requests of any method. */
    public static Builder onAnyMethod(String pathRegex) {
        return new Builder(null, pathRegex);
    }

    /**
     * A fault under construction: which requests, how many, and one action (the last action method called wins).
     * Hand it to {@link Faults#add(Builder)}; the builder can be added again to script the same fault twice.
     */
    public static final class Builder {
        private final String method;
        private final Pattern path;
        private Action action;
        private long latencyMs;
        private int status;
        private String body;
        private Integer retryAfter;
        private Integer count;

        private Builder(String method, String pathRegex) {
            Objects.requireNonNull(pathRegex, "pathRegex");
            if (pathRegex.isEmpty()) {
                throw new IllegalArgumentException("pathRegex must not be empty");
            }
            try {
                this.path = Pattern.compile(pathRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "pathRegex is not a valid regular expression: " + e.getDescription(), e);
            }
            this.method = method;
        }

        /**
         * Affects only the next {@code count} matching requests, then expires ({@code "count"}); unlimited by default.
         *
         * @throws IllegalArgumentException if {@code count} is below 1
         */
        public Builder times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException(
                        "count must be 1 or more (leave it out for unlimited), was " + count);
            }
            this.count = count;
            return this;
        }

        /** {@link Action#STATUS}: answer {@code status} with Bitbucket's error envelope; the request is not handled. */
        public Builder respond(int status) {
            return respond(status, null);
        }

        /**
         * {@link Action#STATUS}: answer {@code status} with {@code body} (sent as JSON when it parses as a JSON object or
         * array, else as text), or Bitbucket's error envelope when {@code body} is {@code null}.
         *
         * @throws IllegalArgumentException if {@code status} is not 100..599
         */
        public Builder respond(int status, String body) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be an HTTP status 100..599, was " + status);
            }
            this.action = Action.STATUS;
            this.status = status;
            this.body = body;
            return this;
        }

        /** {@link Action#RATE_LIMIT}: 429 with Bitbucket's rate-limit body and no {@code Retry-After}. */
        public Builder rateLimit() {
            this.action = Action.RATE_LIMIT;
            this.retryAfter = null;
            return this;
        }

        /**
         * {@link Action#RATE_LIMIT}: 429 with {@code Retry-After} in whole seconds.
         *
         * @throws IllegalArgumentException if {@code retryAfter} is negative or not whole seconds
         */
        public Builder rateLimit(Duration retryAfter) {
            if (retryAfter.isNegative()
                    || retryAfter.toNanosPart() != 0
                    || retryAfter.getSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("retryAfter must be whole seconds, 0 or more, was " + retryAfter);
            }
            this.action = Action.RATE_LIMIT;
            this.retryAfter = (int) retryAfter.getSeconds();
            return this;
        }

        /**
         * {@link Action#LATENCY}: wait {@code delay} (millisecond precision), then handle the request normally.
         *
         * @throws IllegalArgumentException if {@code delay} is negative or above {@link #MAX_LATENCY_MS}
         */
        public Builder latency(Duration delay) {
            if (delay.isNegative() || delay.toMillis() > MAX_LATENCY_MS) {
                throw new IllegalArgumentException("latency must be 0.." + MAX_LATENCY_MS + " ms, was " + delay);
            }
            this.action = Action.LATENCY;
            this.latencyMs = delay.toMillis();
            return this;
        }

        /** {@link Action#RESET_BEFORE}: reset the TCP connection before handling; nothing happens on the server. */
        public Builder resetBefore() {
            this.action = Action.RESET_BEFORE;
            return this;
        }

        /**
         * {@link Action#COMMIT_THEN_RESET}: handle the request fully (a commit lands), then reset the connection so the
         * client never sees the response.
         */
        public Builder commitThenReset() {
            this.action = Action.COMMIT_THEN_RESET;
            return this;
        }

        /**
         * {@link Action#HOLD}: park each matching request before handling it until {@link Fault#hold()} is released;
         * then it is handled normally. Keeps a request in flight with nothing done on the server.
         */
        public Builder hold() {
            this.action = Action.HOLD;
            return this;
        }

        /**
         * {@link Action#COMMIT_THEN_HOLD}: handle each matching request fully (a commit lands) and record it in the
         * journal, then withhold the response until {@link Fault#hold()} is released. Keeps a request in flight that
         * has done everything but answer.
         */
        public Builder commitThenHold() {
            this.action = Action.COMMIT_THEN_HOLD;
            return this;
        }

        Fault build(int id) {
            if (action == null) {
                throw new IllegalStateException(
                        "the fault " + this + " has no action: call respond, rateLimit, latency, "
                                + "resetBefore, commitThenReset, hold or commitThenHold");
            }
            return new Fault(id, method, path, action, latencyMs, status, body, retryAfter, count);
        }

        @Override
        public String toString() {
            return "Fault.Builder[" + (method == null ? "*" : method) + " " + path.pattern() + " "
                    + (action == null ? "(no action)" : action.wire()) + "]";
        }
    }

    /** Whether a request matches this fault (does not consume a count). */
    boolean matches(String requestMethod, String requestPath) {
        return (method == null || method.equals(requestMethod))
                && path.matcher(requestPath).find();
    }

    /** Consumes one use; false when the fault has expired. */
    boolean consume() {
        while (true) {
            int r = remaining.get();
            if (r < 0) {
                return true;
            }
            if (r == 0) {
                return false;
            }
            if (remaining.compareAndSet(r, r - 1)) {
                return true;
            }
        }
    }

    boolean expired() {
        return remaining.get() == 0;
    }

    public int id() {
        return id;
    }

    public Action action() {
        return action;
    }

    public long latencyMs() {
        return latencyMs;
    }

    public int status() {
        return status;
    }

    /** The body for {@link Action#STATUS}, or {@code null} for Bitbucket's envelope. */
    public String body() {
        return body;
    }

    public Integer retryAfter() {
        return retryAfter;
    }

    /**
     * The gate of a {@link Action#HOLD} or {@link Action#COMMIT_THEN_HOLD} fault.
     *
     * @throws IllegalStateException for any other action
     */
    public Hold hold() {
        if (hold == null) {
            throw new IllegalStateException(
                    "the fault " + this + " holds nothing: only hold and commit-then-hold faults do");
        }
        return hold;
    }

    /** The JSON form, with {@code remaining} (null when unlimited). */
    public ObjectNode toJson() {
        ObjectNode o = Json.obj().put("id", id);
        if (method != null) {
            o.put("method", method);
        }
        o.put("path", path.pattern()).put("action", action.wire());
        switch (action) {
            case LATENCY -> o.put("latencyMs", latencyMs);
            case STATUS -> {
                o.put("status", status);
                if (body != null) {
                    o.put("body", body);
                }
            }
            case RATE_LIMIT -> {
                if (retryAfter != null) {
                    o.put("retryAfter", retryAfter);
                }
            }
            case HOLD, COMMIT_THEN_HOLD -> o.put("held", hold.held()).put("released", hold.released());
            default -> {
                // no parameters
            }
        }
        if (count == null) {
            o.putNull("count").putNull("remaining");
        } else {
            o.put("count", count).put("remaining", Math.max(0, remaining.get()));
        }
        return o;
    }

    @Override
    public String toString() {
        return "Fault[" + id + " " + (method == null ? "*" : method) + " " + path.pattern() + " " + action.wire() + "]";
    }
}
