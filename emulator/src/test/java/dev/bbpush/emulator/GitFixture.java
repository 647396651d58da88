package dev.bbpush.emulator;

import dev.bbpush.emulator.store.GitTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Writes commits and branches straight into an emulator's bare repository with JGit (Git smart HTTP is
 * served elsewhere). Commit times increase by one minute per commit, so history order is deterministic.
 */
final class GitFixture {
    private static final Instant BASE = Instant.parse("2026-02-01T09:00:00Z");

    private final Repository db;
    private int commits;

    GitFixture(Emulator bb, String workspace, String slug) {
        this.db = bb.context().store().repository(workspace, slug);
    }

    Repository repository() {
        return db;
    }

    /** The tip SHA of {@code branch}, or {@code null}. */
    String tip(String branch) {
        try {
            Ref r = db.exactRef(Constants.R_HEADS + branch);
            return r == null ? null : r.getObjectId().name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code branch} at {@code sha}. */
    GitFixture branch(String branch, String sha) {
        move(branch, null, ObjectId.fromString(sha));
        return this;
    }

    /** Commits {@code puts} (path to text) and {@code deletes} on top of {@code branch}, creating it if needed. */
    String commit(String branch, Map<String, String> puts, Set<String> deletes, String message) {
        try (ObjectInserter ins = db.newObjectInserter();
                RevWalk walk = new RevWalk(db)) {
            String parent = tip(branch);
            RevCommit parentCommit = parent == null ? null : walk.parseCommit(ObjectId.fromString(parent));
            Map<String, GitTrees.Entry> entries = new LinkedHashMap<>();
            for (Map.Entry<String, String> p : puts.entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, p.getValue().getBytes(StandardCharsets.UTF_8));
                entries.put(p.getKey(), new GitTrees.Entry(blob, FileMode.REGULAR_FILE));
            }
            ObjectId tree =
                    GitTrees.apply(db, ins, parentCommit == null ? null : parentCommit.getTree(), entries, deletes);
            PersonIdent who = new PersonIdent(
                    "Rahul Dev", "rahul@acme.example", BASE.plusSeconds(60L * ++commits), ZoneOffset.UTC);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage(message + "\n");
            if (parentCommit != null) {
                cb.setParentId(parentCommit);
            }
            ObjectId id = ins.insert(cb);
            ins.flush();
            move(branch, parentCommit, id);
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String commit(String branch, String path, String content) {
        return commit(branch, Map.of(path, content), Set.of(), "Change " + path);
    }

    private void move(String branch, ObjectId expectedOld, ObjectId to) {
        try {
            RefUpdate ru = db.updateRef(Constants.R_HEADS + branch);
            ru.setExpectedOldObjectId(expectedOld == null ? ObjectId.zeroId() : expectedOld);
            ru.setNewObjectId(to);
            RefUpdate.Result r = ru.update();
            if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FAST_FORWARD) {
                throw new IllegalStateException("moving " + branch + ": " + r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
