package dev.bbpush.client.push;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.error.UnexpectedResponseException;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.internal.JsonBodies;
import dev.bbpush.client.internal.Messages;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The REST calls of one push, all through one transport view whose listener counts requests. GETs are retried by
 * the transport (429/5xx/connection failures); POSTs never are.
 */
final class RestCalls {

    /** A commit as {@code GET …/commits} lists it. */
    record CommitInfo(String hash, String message, List<String> parents) {}

    private final BitbucketClient client;
    private final HttpTransport http;
    private final String workspace;
    private final String repo;
    private Optional<String> mainBranch;

    RestCalls(BitbucketClient client, HttpTransport http, String workspace, String repo) {
        this.client = client;
        this.http = http;
        this.workspace = workspace;
        this.repo = repo;
    }

    HttpTransport http() {
        return http;
    }

    /**
     * {@code GET /repositories/{ws}/{repo}}: the main branch name, if the repository reports one. Asked once per push
     * (the answer is kept).
     */
    Optional<String> mainBranch() {
        if (mainBranch == null) {
            JsonNode json = json(http.send(Request.get(repoEndpoint()).build()));
            String main = json.path("mainbranch").path("name").asText("");
            mainBranch = main.isEmpty() ? Optional.empty() : Optional.of(main);
        }
        return mainBranch;
    }

    /** {@code GET …/refs/branches/{name}}: the head commit, or empty when the branch does not exist. */
    Optional<String> branchHead(String branch) {
        List<String> segments = new ArrayList<>(List.of("repositories", workspace, repo, "refs", "branches"));
        segments.addAll(Arrays.asList(branch.split("/", -1)));
        Response r = http.exchange(
                Request.get(client.endpoint(segments.toArray(String[]::new))).build());
        if (r.status() == 404) {
            mainBranch(); // a NotFoundException here says the repository itself is the missing part
            return Optional.empty();
        }
        if (!r.isSuccessful()) {
            throw http.toException(r);
        }
        String hash = json(r).path("target").path("hash").asText("");
        if (hash.isEmpty()) {
            throw unexpected(r, "the branch has no target.hash");
        }
        return Optional.of(hash);
    }

    /**
     * {@code GET …/commits/{head}?exclude={exclude}}: commits reachable from {@code head} but not from {@code exclude}
     * (all of them when {@code exclude} is null), newest first, at most {@code maxPages} pages of 50.
     */
    List<CommitInfo> commitsSince(String head, String exclude, int maxPages) {
        String query = "pagelen=50" + (exclude == null ? "" : "&exclude=" + exclude);
        URI next = URI.create(client.endpoint("repositories", workspace, repo, "commits", head) + "?" + query);
        List<CommitInfo> out = new ArrayList<>();
        for (int page = 0; next != null && page < maxPages; page++) {
            JsonNode json = json(http.send(Request.get(next).build()));
            for (JsonNode c : json.path("values")) {
                List<String> parents = new ArrayList<>();
                c.path("parents").forEach(p -> parents.add(p.path("hash").asText()));
                out.add(new CommitInfo(
                        c.path("hash").asText(), c.path("message").asText(""), parents));
            }
            next = nextLink(json);
        }
        return out;
    }

    /**
     * The paths that differ between {@code oldHead} and {@code newHead}:
     * {@code GET …/diffstat/{new}..{old}?topic=false}
     * (Bitbucket's spec is reversed relative to {@code git diff}: the first commit is the new one, reference §6.3;
     * {@code topic=false} asks for a plain two-dot diff rather than one against the merge base). Both sides of renames.
     */
    List<String> changedPaths(String oldHead, String newHead) {
        URI next = URI.create(client.endpoint("repositories", workspace, repo, "diffstat", newHead + ".." + oldHead)
                + "?topic=false&pagelen=500");
        List<String> paths = new ArrayList<>();
        while (next != null) {
            JsonNode json = json(http.send(Request.get(next).build()));
            for (JsonNode d : json.path("values")) {
                for (String side : List.of("old", "new")) {
                    String p = d.path(side).path("path").asText("");
                    if (!p.isEmpty()) {
                        paths.add(p);
                    }
                }
            }
            next = nextLink(json);
        }
        return paths;
    }

