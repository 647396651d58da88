package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.CommitRefused;
import dev.bbpush.emulator.store.CommitRequest;
import dev.bbpush.emulator.store.CommitResult;
import dev.bbpush.emulator.store.CommitService;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.store.SourceTree;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The source endpoints (bitbucket-cloud-rest.md §2, §3): {@code POST …/src} creates a commit,
 * {@code GET …/src} redirects to the main branch's root listing, and {@code GET …/src/{commit}/{path}}
 * serves raw files, directory listings and {@code format=meta} objects.
 */
public final class SrcApi {
    /** The most tree entries one listing may visit; beyond it the listing "times out" with 555 (§1.10). */
    static final int LISTING_BUDGET = 100_000;
    /** How much of a refused request's body is read to keep the connection alive. */
    private static final int DEFAULT_PAGELEN = 10;

    private static final int MAX_PAGELEN = 100;

    private final EmulatorContext ctx;
    private final CommitService commits;
    private final Path spoolDir;

    public SrcApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.commits = new CommitService(ctx.store(), ctx.clock());
        // Next to the container's multipart spool directory (see Emulator).
        this.spoolDir = ctx.store().spoolDirectory();
    }

    /** {@code POST …/src}: 201, empty body, {@code Location} of the new commit. (A refusal's body is drained by ApiServlet.) */
    void commit(Exchange ex) throws IOException {
        createCommit(ex);
    }

    private void createCommit(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.WRITE);
        try (FormFields form = FormFields.read(ex.request(), spoolDir)) {
            CommitRequest req = SrcCommand.interpret(form.fields(), defaultAuthor(ex.principal()));
            CommitResult result;
            try {
                result = commits.commit(repo, req);
            } catch (CommitRefused e) {
                throw refusal(e);
            }
            ex.header("Location", ex.links().commit(repo.workspace(), repo.slug(), result.sha()));
            ex.empty(201);
        }
    }

    private static ApiError refusal(CommitRefused e) {
        return switch (e.kind()) {
            // Bitbucket's 409 text is not documented (bitbucket-cloud-rest.md §1.4); this is the emulator's.
            case STALE_PARENT ->
                new ApiError(
                                409,
                                "The branch " + e.subject() + " has moved: parents is not its tip. "
                                        + "Fetch the new tip and retry with it as parents.")
                        .reason(e.getMessage());
            case UNKNOWN_PARENT ->
                ApiError.invalidField("parents", "Commit not found: " + e.subject())
                        .reason(e.getMessage());
            case NO_SUCH_PATH ->
                ApiError.invalidField("files", "No such file or directory: " + e.subject())
                        .reason(e.getMessage());
            case NO_MAIN_BRANCH ->
                ApiError.notFound("Branch not found: " + e.subject()).reason(e.getMessage());
        };
    }

    /**
     * The author when the form names none: the account's display name and email (§2.1). Principals
     * without an account (access tokens) commit as a bot identity named after the credential.
     */
    private static CommitRequest.Identity defaultAuthor(Principal p) {
        Optional<Account> a = p.accountOpt();
        if (a.isPresent()) {
            return new CommitRequest.Identity(a.get().displayName(), a.get().email());
        }
        String name = p.credential() != null ? p.credential().name() : "Bitbucket";
        return new CommitRequest.Identity(name, name.replaceAll("[^A-Za-z0-9._-]", "-") + "@bots.bitbucket.org");
    }

    /** {@code GET …/src}: 302 to the root listing of the main branch's tip, keeping the query string (§3.2). */
    void redirectToMainBranch(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        String main = ctx.store().mainBranch(repo);
        String head = ctx.store()
                .contents(repo)
                .branchHead(main)
                .orElseThrow(() -> ApiError.notFound("Repository is empty")
                        .reason(repo.fullName() + " has no main branch " + main));
        String q = ex.request().getQueryString();
        String location = ex.links().repo(repo.workspace(), repo.slug()) + "/src/" + head + "/"
                + (q == null || q.isEmpty() ? "" : "?" + q);
        ex.header("Location", location);
        ex.empty(302);
    }

    /** {@code GET …/src/{commit}/{path}}: a raw file, a directory listing, or a {@code format=meta} object. */
    void read(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        RepoContents git = ctx.store().contents(repo);
        String commitish = ex.param("commit");
        // Branch names with "/" do not work in /src paths, even %2F-encoded (BCLOUD-9969, rest.md §3.1).
        if (commitish.contains("/")) {
            throw Revisions.commitNotFound(commitish)
                    .reason("'" + commitish + "' contains '/': /src cannot take such branch names (BCLOUD-9969)");
        }
        Commit commit = Revisions.require(git, commitish);
        String rawPath = ex.param("path");
        boolean wantsDirectory = rawPath.isEmpty() || rawPath.endsWith("/");
        String path = wantsDirectory && !rawPath.isEmpty() ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        if (path.startsWith("/") || path.contains("//") || path.endsWith("/")) {
            throw noSuchPath(rawPath);
        }
        try (SourceTree tree = git.tree(commit)) {
            SourceTree.Item item = tree.lookup(path).orElseThrow(() -> noSuchPath(rawPath));
            boolean meta = "meta".equals(ex.query("format"));
            SrcEntries entries =
                    new SrcEntries(repo, commit.sha(), ex.links(), new Representations(ctx.world(), ex.links()), tree);
            if (item.isDirectory()) {
                if (meta) {
                    ex.json(200, entries.directory(path));
                } else {
                    ex.json(200, Page.of(ex, listing(tree, item, ex), entries::render, DEFAULT_PAGELEN, MAX_PAGELEN));
                }
            } else if (wantsDirectory) {
                throw noSuchPath(rawPath);
            } else if (meta) {
                ex.json(200, entries.file(item));
            } else {
                raw(ex, tree, item);
            }
        }
    }

    private static List<SourceTree.Item> listing(SourceTree tree, SourceTree.Item dir, Exchange ex) throws IOException {
        int maxDepth = 1;
        String v = ex.query("max_depth");
        if (v != null) {
            try {
                maxDepth = Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                maxDepth = 0;
            }
            if (maxDepth < 1) {
                throw ApiError.badRequest("Invalid max_depth").reason("max_depth=" + v);
            }
        }
        try {
            return tree.list(dir, maxDepth, LISTING_BUDGET);
        } catch (SourceTree.TooLarge e) {
            // Bitbucket answers 555 when a deep listing times out (bitbucket-cloud-rest.md §1.10).
            throw new ApiError(555, "Timed out while listing the directory; use a smaller max_depth")
                    .reason(e.getMessage());
        }
    }

    /** Raw bytes, streamed: extension-based type without charset, attachment, ETag from content and mode (§3.1). */
    private static void raw(Exchange ex, SourceTree tree, SourceTree.Item item) throws IOException {
        if (item.isSubmodule()) {
            throw noSuchPath(item.path()).reason(item.path() + " is a submodule; it has no content here");
        }
        SourceTree.Content content = tree.open(item);
        String type = MediaTypes.guess(item.path());
        HttpServletResponse resp = ex.response();
        resp.setStatus(200);
        // setContentType would let the container append a charset; Bitbucket sends none.
        resp.setHeader("Content-Type", type == null ? MediaTypes.UNKNOWN : type);
        resp.setHeader("Content-Disposition", "attachment");
        resp.setHeader("ETag", etag(item));
        resp.setContentLengthLong(content.size());
        try (OutputStream out = resp.getOutputStream()) {
            content.copyTo(out);
        }
    }

    /** The same content with the same attributes gets the same ETag anywhere (§1.9). */
    private static String etag(SourceTree.Item item) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((item.id() + ":" + Integer.toOctalString(item.mode())).getBytes(StandardCharsets.US_ASCII));
            return "\"" + HexFormat.of().formatHex(md.digest(), 0, 20) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bitbucket's text for a missing path is not captured; the emulator uses this. */
    private static ApiError noSuchPath(String path) {
        return ApiError.notFound("No such file or directory: " + path);
    }
}
