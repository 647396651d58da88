package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.io.DisabledOutputStream;

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
        Repository db = ctx.store().repository(repo.workspace(), repo.slug());
        String spec = ex.param("spec");
        boolean threeDot = threeDot(ex);
        RevCommit newSide;
        RevCommit oldSide;
        try (RevWalk walk = new RevWalk(db)) {
            int dots = spec.indexOf("..");
            if (dots < 0) {
                newSide = walk.parseCommit(Revisions.require(db, spec));
                oldSide = newSide.getParentCount() == 0 ? null : walk.parseCommit(newSide.getParent(0));
            } else {
                newSide = walk.parseCommit(Revisions.require(db, spec.substring(0, dots)));
                RevCommit destination = walk.parseCommit(Revisions.require(db, spec.substring(dots + 2)));
                oldSide = threeDot ? mergeBase(db, newSide, destination) : destination;
            }
        }
        try (DiffFormatter df = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            df.setRepository(db);
            df.setDetectRenames(!"false".equalsIgnoreCase(ex.query("renames")));
            if ("true".equalsIgnoreCase(ex.query("ignore_whitespace"))) {
                df.setDiffComparator(RawTextComparator.WS_IGNORE_ALL);
            }
            List<String> paths = ex.queryAll("path").stream()
                    .map(p -> p.replaceAll("^/+|/+$", ""))
                    .filter(p -> !p.isEmpty())
                    .toList();
            if (!paths.isEmpty()) {
                df.setPathFilter(PathFilterGroup.createFromStrings(paths));
            }
            List<DiffEntry> entries = df.scan(oldSide == null ? null : oldSide.getTree(), newSide.getTree());
            Representations rep = new Representations(ctx.world(), ex.links());
            String oldSha = oldSide == null ? null : oldSide.name();
            String newSha = newSide.name();
            ex.json(
                    200,
                    Page.of(ex, entries, e -> entry(df, rep, repo, e, oldSha, newSha), DEFAULT_PAGELEN, MAX_PAGELEN));
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

    /** The merge base; with unrelated histories there is none, and the diff falls back to two-dot. */
    private static RevCommit mergeBase(Repository db, RevCommit a, RevCommit b) throws IOException {
        try (RevWalk walk = new RevWalk(db)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            RevCommit base = walk.next();
            return base != null ? base : b;
        }
    }

    private static JsonNode entry(
            DiffFormatter df, Representations rep, Repo repo, DiffEntry e, String oldSha, String newSha) {
        int added = 0;
        int removed = 0;
        try {
            for (Edit edit : df.toFileHeader(e).toEditList()) {
                added += edit.getLengthB();
                removed += edit.getLengthA();
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ObjectNode n = Json.obj();
        n.put("type", "diffstat");
        n.put("status", status(e.getChangeType()));
        n.put("lines_added", added);
        n.put("lines_removed", removed);
        boolean hasOld =
                e.getChangeType() != DiffEntry.ChangeType.ADD && e.getChangeType() != DiffEntry.ChangeType.COPY;
        boolean hasNew = e.getChangeType() != DiffEntry.ChangeType.DELETE;
        // Added files have old = null and removed files new = null (reference §6.3, "likely").
        n.set("old", hasOld ? rep.commitFile(repo, oldSha, e.getOldPath()) : null);
        n.set("new", hasNew ? rep.commitFile(repo, newSha, e.getNewPath()) : null);
        return n;
    }

    private static String status(DiffEntry.ChangeType t) {
        return switch (t) {
            case ADD, COPY -> "added";
            case DELETE -> "removed";
            case MODIFY -> "modified";
            case RENAME -> "renamed";
        };
    }
}
