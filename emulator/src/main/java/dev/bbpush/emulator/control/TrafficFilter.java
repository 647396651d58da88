package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.KnownIdentities;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.ApiServlet;
import dev.bbpush.emulator.http.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.function.IntConsumer;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of the REST and Git servlets: applies the scripted {@link Faults} and records every request in the
 * {@link Journal}. Requests to {@code /_emulator/} pass untouched and unrecorded.
 */
public final class TrafficFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrafficFilter.class);
    /** The request headers the journal keeps (values masked where they carry secrets). */
    private static final List<String> HEADERS =
            List.of("Authorization", "Content-Type", "Content-Length", "Accept", "User-Agent", "Git-Protocol");

    static final String RATE_LIMIT_MESSAGE = "Rate limit for this resource has been exceeded";

    private final transient EmulatorContext ctx;
    private final transient Journal journal;
    private final transient Faults faults;

    public TrafficFilter(EmulatorContext ctx, Journal journal, Faults faults) {
        this.ctx = ctx;
        this.journal = journal;
        this.faults = faults;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI();
        if (path.equals("/_emulator") || path.startsWith("/_emulator/")) {
            chain.doFilter(req, res);
            return;
        }
        // A reset (write side) waits for this request and is never interleaved with it.
        Lock shared = ctx.store().sharedAccess();
        shared.lock();
        try {
            journaled(req, res, chain, path);
        } finally {
            shared.unlock();
        }
    }

    private void journaled(HttpServletRequest req, HttpServletResponse res, FilterChain chain, String path)
            throws IOException, ServletException {
        Instant time = Instant.now();
        long start = System.nanoTime();
        Fault fault = faults.take(req.getMethod(), path).orElse(null);
        boolean[] parked = {false};
        if (fault != null && fault.action() == Fault.Action.HOLD) {
            LOG.info("fault {} holds {} {} before handling it", fault, req.getMethod(), path);
            parked[0] = fault.hold().park();
        }
        Journal.Slot[] slot = {null};
        IntConsumer record = status -> {
            // Once per request: at the first byte of the response (see JournalingResponse), else at exit.
            if (slot[0] == null) {
                long ms = (System.nanoTime() - start) / 1_000_000;
                slot[0] = journal.record(new JournalEntry(
                        time,
                        req.getMethod(),
                        path,
                        Redaction.query(req.getQueryString()),
                        status,
                        headers(req),
                        req.getRemoteAddr(),
                        ms,
                        fault == null ? null : fault.action().wire()));
                if (fault != null && fault.action() == Fault.Action.COMMIT_THEN_HOLD) {
                    // Handled and recorded, nothing of the response sent yet: withhold it until released.
                    LOG.info("fault {} holds the {} response to {} {}", fault, status, req.getMethod(), path);
                    parked[0] = fault.hold().park();
                }
            }
        };
        int status = 500;
        try {
            JournalingResponse journaling = new JournalingResponse(res, record);
            status = fault == null
                            || fault.action() == Fault.Action.HOLD
                            || fault.action() == Fault.Action.COMMIT_THEN_HOLD
                    ? handle(req, journaling, chain)
                    : apply(fault, req, journaling, res, chain, record);
        } finally {
            try {
                record.accept(status);
                // The handler is done (side effects included), whether it answered, reset or lost the connection.
                journal.complete(slot[0]);
            } finally {
                if (parked[0]) {
                    fault.hold().finish();
                }
            }
        }
    }

    private static int handle(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(req, res);
        return res.getStatus();
    }

    /**
     * {@code res} is the journaling response; {@code raw} is used where the connection is to be broken. A broken connection
     * is journaled before it breaks ({@code record}), so a client that saw the reset finds its request in the journal.
     */
    private int apply(
            Fault f,
            HttpServletRequest req,
            HttpServletResponse res,
            HttpServletResponse raw,
            FilterChain chain,
            IntConsumer record)
            throws IOException, ServletException {
        LOG.info("fault {} applies to {} {}", f, req.getMethod(), req.getRequestURI());
        switch (f.action()) {
            case LATENCY -> {
                try {
                    Thread.sleep(f.latencyMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return handle(req, res, chain);
            }
            case STATUS -> {
                if (f.body() != null) {
                    writeBody(res, f.status(), f.body());
                } else {
                    String message = f.status() == 500 ? "Something went wrong" : HttpStatus.getMessage(f.status());
                    ApiServlet.render(res, new ApiError(f.status(), message).reason("fault " + f), req);
                }
                return f.status();
            }
            case RATE_LIMIT -> {
                ApiError e = new ApiError(429, RATE_LIMIT_MESSAGE).reason("fault " + f);
                if (f.retryAfter() != null) {
                    e.header("Retry-After", String.valueOf(f.retryAfter()));
                }
                ApiServlet.render(res, e, req);
                return 429;
            }
            case RESET_BEFORE -> {
                record.accept(0);
                ConnectionAbort.reset(req);
                return 0;
            }
            case COMMIT_THEN_RESET -> {
                DetachedResponse detached = new DetachedResponse(raw);
                try {
                    chain.doFilter(req, detached);
                    record.accept(detached.getStatus());
                } finally {
                    ConnectionAbort.reset(req);
                }
                return detached.getStatus();
            }
            default -> throw new IllegalStateException("unhandled fault action " + f.action()); // holds: see journaled
        }
    }

    /** A scripted body: JSON when it parses as JSON, else plain text. */
    private static void writeBody(HttpServletResponse res, int status, String body) throws IOException {
        res.setStatus(status);
        res.setContentType(isJson(body) ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        res.setContentLength(bytes.length);
        try (OutputStream out = res.getOutputStream()) {
            out.write(bytes);
        }
    }

    private static boolean isJson(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            return n != null && n.isContainerNode();
        } catch (IOException e) {
            return false;
        }
    }

    private Map<String, String> headers(HttpServletRequest req) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : HEADERS) {
            String v = req.getHeader(name);
            if (v != null) {
                out.put(
                        name,
                        name.equals("Authorization")
                                ? Redaction.authorization(v, u -> KnownIdentities.isKnown(ctx.world(), u))
                                : v);
            }
        }
        return out;
    }
}
