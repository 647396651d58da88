package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.Branch;
import dev.bbpush.client.changes.InvalidChangeSetException;
import dev.bbpush.client.changes.RepoPaths;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.internal.JsonBodies;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code read_file} and {@code list_directory}: what is on a branch, so an agent can look before it writes. The
 * branch is resolved to its head commit first (so a file and its listing come from one commit, and branch names with
 * {@code /} work), then {@code GET …/src/{commit}/{path}} (reference: bitbucket-cloud-rest.md §3.1).
 */
final class SourceTools {
    /** The largest file {@code read_file} returns inline. */
    static final int MAX_FILE_BYTES = 1024 * 1024;

    /** The most entries {@code list_directory} returns. */
    static final int MAX_ENTRIES = 2000;

    private final Connection connection;

    SourceTools(Connection connection) {
        this.connection = connection;
    }

    /** The branch and its head commit. */
    private record Head(String branch, String commit) {}

    /**
     * {@code {repository, branch, commit, path, size, mode, encoding: "utf-8"|"base64", content}}: UTF-8 text as it is,
     * other bytes as base64.
     */
    ObjectNode readFile(Arguments a, Call call) {
        RepositoryRef repo = Tools.repository(a);
        call.about(repo, EnumSet.of(Operation.READ));
        String path = repoPath(a, "path", a.requiredString("path", "\"live/network/main.tf\""));
        if (path.isEmpty()) {
            throw a.invalid("'path' names the repository root, not a file", "Call list_directory to see the root.");
        }
        BitbucketClient client = connection.session().client();
        Head head = head(client, repo, a);
        Response meta = client.http()
                .exchange(Request.get(URI.create(src(client, repo, head, path) + "?format=meta"))
                        .build());
        if (meta.status() == 404) {
            throw new ToolFailure(
                    ToolCause.PATH_NOT_FOUND,
                    "There is no '" + path + "' on branch '" + head.branch() + "' of " + repo.fullName() + " (commit "
                            + head.commit() + ").",
                    "Check the path with list_directory; to create the file, push it with push_files.");
        }
        if (!meta.isSuccessful()) {
            throw client.http().toException(meta);
        }
        JsonNode m = json(meta);
        if ("commit_directory".equals(m.path("type").asText())) {
            throw new ToolFailure(
                    ToolCause.PATH_IS_DIRECTORY,
                    "'" + path + "' is a directory on branch '" + head.branch() + "'.",
                    "Call list_directory with \"path\": \"" + path + "\".");
        }
        long size = m.path("size").asLong(-1);
        if (size > MAX_FILE_BYTES) {
            throw new ToolFailure(
                    ToolCause.FILE_TOO_LARGE,
                    "'" + path + "' is " + size + " bytes; read_file returns at most " + MAX_FILE_BYTES + " bytes.",
                    "Read it outside MCP (git clone, or bbpush's library).");
        }
        byte[] bytes = client.http()
                .sendStreaming(
                        Request.get(src(client, repo, head, path)).build(), in -> in.readNBytes(MAX_FILE_BYTES + 1));
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ToolFailure(
                    ToolCause.FILE_TOO_LARGE,
                    "'" + path + "' is larger than " + MAX_FILE_BYTES + " bytes.",
                    "Read it outside MCP (git clone, or bbpush's library).");
        }
        ObjectNode o = located(repo, head);
        o.put("path", path);
        o.put("size", bytes.length);
        o.put("mode", mode(m.path("attributes")));
        String text = utf8(bytes);
        o.put("encoding", text == null ? "base64" : "utf-8");
        o.put("content", text == null ? Base64.getEncoder().encodeToString(bytes) : text);
        return o;
    }

    /**
     * {@code {repository, branch, commit, path, depth, entries: [{path, type: "file"|"directory", size, mode}],
     * truncated}}, sorted as Bitbucket lists them.
     */
    ObjectNode listDirectory(Arguments a, Call call) {
        RepositoryRef repo = Tools.repository(a);
        call.about(repo, EnumSet.of(Operation.READ));
        String dir = repoPath(a, "path", a.optionalString("path").orElse(""));
        int depth = a.integer("depth", 1, 1, 20);
        BitbucketClient client = connection.session().client();
        Head head = head(client, repo, a);
        URI next = URI.create(src(client, repo, head, dir) + "/?max_depth=" + depth + "&pagelen=100");
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        boolean truncated = false;
        while (next != null) {
            Response r = client.http().exchange(Request.get(next).build());
            if (r.status() == 404) {
                throw new ToolFailure(
                        ToolCause.PATH_NOT_FOUND,
                        "There is no directory '" + dir + "' on branch '" + head.branch() + "' of " + repo.fullName()
                                + " (commit " + head.commit() + ").",
                        "List its parent (or the root: leave out \"path\") to see what exists.");
            }
            if (!r.isSuccessful()) {
                throw client.http().toException(r);
            }
            JsonNode page = json(r);
            for (JsonNode e : page.path("values")) {
                if (entries.size() == MAX_ENTRIES) {
                    truncated = true;
                    break;
                }
                ObjectNode n = entries.addObject();
                boolean directory = "commit_directory".equals(e.path("type").asText());
                n.put("path", e.path("path").asText());
                n.put("type", directory ? "directory" : "file");
                if (!directory) {
                    n.put("size", e.path("size").asLong());
                    n.put("mode", mode(e.path("attributes")));
                }
            }
            String link = page.path("next").asText("");
            next = truncated || link.isEmpty() ? null : URI.create(link);
        }
        ObjectNode o = located(repo, head);
        o.put("path", dir);
        o.put("depth", depth);
        o.set("entries", entries);
        o.put("truncated", truncated);
        return o;
    }

    /** The requested branch (or the main branch) and its head commit. */
    private static Head head(BitbucketClient client, RepositoryRef repo, Arguments a) {
        String branch = a.optionalString("branch").orElse(null);
        if (branch == null) {
            branch = client.repository(repo.workspace(), repo.slug())
                    .mainBranch()
                    .orElseThrow(() -> new ToolFailure(
                            ToolCause.BRANCH_NOT_FOUND,
                            repo.fullName() + " has no main branch: it is empty.",
                            "Push the first files with push_files; there is nothing to read yet."));
        }
        String name = branch;
        Branch b = client.branch(repo.workspace(), repo.slug(), name)
                .orElseThrow(() -> new ToolFailure(
                        ToolCause.BRANCH_NOT_FOUND,
                        "There is no branch '" + name + "' in " + repo.fullName() + ".",
                        "Leave out \"branch\" to read the main branch, or push to '" + name + "' to create it."));
        return new Head(b.name(), b.targetHash());
    }

    /** {@code …/src/{commit}/{path}} (each path segment encoded). */
    private static URI src(BitbucketClient client, RepositoryRef repo, Head head, String path) {
        List<String> segments =
                new ArrayList<>(List.of("repositories", repo.workspace(), repo.slug(), "src", head.commit()));
        if (!path.isEmpty()) {
            segments.addAll(Arrays.asList(path.split("/")));
        }
        return client.endpoint(segments.toArray(String[]::new));
    }

    private static ObjectNode located(RepositoryRef repo, Head head) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("repository", repo.fullName());
        o.put("branch", head.branch());
        o.put("commit", head.commit());
        return o;
    }

    /**
     * A repository path without surrounding slashes; {@code ""} for the root ({@code "."} and {@code "/"} too). Checked
     * with the rules of pushed paths ({@link RepoPaths}): no {@code ..} or {@code .} segment, no {@code .git}, no
     * control characters.
     *
     * @throws ToolFailure {@link ToolCause#INVALID_ARGUMENTS} naming the rule the path breaks
     */
    private static String repoPath(Arguments a, String name, String p) {
        String s = p.strip();
        while (s.startsWith("/") || s.startsWith("./")) {
            s = s.startsWith("/") ? s.substring(1) : s.substring(2);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.equals(".")) {
            return "";
        }
        try {
            return RepoPaths.normalize(s);
        } catch (InvalidChangeSetException e) {
            String why = e.getMessage();
            int cliFix = why.indexOf(" Rename the file");
            throw a.invalid(
                    "'" + a.where(name) + "' is not a repository path: "
                            + (cliFix < 0 ? why : why.substring(0, cliFix - 1)),
                    "Pass a path inside the repository, relative to its root and without "
                            + "'..' or '.' segments, e.g. \"live/network/main.tf\" (list_directory shows what exists).");
        }
    }

    /** {@code regular}, {@code executable} or {@code symlink}, from Bitbucket's {@code attributes}. */
    private static String mode(JsonNode attributes) {
        for (JsonNode a : attributes) {
            if ("executable".equals(a.asText())) {
                return "executable";
            }
            if ("link".equals(a.asText())) {
                return "symlink";
            }
        }
        return "regular";
    }

    /** The bytes as text when they are valid UTF-8 without NUL, else null. */
    private static String utf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static JsonNode json(Response r) {
        return JsonBodies.object(r);
    }
}
