package dev.bbpush.client.push;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.client.changes.Fingerprint;
import dev.bbpush.client.changes.LocalTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Compares a change set with the remote files: each put is added, modified (content or mode differs) or unchanged;
 * each delete removes an existing path or is a no-op; mirror mode adds deletes for remote files under the prefix
 * that the change set does not put. Pure, apart from {@code remoteBlob}, which a REST plan uses to hash a remote file
 * whose size and mode match (Git plans know every blob id).
 */
final class Planner {
    /** The plan and the change set to commit (only what really changes). */
    record Planned(PushPlan plan, ChangeSet commit, Set<String> scope) {}

    private Planner() {}

    static Planned plan(
            ChangeSet changes,
            LocalTree local,
            RemoteTree remote,
            String mirrorPrefix,
            String branch,
            String baseBranch,
            boolean newBranch,
            RemoteBlob remoteBlob) {
        ChangeSet all = mirrorPrefix == null
                ? changes
                : changes.withMirrorDeletes(mirrorPrefix, remote.files().keySet());
        List<String> added = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        List<FileChange> commit = new ArrayList<>();
        int unchanged = 0;
        for (FileChange c : all.changes()) {
            String path = c.path();
            RemoteEntry r = remote.files().get(path);
            if (c.isDelete()) {
                if (r != null || remote.isDirectory(path)) {
                    deleted.add(path);
                    commit.add(c);
                } else {
                    unchanged++; // deleting what is not there: nothing to do (Bitbucket would refuse it with 400)
                }
                continue;
            }
            Fingerprint f = local.get(path).orElseThrow(() -> new IllegalStateException("no fingerprint for " + path));
            if (r == null) {
                added.add(path);
                commit.add(c);
            } else if (sameFile(f, r, remoteBlob)) {
                unchanged++;
            } else {
                modified.add(path);
                commit.add(c);
            }
        }
        Set<String> scope = new HashSet<>(all.paths());
        PushPlan plan = new PushPlan(
                branch,
                baseBranch,
                Optional.ofNullable(remote.head()),
                newBranch,
                added,
                modified,
                deleted,
                unchanged,
                remote.source());
        return new Planned(plan, ChangeSet.of(commit), scope);
    }

    private static boolean sameFile(Fingerprint f, RemoteEntry r, RemoteBlob remoteBlob) {
        if (f.mode() != r.mode()) {
            return false; // an executable bit or symlink change is a modification
        }
        if (r.blobId() != null) {
            return f.blobId().equals(r.blobId().name());
        }
        if (r.size() >= 0 && r.size() != f.size()) {
            return false; // the size pre-filter: no need to fetch the file
        }
        // Hash the remote file as the local one's size (equal to the listed size when the listing gives one): a remote
        // body of any other length is a different file.
        return remoteBlob
                .idOf(f.path(), f.size())
                .map(id -> f.blobId().equals(id.name()))
                .orElse(false);
    }

    /** Hashes a remote file without holding it in memory (REST plans; see {@link RestCalls#rawFileBlobId}). */
    @FunctionalInterface
    interface RemoteBlob {
        /** The blob id of the remote file at {@code path}, or empty when it is not {@code size} bytes long. */
        Optional<ObjectId> idOf(String path, long size);
    }
}
