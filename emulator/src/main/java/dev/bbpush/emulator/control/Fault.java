package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Json;
import java.util.Locale;
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
    RATE_LIMIT;

    public String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Action parse(String s) {
      for (Action a : values()) {
        if (a.wire().equals(s)) {
          return a;
        }
      }
      throw ApiError.invalidField("action", "must be one of latency, status, reset-before, commit-then-reset, rate-limit");
    }
  }

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

  private Fault(int id, String method, Pattern path, Action action, long latencyMs, int status, String body,
      Integer retryAfter, Integer count) {
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
    if (action == Action.LATENCY && (!n.has("latencyMs") || latency < 0 || latency > 600_000)) {
      throw ApiError.invalidField("latencyMs", "required for latency: 0..600000 milliseconds");
    }
    int status = n.path("status").asInt(0);
    if (action == Action.STATUS && (status < 100 || status > 599)) {
      throw ApiError.invalidField("status", "required for status: an HTTP status 100..599");
    }
    String body = n.hasNonNull("body") ? (n.get("body").isTextual() ? n.get("body").asText() : n.get("body").toString()) : null;
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

  /** Whether a request matches this fault (does not consume a count). */
  boolean matches(String requestMethod, String requestPath) {
    return (method == null || method.equals(requestMethod)) && path.matcher(requestPath).find();
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
