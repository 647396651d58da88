package dev.bbpush.emulator.git;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Git smart-HTTP request path, {@code /{workspace}/{repo}.git/<service path>}, split into its parts.
 *
 * <p>The {@code .git} suffix is optional, as on bitbucket.org ({@code git clone https://bitbucket.org/ws/repo}
 * works too).
 *
 * @param workspace the workspace slug
 * @param slug the repository slug, without {@code .git}
 * @param write whether the request belongs to a push ({@code git-receive-pack})
 */
public record GitPath(String workspace, String slug, boolean write) {
    private static final Pattern GIT = Pattern.compile(
            "^/([^/]+)/([^/]+?)(?:\\.git)?/(info/refs|git-upload-pack|git-receive-pack|HEAD|objects/.+)$");

    /**
     * Parses a request's path and query.
     *
     * @param path the path inside the servlet context, e.g. {@code /acme/infra.git/info/refs}
     * @param query the raw query string, or {@code null}
     * @return empty when the path is not a Git path
     */
    public static Optional<GitPath> parse(String path, String query) {
        if (path == null) {
            return Optional.empty();
        }
        Matcher m = GIT.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String tail = m.group(3);
        boolean write = tail.equals("git-receive-pack")
                || (tail.equals("info/refs")
                        && query != null
                        && query.matches("(^|.*&)service=git-receive-pack(&.*|$)"));
        return Optional.of(new GitPath(m.group(1), m.group(2), write));
    }

    public String fullName() {
        return workspace + "/" + slug;
    }
}
