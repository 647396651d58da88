package dev.bbpush.client.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.changes.FileMode;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the remote files a plan needs through the REST listing ({@code GET …/src/{sha}/{dir}/?max_depth=N}, reference
 * §3.1), following {@code next}. It lists one directory: the deepest directory holding every touched path (and the
 * mirrored prefix), deep enough to reach each of them (all the way down in mirror mode). Entries give the size and
 * the mode ({@code executable}/{@code link} attributes) but not the blob id.
 */
final class RestTreeReader {
    /** Deep enough for any real repository; Bitbucket answers 555 rather than list forever. */
    static final int MIRROR_DEPTH = 100;

    private final RestCalls rest;

    RestTreeReader(RestCalls rest) {
        this.rest = rest;
    }

    /** The files under the listing scope of {@code touched} (+ {@code mirrorPrefix} when not null) at {@code head}. */
    RemoteTree read(String head, Collection<String> touched, String mirrorPrefix) {
        Scope scope = scope(touched, mirrorPrefix);
        Map<String, RemoteEntry> files = new HashMap<>();
        if (scope == null) {
            return RemoteTree.of(head, files, PlanSource.REST);
        }
        URI next = rest.listingUri(head, scope.dir, scope.depth);
        while (next != null) {
            Optional<JsonNode> page = rest.listingPage(next);
            if (page.isEmpty()) {
                break; // the directory does not exist: every put is new
            }
            for (JsonNode e : page.get().path("values")) {
                if (!"commit_file".equals(e.path("type").asText())) {
                    continue;
                }
                FileMode mode = modeOf(e.path("attributes"));
                if (mode != null) {
                    String path = e.path("path").asText();
                    files.put(
                            path,
                            new RemoteEntry(path, mode, null, e.path("size").asLong(-1)));
                }
            }
            next = RestCalls.nextLink(page.get());
        }
        return RemoteTree.of(head, files, PlanSource.REST);
    }

    /** The directory to list and the depth; {@code null} when nothing is touched. */
    record Scope(String dir, int depth) {}

    static Scope scope(Collection<String> touched, String mirrorPrefix) {
        String common = null;
        int deepest = 0;
        for (String p : touched) {
            String parent = parent(p);
            common = common == null ? parent : commonDir(common, parent);
        }
        if (mirrorPrefix != null) {
            common = common == null ? mirrorPrefix : commonDir(common, mirrorPrefix);
        }
        if (common == null) {
            return null;
        }
        for (String p : touched) {
            deepest = Math.max(deepest, depth(p) - depth(common));
        }
        int depth = mirrorPrefix != null ? MIRROR_DEPTH : Math.max(1, deepest);
        return new Scope(common, depth);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String commonDir(String a, String b) {
        String[] x = a.isEmpty() ? new String[0] : a.split("/");
        String[] y = b.isEmpty() ? new String[0] : b.split("/");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
            sb.append(sb.length() == 0 ? "" : "/").append(x[i]);
        }
        return sb.toString();
    }

    /** Number of segments: {@code ""} → 0, {@code a} → 1, {@code a/b} → 2. */
    private static int depth(String path) {
        return path.isEmpty() ? 0 : path.split("/").length;
    }

    private static FileMode modeOf(JsonNode attributes) {
        boolean executable = false;
        // Real responses carry an array; the spec's schema says a single string (reference: key facts 7).
        Iterable<JsonNode> values = attributes.isTextual() ? List.of(attributes) : attributes;
        for (JsonNode a : values) {
            switch (a.asText()) {
                case "link":
                    return FileMode.SYMLINK;
                case "subrepository":
                    return null;
                case "executable":
                    executable = true;
                    break;
                default:
                    break;
            }
        }
        return executable ? FileMode.EXECUTABLE : FileMode.REGULAR;
    }
}
