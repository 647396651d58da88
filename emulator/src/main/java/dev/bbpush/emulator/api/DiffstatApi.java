package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.Diffstat;
import dev.bbpush.emulator.store.DiffstatEntry;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET …/diffstat/{spec}} (reference: bitbucket-cloud-rest.md §6.3).
 *
 * <p>{@code spec} is one revision (diffed against its first parent) or {@code A..B}, where — unlike
 * {@code git diff} — <b>A is the new (source) side and B the old (destination) side</b>. By default the
 * diff is three-dot: A against the merge base of A and B; {@code topic=false} (or the deprecated
 * {@code merge=false}) gives the plain two-dot diff of B to A.
 */
public final class DiffstatApi {
    private static final int DEFAULT_PAGELEN = 500;
    private static final int MAX_PAGELEN = 500;

    private final EmulatorContext ctx;

    public DiffstatApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void diffstat(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        RepoContents git = ctx.store().contents(repo);
        String spec = ex.param("spec");
        boolean threeDot = threeDot(ex);
        Commit newSide;
        String oldSha;
        int dots = spec.indexOf("..");
        if (dots < 0) {
            newSide = Revisions.require(git, spec);
            oldSha = newSide.parents().isEmpty() ? null : newSide.parents().get(0);
        } else {
            newSide = Revisions.require(git, spec.substring(0, dots));
            Commit destination = Revisions.require(git, spec.substring(dots + 2));
            oldSha = threeDot ? git.mergeBaseOr(newSide.sha(), destination.sha()) : destination.sha();
        }
        List<String> paths = ex.queryAll("path").stream()
                .map(p -> p.replaceAll("^/+|/+$", ""))
                .filter(p -> !p.isEmpty())
                .toList();
        Diffstat.Options options = new Diffstat.Options(
                !"false".equalsIgnoreCase(ex.query("renames")),
                "true".equalsIgnoreCase(ex.query("ignore_whitespace")),
                paths);
        try (Diffstat diffstat = git.diffstat(oldSha, newSide.sha(), options)) {
            Representations rep = new Representations(ctx.world(), ex.links());
            String newSha = newSide.sha();
            ex.json(
                    200,
                    Page.of(
                            ex,
                            diffstat.entries(),
                            e -> entry(diffstat, rep, repo, e, oldSha, newSha),
                            DEFAULT_PAGELEN,
                            MAX_PAGELEN));
        }
    }

    /** {@code topic} wins; else the deprecated {@code merge}; default three-dot. Both at once is refused (spec). */
    private static boolean threeDot(Exchange ex) {
        String topic = ex.query("topic");
        String merge = ex.query("merge");
        if (topic != null && merge != null) {
            throw ApiError.badRequest("The merge and topic parameters cannot be combined")
                    .reason("diffstat with merge and topic");
        }
        String v = topic != null ? topic : merge;
        return v == null || !v.equalsIgnoreCase("false");
    }

    private static JsonNode entry(
            Diffstat diffstat, Representations rep, Repo repo, DiffstatEntry e, String oldSha, String newSha) {
        DiffstatEntry.Lines lines;
        try {
            lines = diffstat.lines(e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ObjectNode n = Json.obj();
        n.put("type", "diffstat");
        n.put("status", e.status().wire());
        n.put("lines_added", lines.added());
        n.put("lines_removed", lines.removed());
        // Added files have old = null and removed files new = null (reference §6.3, "likely").
        n.set("old", e.oldPath() != null ? rep.commitFile(repo, oldSha, e.oldPath()) : null);
        n.set("new", e.newPath() != null ? rep.commitFile(repo, newSha, e.newPath()) : null);
        return n;
    }
}