    /**
     * Every file path in the tree of {@code commit}: the root listing {@code …/src/{commit}/?max_depth=100}, following
     * {@code next}. Used to compare with an empty repository, where the other writers' change is their whole tree.
     */
    List<String> filesAt(String commit) {
        List<String> paths = new ArrayList<>();
        URI next = listingUri(commit, "", RestTreeReader.MIRROR_DEPTH);
        while (next != null) {
            Optional<JsonNode> page = listingPage(next);
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode e : page.get().path("values")) {
                if ("commit_file".equals(e.path("type").asText())) {
                    paths.add(e.path("path").asText());
                }
            }
            next = nextLink(page.get());
        }
        return paths;
    }

    /** The URL of {@code …/src/{commit}/{dir}/?max_depth=..&pagelen=100}. */
    URI listingUri(String commit, String dir, int maxDepth) {
        List<String> segments = new ArrayList<>(List.of("repositories", workspace, repo, "src", commit));
        if (!dir.isEmpty()) {
            segments.addAll(Arrays.asList(dir.split("/")));
        }
        return URI.create(
                client.endpoint(segments.toArray(String[]::new)) + "/?max_depth=" + maxDepth + "&pagelen=100");
    }

    /** One page of a listing, or empty when the directory does not exist (404). */
    Optional<JsonNode> listingPage(URI uri) {
        Response r = http.exchange(Request.get(uri).build());
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.isSuccessful()) {
            throw http.toException(r);
        }
        return Optional.of(json(r));
    }

    /**
     * {@code GET …/src/{commit}/{path}}: the Git blob id of one file, hashed as its bytes arrive (a large file is never
     * held in memory), or empty when the body is not {@code size} bytes long (then it is not the file the caller has).
     * Retried like every GET.
     */
    Optional<ObjectId> rawFileBlobId(String commit, String path, long size) {
        List<String> segments = new ArrayList<>(List.of("repositories", workspace, repo, "src", commit));
        segments.addAll(Arrays.asList(path.split("/")));
        return http.sendStreaming(
                Request.get(client.endpoint(segments.toArray(String[]::new))).build(), body -> blobIdOf(body, size));
    }

    /** The blob id of exactly {@code size} bytes read from {@code in}, or empty when {@code in} is shorter or longer. */
    static Optional<ObjectId> blobIdOf(InputStream in, long size) throws IOException {
        EndAwareStream body = new EndAwareStream(in);
        ObjectId id;
        try {
            id = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, size, body);
        } catch (EOFException e) {
            if (body.ended) {
                return Optional.empty(); // the body ended cleanly before `size` bytes: a shorter file
            }
            throw e;
        }
        return body.read() == -1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Remembers whether the wrapped stream reported its end, so a shorter body (clean end) is told apart from a broken
     * connection (an {@link IOException} from the transport, which is retried).
     */
    private static final class EndAwareStream extends FilterInputStream {
        private boolean ended;

        EndAwareStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b == -1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n == -1;
            return n;
        }
    }

    /** The {@code …/src} endpoint for commits. */
    URI srcEndpoint() {
        return client.endpoint("repositories", workspace, repo, "src");
    }

    URI pullRequestsEndpoint() {
        return client.endpoint("repositories", workspace, repo, "pullrequests");
    }

    URI repoEndpoint() {
        return client.endpoint("repositories", workspace, repo);
    }

    static String encodeQuery(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static URI nextLink(JsonNode json) {
        String next = json.path("next").asText("");
        return next.isEmpty() ? null : URI.create(next);
    }

    static JsonNode json(Response r) {
        return JsonBodies.object(r);
    }

    static UnexpectedResponseException unexpected(Response r, String what) {
        return new UnexpectedResponseException(
                Messages.unexpectedBody(r.method(), r.uri(), r.status(), what), r.status());
    }
}
