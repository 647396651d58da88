package dev.bbpush.emulator.git;

import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.ApiServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Answers paths on the root that are neither Git, {@code /2.0} nor {@code /_emulator}. A REST path without its
 * {@code /2.0} prefix (e.g. {@code /repositories/acme/infra}) gets Bitbucket's 403 {@code Forbidden} envelope
 * (bitbucket-cloud-auth.md §13); anything else is a 404 in the same envelope.
 */
final class RootPaths {
    /** The first segments of the REST 2.0 paths (OpenAPI document), plus {@code pullrequests}. */
    private static final Set<String> REST_ROOTS = Set.of(
            "addon", "hook_events", "pullrequests", "repositories", "snippets", "teams", "user", "users", "workspaces");

    private RootPaths() {}

    static void refuse(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        String first = path.startsWith("/") ? path.substring(1) : path;
        int slash = first.indexOf('/');
        first = slash < 0 ? first : first.substring(0, slash);
        ApiError e = REST_ROOTS.contains(first)
                ? new ApiError(403, "Forbidden").reason("REST path without the /2.0 prefix: " + path)
                : ApiError.notFound("Resource not found").reason("neither Git, /2.0 nor /_emulator: " + path);
        ApiServlet.render(res, e, req);
    }
}
