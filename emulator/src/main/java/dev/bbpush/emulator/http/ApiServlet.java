package dev.bbpush.emulator.http;

import dev.bbpush.emulator.EmulatorContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /2.0/*}: matches the route, authenticates, authorizes the operation, runs the handler,
 * and renders refusals as Bitbucket's error envelope. Nothing a client sends can produce a stack trace
 * in the response; unexpected failures become Bitbucket's {@code 500 Something went wrong} and are
 * logged with their cause.
 */
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** How much of a refused request's unread body is read and discarded to keep the connection usable. */
    static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    private final transient EmulatorContext ctx;
    private final transient Router router;

    public ApiServlet(EmulatorContext ctx, Router router) {
        this.ctx = ctx;
        this.router = router;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Links links = new Links(Links.originOf(req));
        List<String> segments;
        try {
            segments = segments(req.getRequestURI());
        } catch (IllegalArgumentException e) {
            refuse(resp, ApiError.badRequest("Invalid path").reason("undecodable path " + req.getRequestURI()), req);
            return;
        }
        Router.Match m = router.match(req.getMethod(), segments);
        if (!m.found()) {
            ApiError e;
            if (!m.sameTemplateOtherMethods().isEmpty()) {
                e = new ApiError(405, "Method not allowed")
                        .reason(req.getMethod() + " is not served here; the path matches "
                                + m.sameTemplateOtherMethods());
            } else {
                e = ApiError.notFound("Resource not found")
                        .reason("no route for " + req.getMethod() + " " + req.getRequestURI()
                                + router.closest(segments)
                                        .map(r -> "; closest route: " + r)
                                        .orElse(""));
            }
            refuse(resp, e, req);
            return;
        }
        Exchange ex = new Exchange(req, resp, m.route(), m.params(), links);
        try {
            ex.principal(ctx.access().authenticate(ex));
            ctx.access().decorate(ex);
            ctx.access().authorizeOperation(ex);
            m.route().handler().handle(ex);
        } catch (ApiError e) {
            refuse(resp, e, req);
        } catch (Exception e) {
            LOG.error("500 on {} {}: unexpected failure", req.getMethod(), req.getRequestURI(), e);
            refuse(resp, new ApiError(500, "Something went wrong"), req);
        }
    }

    /**
     * Renders a refusal after reading and discarding what is left of the request body (up to {@link #DRAIN_LIMIT}).
     * A client still sending a large body to a request refused early (bad credentials, unknown repository) then
     * receives the status instead of a broken pipe, and its keep-alive connection stays usable. A body that cannot be
     * drained gets {@code Connection: close}.
     */
    private static void refuse(HttpServletResponse resp, ApiError e, HttpServletRequest req) throws IOException {
        if (hasBody(req) && !resp.isCommitted() && !drainBody(req)) {
            e.header("Connection", "close");
        }
        render(resp, e, req);
    }

    private static boolean hasBody(HttpServletRequest req) {
        return req.getContentLengthLong() > 0 || req.getHeader("Transfer-Encoding") != null;
    }

    /** @return whether the body is now fully read */
    private static boolean drainBody(HttpServletRequest req) {
        try {
            InputStream in = req.getInputStream();
            long left = DRAIN_LIMIT;
            byte[] buf = new byte[8192];
            while (left >= 0) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
                left -= n;
            }
            return false;
        } catch (IOException | RuntimeException ex) {
            // A body already consumed as parts or form parameters, or the client went away.
            return false;
        }
    }

    /** The path after {@code /2.0}, split on {@code /} and then percent-decoded per segment (so {@code %2F} stays inside one). */
    static List<String> segments(String rawUri) {
        String p = rawUri.startsWith("/2.0") ? rawUri.substring(4) : rawUri;
        if (p.startsWith("/")) {
            p = p.substring(1);
        }
        List<String> out = new ArrayList<>();
        for (String s : p.split("/", -1)) {
            out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Writes a refusal, unless the response was already committed (then the log is all that is left). */
    public static void render(HttpServletResponse resp, ApiError e, HttpServletRequest req) throws IOException {
        if (e.status() >= 400 && e.status() != 404) {
            LOG.info(
                    "{} {} -> {} {}: {}",
                    req.getMethod(),
                    req.getRequestURI(),
                    e.status(),
                    e.errorMessage(),
                    e.reason());
        } else {
            LOG.debug("{} {} -> {}: {}", req.getMethod(), req.getRequestURI(), e.status(), e.reason());
        }
        if (resp.isCommitted()) {
            return;
        }
        resp.resetBuffer();
        resp.setStatus(e.status());
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            resp.setHeader(h.getKey(), h.getValue());
        }
        byte[] body;
        if (e.emptyBody()) {
            resp.setContentLength(0);
            return;
        } else if (e.plainBody() != null) {
            resp.setContentType("text/plain; charset=utf-8");
            body = e.plainBody().getBytes(StandardCharsets.UTF_8);
        } else {
            resp.setContentType("application/json; charset=utf-8");
            body = Json.MAPPER.writeValueAsBytes(e.body());
        }
        resp.setContentLength(body.length);
        try (OutputStream out = resp.getOutputStream()) {
            out.write(body);
        }
    }
}
