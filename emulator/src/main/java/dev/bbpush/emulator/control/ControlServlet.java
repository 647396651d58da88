package dev.bbpush.emulator.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.ApiServlet;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.LimitedInputStream;
import dev.bbpush.emulator.http.Links;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control API under {@code /_emulator/}: world and credentials, reset, the request journal, faults and the
 * clock (documented in docs/emulator.md, "Control API"). It answers loopback callers only, because it hands out
 * every secret of the world.
 */
public final class ControlServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ControlServlet.class);

    private final transient EmulatorContext ctx;
    private final transient Journal journal;
    private final transient Faults faults;
    private final transient Runnable reset;
    private final transient Map<String, Endpoint> endpoints;

    /**
     * @param reset what {@code POST /_emulator/reset} runs: the emulator's whole reset
     */
    public ControlServlet(EmulatorContext ctx, Journal journal, Faults faults, Runnable reset) {
        this.ctx = ctx;
        this.journal = journal;
        this.faults = faults;
        this.reset = reset;
        this.endpoints = table();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            if (!isLoopback(req.getRemoteAddr())) {
                throw new ApiError(403, "Forbidden")
                        .reason("control API called from " + req.getRemoteAddr() + ", not loopback");
            }
            String path = req.getPathInfo() == null ? "" : req.getPathInfo();
            route(req.getMethod(), path, req, res);
        } catch (ApiError e) {
            ApiServlet.render(res, e, req);
        } catch (RuntimeException e) {
            LOG.error("500 on {} {}", req.getMethod(), req.getRequestURI(), e);
            ApiServlet.render(res, new ApiError(500, "Something went wrong"), req);
        }
    }

    /** One control endpoint's handler. */
    @FunctionalInterface
    private interface Endpoint {
        void handle(HttpServletRequest req, HttpServletResponse res, String path) throws IOException;
    }

    /** The control API's route table: {@code "METHOD /path"} (after {@code /_emulator}) to its handler. */
    private Map<String, Endpoint> table() {
        Map<String, Endpoint> t = new LinkedHashMap<>();
        t.put("GET /world", (req, res, p) -> json(res, 200, WorldSummary.of(ctx, Links.originOf(req))));
        t.put("GET /credentials", (req, res, p) -> json(res, 200, credentials()));
        t.put("POST /reset", (req, res, p) -> {
            reset.run();
            LOG.info("emulator reset through the control API");
            res.setStatus(204);
        });
        t.put("GET /requests", (req, res, p) -> {
            if (req.getParameter("timeout") != null) {
                awaitRequests(req, res);
            } else {
                json(res, 200, requests(req.getParameter("limit")));
            }
        });
        t.put("DELETE /requests", (req, res, p) -> {
            journal.clear();
            res.setStatus(204);
        });
        t.put("GET /faults", (req, res, p) -> {
            ArrayNode a = Json.arr();
            faults.list().forEach(f -> a.add(f.toJson()));
            json(res, 200, a);
        });
        t.put("POST /faults", (req, res, p) -> json(res, 201, addFaults(body(req))));
        t.put("DELETE /faults", (req, res, p) -> {
            faults.clear();
            res.setStatus(204);
        });
        t.put(DELETE_FAULT, (req, res, p) -> {
            if (!faults.remove(Integer.parseInt(p.substring("/faults/".length())))) {
                throw ApiError.notFound("No such fault").reason("no fault " + p);
            }
            res.setStatus(204);
        });
        t.put(RELEASE_FAULT, (req, res, p) -> {
            if (!faults.release(Integer.parseInt(p.substring("/faults/".length(), p.length() - "/release".length())))) {
                throw ApiError.notFound("No such hold fault").reason("no hold or commit-then-hold fault " + p);
            }
            res.setStatus(204);
        });
        t.put("GET /clock", (req, res, p) -> json(res, 200, clock()));
        t.put("POST /clock", (req, res, p) -> {
            setClock(body(req));
            json(res, 200, clock());
        });
        return t;
    }

    private static final String DELETE_FAULT = "DELETE /faults/{id}";
    private static final String RELEASE_FAULT = "POST /faults/{id}/release";

    /** Every control endpoint as {@code "METHOD /_emulator/path"}, in table order (path variables as {@code {name}}). */
    public List<String> endpoints() {
        return endpoints.keySet().stream()
                .map(k -> k.replaceFirst(" ", " /_emulator"))
                .toList();
    }

    private void route(String method, String path, HttpServletRequest req, HttpServletResponse res) throws IOException {
        String key = method.equals("DELETE") && path.matches("/faults/\\d{1,9}")
                ? DELETE_FAULT
                : method.equals("POST") && path.matches("/faults/\\d{1,9}/release")
                        ? RELEASE_FAULT
                        : method + " " + path;
        Endpoint e = endpoints.get(key);
        if (e == null) {
            throw ApiError.notFound("Resource not found")
                    .reason("no control endpoint " + method + " /_emulator" + path
                            + "; see docs/emulator.md (world, credentials, reset, requests, faults, clock)");
        }
        e.handle(req, res, path);
    }

    private ArrayNode credentials() {
        ArrayNode a = Json.arr();
        for (Credential c : ctx.world().credentials()) {
            ObjectNode o =
                    a.addObject().put("name", c.name()).put("kind", c.kind().wire());
            putNullable(o, "owner", c.owner());
            putNullable(
                    o,
                    "owner_email",
                    c.owner() == null
                            ? null
                            : ctx.world().account(c.owner()).map(Account::email).orElse(null));
            putNullable(o, "resource", c.resource());
            o.put("secret", c.secret());
            putNullable(o, "key", c.key());
            c.scopes().forEach(o.putArray("scopes")::add);
            putNullable(o, "expires", c.expires() == null ? null : c.expires().toString());
            o.put("revoked", c.revoked());
        }
        return a;
    }

    private ArrayNode requests(String limit) {
        List<JournalEntry> all = journal.entries();
        int n = all.size();
        if (limit != null) {
            try {
                n = Math.max(0, Math.min(n, Integer.parseInt(limit)));
            } catch (NumberFormatException e) {
                throw ApiError.invalidField("limit", "a number of entries");
            }
        }
        ArrayNode a = Json.arr();
        all.subList(all.size() - n, all.size()).forEach(e -> a.add(e.toJson()));
        return a;
    }

    /** The longest a {@code GET /requests?timeout=} long-poll may wait. */
    static final long MAX_AWAIT_MS = 120_000;

    /**
     * {@code GET /requests?timeout=MS[&method=M][&path=REGEX][&count=N]}: waits until at least {@code count}
     * (default 1) completed requests match, then answers 200 with the matching completed entries; 408 with the
     * matches so far in {@code data.requests} when the timeout passes first.
     */
    private void awaitRequests(HttpServletRequest req, HttpServletResponse res) throws IOException {
        long timeout = number(req, "timeout", 0, MAX_AWAIT_MS, "milliseconds, 0.." + MAX_AWAIT_MS);
        int count = (int) number(req, "count", 0, Journal.CAPACITY, "0.." + Journal.CAPACITY + " requests");
        if (req.getParameter("count") == null) {
            count = 1;
        }
        String method = req.getParameter("method");
        Pattern path;
        try {
            path = Pattern.compile(req.getParameter("path") == null ? "" : req.getParameter("path"));
        } catch (PatternSyntaxException e) {
            throw ApiError.invalidField("path", "not a valid regular expression: " + e.getDescription());
        }
        List<JournalEntry> found;
        try {
            found = journal.await(
                    e -> (method == null || method.equalsIgnoreCase(e.method()))
                            && path.matcher(e.path()).find(),
                    count,
                    Duration.ofMillis(timeout));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(503, "The emulator is stopping").reason("interrupted while awaiting requests");
        }
        ArrayNode a = Json.arr();
        found.forEach(e -> a.add(e.toJson()));
        if (found.size() < count) {
            ObjectNode data = Json.obj();
            data.set("requests", a);
            throw new ApiError(
                            408,
                            "Timed out after " + timeout + " ms: " + found.size() + " of " + count
                                    + " matching requests completed")
                    .data(data);
        }
        json(res, 200, a);
    }

    private static long number(HttpServletRequest req, String name, long min, long max, String expected) {
        String v = req.getParameter(name);
        if (v == null) {
            return min;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiError.invalidField(name, expected);
    }

    private ArrayNode addFaults(JsonNode body) {
        ArrayNode out = Json.arr();
        if (body.isArray()) {
            // Validate all before adding any, so a bad entry does not leave half a script behind.
            for (JsonNode n : body) {
                Fault.fromJson(0, n);
            }
            body.forEach(n -> out.add(faults.add(n).toJson()));
        } else {
            out.add(faults.add(body).toJson());
        }
        return out;
    }

    private ObjectNode clock() {
        Instant now = ctx.clock().now();
        long offset = Math.round(Duration.between(Instant.now(), now).toMillis() / 1000.0);
        return Json.obj().put("now", now.toString()).put("offsetSeconds", offset);
    }

    /** The emulator's clock stays within years 1970..9999, so every timestamp it renders is an ordinary ISO instant. */
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private void setClock(JsonNode body) {
        if (body.hasNonNull("now")) {
            Instant now;
            try {
                now = Instant.parse(body.get("now").asText());
            } catch (DateTimeParseException e) {
                throw ApiError.invalidField("now", "an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            }
            if (now.isBefore(Instant.EPOCH) || now.isAfter(LATEST)) {
                throw ApiError.invalidField("now", "an instant between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z");
            }
            ctx.clock().set(now);
        } else if (body.hasNonNull("advanceSeconds")) {
            if (!body.get("advanceSeconds").canConvertToLong()) {
                throw ApiError.invalidField("advanceSeconds", "a whole number of seconds");
            }
            long seconds = body.get("advanceSeconds").asLong();
            Instant target;
            try {
                target = ctx.clock().now().plusSeconds(seconds);
            } catch (ArithmeticException | DateTimeException e) {
                target = null;
            }
            if (target == null || target.isBefore(Instant.EPOCH) || target.isAfter(LATEST)) {
                throw ApiError.invalidField(
                        "advanceSeconds", "a number of seconds that keeps the clock between 1970 and 9999");
            }
            ctx.clock().advance(Duration.ofSeconds(seconds));
        } else if (body.path("system").asBoolean(false)) {
            ctx.clock().reset();
        } else {
            throw ApiError.badRequest("Give \"now\" (an ISO-8601 instant), \"advanceSeconds\" or \"system\": true");
        }
    }

    private static JsonNode body(HttpServletRequest req) throws IOException {
        try {
            JsonNode n =
                    Json.MAPPER.readTree(new LimitedInputStream(req.getInputStream(), LimitedInputStream.JSON_LIMIT));
            if (n == null || !n.isContainerNode()) {
                throw ApiError.badRequest("The body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("The body is not valid JSON").reason(e.getOriginalMessage());
        } catch (LimitedInputStream.TooLarge e) {
            throw ApiError.badRequest("The body is larger than 1 MiB")
                    .header("Connection", "close")
                    .reason(e.getMessage());
        } catch (IOException e) {
            throw ApiError.badRequest("The body could not be read")
                    .header("Connection", "close")
                    .reason(e.toString());
        }
    }

    private static void json(HttpServletResponse res, int status, JsonNode body) throws IOException {
        // Pretty and newline-terminated: the control API is read with curl as often as by code.
        byte[] bytes = (Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        res.setStatus(status);
        res.setContentType("application/json; charset=utf-8");
        res.setContentLength(bytes.length);
        try (OutputStream out = res.getOutputStream()) {
            out.write(bytes);
        }
    }

    private static void putNullable(ObjectNode o, String name, String value) {
        if (value == null) {
            o.putNull(name);
        } else {
            o.put(name, value);
        }
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
