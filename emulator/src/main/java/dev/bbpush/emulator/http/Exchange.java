package dev.bbpush.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.auth.Principal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request being handled: its matched route and path variables, the authenticated principal, and
 * helpers that write Bitbucket-shaped responses.
 */
public final class Exchange {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final Route route;
    private final Map<String, String> params;
    private final Links links;
    private Principal principal;

    public Exchange(
            HttpServletRequest request,
            HttpServletResponse response,
            Route route,
            Map<String, String> params,
            Links links) {
        this.request = request;
        this.response = response;
        this.route = route;
        this.params = params;
        this.links = links;
    }

    public HttpServletRequest request() {
        return request;
    }

    public HttpServletResponse response() {
        return response;
    }

    public Route route() {
        return route;
    }

    public Links links() {
        return links;
    }

    public Principal principal() {
        return principal;
    }

    public void principal(Principal p) {
        this.principal = p;
    }

    /** A decoded path variable of the route template. */
    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("route " + route + " has no variable " + name);
        }
        return v;
    }

    /**
     * A query-string parameter, or {@code null}. Only the query string counts: form-body fields are not
     * query parameters, and reading them here would consume a url-encoded body the handler needs.
     */
    private String formBody;

    public String query(String name) {
        List<String> v = queryAll(name);
        return v.isEmpty() ? null : v.get(0);
    }

    public List<String> queryAll(String name) {
        return pairs(request.getQueryString(), name);
    }

    /**
     * The values of {@code name} in an {@code application/x-www-form-urlencoded} body (read once, at most 1 MiB);
     * empty for other content types.
     *
     * @throws ApiError 400 when the body is larger than 1 MiB or cannot be read
     */
    public List<String> formAll(String name) {
        if (formBody == null) {
            String ct = request.getContentType();
            formBody = "";
            if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                try (InputStream in = new LimitedInputStream(request.getInputStream(), LimitedInputStream.JSON_LIMIT)) {
                    formBody = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (LimitedInputStream.TooLarge e) {
                    throw ApiError.badRequest("Bad request")
                            .detail("The form body is larger than 1 MiB.")
                            .reason(e.getMessage());
                } catch (IOException e) {
                    throw ApiError.badRequest("Bad request")
                            .detail("The form body could not be read.")
                            .reason(e.toString());
                }
            }
        }
        return pairs(formBody, name);
    }

    private static List<String> pairs(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    out.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException e) {
                // A malformed %-escape: that pair is not a parameter.
            }
        }
        return out;
    }

    /** The request body as JSON; 400 {@code expected a dictionary} (Bitbucket's words) if it is not an object. */
    public JsonNode jsonBody() throws IOException {
        String ct = request.getContentType();
        JsonNode node = null;
        if (ct != null && ct.toLowerCase().startsWith("application/json")) {
            try {
                node = Json.MAPPER.readTree(
                        new LimitedInputStream(request.getInputStream(), LimitedInputStream.JSON_LIMIT));
            } catch (LimitedInputStream.TooLarge e) {
                ApiError big = new ApiError(400, "Bad request");
                big.fields(Json.obj().put("", "the request body is larger than 1 MiB"));
                throw big.reason("JSON body over " + LimitedInputStream.JSON_LIMIT + " bytes");
            } catch (IOException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            ApiError e = new ApiError(400, "Bad request");
            e.fields(Json.obj().put("", "expected a dictionary"));
            throw e.reason("request body is not a JSON object (Content-Type: " + ct + ")");
        }
        return node;
    }

    public void json(int status, JsonNode body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    public void empty(int status) {
        response.setStatus(status);
        response.setContentLength(0);
    }

    public void header(String name, String value) {
        response.setHeader(name, value);
    }
}
