package dev.bbpush.emulator.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * The files that differ between two commits, as {@code GET …/diffstat/{spec}} lists them (bitbucket-cloud-rest.md
 * §6.3). The file list is computed up front; line counts only on request ({@link #lines}), so a paged answer diffs
 * only the files of its page. Open while rendering; close when done.
 */
public final class Diffstat implements AutoCloseable {
    private final DiffFormatter df;
    private final List<DiffstatEntry> entries = new ArrayList<>();
    private final Map<DiffstatEntry, DiffEntry> byEntry = new IdentityHashMap<>();

    /**
     * What to compare and how.
     *
     * @param detectRenames report renames as such (Bitbucket's {@code renames}, default true)
     * @param ignoreWhitespace ignore all whitespace when counting lines ({@code ignore_whitespace})
     * @param paths only these paths (and what is under them); empty for all
     */
    public record Options(boolean detectRenames, boolean ignoreWhitespace, List<String> paths) {
        public Options {
            paths = List.copyOf(paths);
        }
    }

    Diffstat(Repository db, String oldSha, String newSha, Options options) throws IOException {
        df = new DiffFormatter(DisabledOutputStream.INSTANCE);
        try {
            df.setRepository(db);
            df.setDetectRenames(options.detectRenames());
            if (options.ignoreWhitespace()) {
                df.setDiffComparator(RawTextComparator.WS_IGNORE_ALL);
            }
            if (!options.paths().isEmpty()) {
                df.setPathFilter(PathFilterGroup.createFromStrings(options.paths()));
            }
            try (RevWalk walk = new RevWalk(db)) {
                RevCommit newSide = walk.parseCommit(ObjectId.fromString(newSha));
                RevCommit oldSide = oldSha == null ? null : walk.parseCommit(ObjectId.fromString(oldSha));
                for (DiffEntry e : df.scan(oldSide == null ? null : oldSide.getTree(), newSide.getTree())) {
                    DiffstatEntry entry = entry(e);
                    entries.add(entry);
                    byEntry.put(entry, e);
                }
            }
        } catch (IOException | RuntimeException e) {
            df.close();
            throw e;
        }
    }

    /** The changed files, in Git's diff order. */
    public List<DiffstatEntry> entries() {
        return List.copyOf(entries);
    }

    /** The lines added and removed in {@code entry}, one of {@link #entries()}. */
    public DiffstatEntry.Lines lines(DiffstatEntry entry) throws IOException {
        DiffEntry e = byEntry.get(entry);
        if (e == null) {
            throw new IllegalArgumentException("not an entry of this diffstat: " + entry);
        }
        int added = 0;
        int removed = 0;
        for (Edit edit : df.toFileHeader(e).toEditList()) {
            added += edit.getLengthB();
            removed += edit.getLengthA();
        }
        return new DiffstatEntry.Lines(added, removed);
    }

    private static DiffstatEntry entry(DiffEntry e) {
        DiffEntry.ChangeType t = e.getChangeType();
        // Added (and copied) files have no old side, removed files no new side (reference §6.3, "likely").
        boolean hasOld = t != DiffEntry.ChangeType.ADD && t != DiffEntry.ChangeType.COPY;
        boolean hasNew = t != DiffEntry.ChangeType.DELETE;
        DiffstatEntry.Status status = switch (t) {
            case ADD, COPY -> DiffstatEntry.Status.ADDED;
            case DELETE -> DiffstatEntry.Status.REMOVED;
            case MODIFY -> DiffstatEntry.Status.MODIFIED;
            case RENAME -> DiffstatEntry.Status.RENAMED;
        };
        return new DiffstatEntry(status, hasOld ? e.getOldPath() : null, hasNew ? e.getNewPath() : null);
    }

    @Override
    public void close() {
        df.close();
    }
}
