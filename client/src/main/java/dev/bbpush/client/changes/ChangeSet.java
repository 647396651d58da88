package dev.bbpush.client.changes;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The paths one commit writes and removes, sorted by repository path, plus what was deliberately left out while
 * walking directories. Immutable; {@link #withMirrorDeletes} returns a new change set.
 *
 * <p>Invariants (checked by every factory): at most one change per path; no put is the parent directory of another
 * put ({@code a} and {@code a/b}). A delete below a put file, or a put below a deleted path, is allowed (it replaces
 * a directory by a file or the other way round).
 *
 * <p>{@link #close()} deletes the temporary files of spooled (stdin) content; other content needs no cleanup.
 */
public final class ChangeSet implements AutoCloseable {
    private final NavigableMap<String, FileChange> changes;
    private final List<SkippedFile> skipped;
    private final List<WalkScope> scopes;

    private ChangeSet(NavigableMap<String, FileChange> changes, List<SkippedFile> skipped, List<WalkScope> scopes) {
        this.changes = Collections.unmodifiableNavigableMap(changes);
        this.skipped = List.copyOf(skipped);
        this.scopes = List.copyOf(scopes);
    }

    /** A builder mapping local files, directories, stdin and bytes to repository paths. */
    public static ChangeSetBuilder builder() {
        return new ChangeSetBuilder();
    }

    /**
     * A change set of exactly these changes.
     *
     * @throws InvalidChangeSetException for two changes to one path or a file/directory conflict
     */
    public static ChangeSet of(Collection<FileChange> changes) {
        return create(changes, List.of(), List.of());
    }

    /** Same as {@link #of(Collection)}. */
    public static ChangeSet of(FileChange... changes) {
        return of(List.of(changes));
    }

    static ChangeSet create(Collection<FileChange> changes, List<SkippedFile> skipped, List<WalkScope> scopes) {
        TreeMap<String, FileChange> byPath = new TreeMap<>();
        for (FileChange c : changes) {
            FileChange prev = byPath.putIfAbsent(c.path(), c);
            if (prev != null) {
                throw new InvalidChangeSetException(
                        Problem.DUPLICATE_PATH,
                        "Two inputs map to the repository path '" + c.path() + "': " + origin(prev) + " and "
                                + origin(c)
                                + ". Give each input its own path (another --to prefix, or push them in separate commits).");
            }
        }
        TreeSet<String> putPaths = new TreeSet<>();
        byPath.values().stream().filter(FileChange::isPut).forEach(c -> putPaths.add(c.path()));
        for (String p : putPaths) {
            String below = putPaths.ceiling(p + "/");
            if (below != null && below.startsWith(p + "/")) {
                throw new InvalidChangeSetException(
                        Problem.FILE_DIRECTORY_CONFLICT,
                        "'" + p + "' cannot be both a file (" + origin(byPath.get(p)) + ") and a directory holding '"
                                + below + "' (" + origin(byPath.get(below)) + "). Rename one of them.");
            }
        }
        return new ChangeSet(byPath, skipped, scopes);
    }

    private static String origin(FileChange c) {
        return c.isDelete() ? "a delete" : c.requireContent().description();
    }

    /** All changes, sorted by repository path. */
    public List<FileChange> changes() {
        return List.copyOf(changes.values());
    }

    /** The puts, sorted by repository path. */
    public List<FileChange> puts() {
        return changes.values().stream().filter(FileChange::isPut).toList();
    }

    /** The deletes, sorted by repository path. */
    public List<FileChange> deletes() {
        return changes.values().stream().filter(FileChange::isDelete).toList();
    }

    /** The change for {@code repoPath}, if any. */
    public Optional<FileChange> get(String repoPath) {
        return Optional.ofNullable(changes.get(RepoPaths.normalize(repoPath)));
    }

    /** The repository paths touched, sorted. */
    public List<String> paths() {
        return List.copyOf(changes.keySet());
    }

    /** Files and directories skipped while walking, in walk order (sorted within each directory). */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** The filters of each walked directory. */
    List<WalkScope> scopes() {
        return scopes;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public int size() {
        return changes.size();
    }

    /**
     * Mirror mode: adds a delete for every path of {@code remotePaths} that lies under {@code prefix} and that this
     * change set does not put. Paths a walked directory would have skipped (excluded, ignored, Terraform profile,
     * not included) are left alone, as rsync does without {@code --delete-excluded}, so mirroring never removes a
     * remote file just because it is filtered out locally. Paths outside the prefix are ignored, so the listing may
     * cover the whole repository.
     *
     * @param prefix repository directory to mirror ({@code ""} = the whole repository)
     * @param remotePaths every file path currently on the remote branch (no leading slash), e.g. from a tree listing
     * @return a new change set; this one is unchanged
     */
    public ChangeSet withMirrorDeletes(String prefix, Collection<String> remotePaths) {
        String pre = RepoPaths.normalizePrefix(prefix);
        List<FileChange> all = new ArrayList<>(changes.values());
        for (String remote : new TreeSet<>(remotePaths)) {
            String p = remote.startsWith("/") ? remote.substring(1) : remote;
            if (!RepoPaths.isUnder(p, pre) || changes.containsKey(p) || isProtected(p)) {
                continue;
            }
            all.add(FileChange.delete(p));
        }
        return create(all, skipped, scopes);
    }

    private boolean isProtected(String repoPath) {
        for (WalkScope s : scopes) {
            String sp = s.repoPrefix();
            if (!RepoPaths.isUnder(repoPath, sp) || repoPath.equals(sp)) {
                continue;
            }
            String rel = sp.isEmpty() ? repoPath : repoPath.substring(sp.length() + 1);
            if (!s.decidePath(rel).taken()) {
                return true;
            }
        }
        return false;
    }

    static void closeSpooled(Collection<FileChange> changes) {
        for (FileChange c : changes) {
            if (c.content().orElse(null) instanceof SpooledContent s) {
                try {
                    s.close();
                } catch (IOException e) {
                    // Best effort while failing for another reason; the file is also marked delete-on-exit.
                }
            }
        }
    }

    /** Deletes temporary files of spooled content. Safe to call more than once. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileChange c : changes.values()) {
            if (c.content().orElse(null) instanceof SpooledContent) {
                try {
                    ((SpooledContent) c.requireContent()).close();
                } catch (IOException e) {
                    if (first == null) {
                        first = e;
                    }
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Counts only; never content. */
    @Override
    public String toString() {
        long puts = changes.values().stream().filter(FileChange::isPut).count();
        return "ChangeSet[" + puts + " puts, " + (changes.size() - puts) + " deletes, " + skipped.size() + " skipped]";
    }
}
