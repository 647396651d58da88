package dev.bbpush.emulator.store;

import dev.bbpush.emulator.EmulatorClock;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Creates commits the way {@code POST /2.0/repositories/{ws}/{repo}/src} does
 * (bitbucket-cloud-rest.md §2.2): picks the base from the branch/parent table, writes the new tree and
 * commit, and moves the branch.
 *
 * <p>Blobs are streamed into the object database before the repository's write lock is taken, so a
 * large upload does not block other writers. Under the lock the service reads the tip, checks
 * {@code parent}, writes tree and commit, and moves the branch with a compare-and-swap
 * ({@link RefUpdate#setExpectedOldObjectId}); a Git push that does not take the lock therefore can
 * neither be lost nor lose this commit. When the swap fails and the request named no parent, the
 * commit is rebuilt once on the new tip; otherwise the caller gets {@link CommitRefused.Kind#STALE_PARENT}.
 */
public final class CommitService {
    private final RepoStore store;
    private final EmulatorClock clock;

    public CommitService(RepoStore store, EmulatorClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Creates the commit described by {@code req} in {@code repo}.
     *
     * @return the new commit and the branch it landed on
     * @throws CommitRefused when the table of §2.2 refuses (stale or unknown parent, deleting a missing
     *     path, no main branch); no branch has moved
     * @throws IOException when reading the content or writing the repository fails; no branch has moved
     */
    public CommitResult commit(Repo repo, CommitRequest req) throws IOException, CommitRefused {
        Repository db = store.repository(repo.workspace(), repo.slug());
        // Refuse what can be refused before any content is stored: a refused 1 GiB upload leaves no 1 GiB of
        // unreachable objects. (Checked again under the lock, as the branch may move meanwhile.)
        checkDeletes(db, target(db, repo, req), req);
        Map<String, GitTrees.Entry> puts = insertBlobs(db, req);
        PersonIdent ident = new PersonIdent(req.author().name(), req.author().email(), clock.now(), ZoneOffset.UTC);
        ReentrantLock lock = store.writeLock(repo.workspace(), repo.slug());
        lock.lock();
        try {
            for (int attempt = 1; ; attempt++) {
                Target t = target(db, repo, req);
                ObjectId commit = writeCommit(db, t, req, puts, ident);
                RefUpdate ru = db.updateRef(Constants.R_HEADS + t.branch());
                ru.setExpectedOldObjectId(t.expectedOld());
                ru.setNewObjectId(commit);
                ru.setRefLogIdent(ident);
                ru.setRefLogMessage("commit via /src: " + firstLine(req.message()), false);
                RefUpdate.Result r = ru.update();
                switch (r) {
                    case NEW, FAST_FORWARD, FORCED -> {
                        if (t.becomesMain()) {
                            // The first commit of an empty repository on a named branch makes it the main branch.
                            RefUpdate.Result linked =
                                    db.updateRef(Constants.HEAD).link(Constants.R_HEADS + t.branch());
                            if (linked != RefUpdate.Result.NEW
                                    && linked != RefUpdate.Result.FORCED
                                    && linked != RefUpdate.Result.NO_CHANGE) {
                                throw new IOException("pointing HEAD of " + repo.fullName() + " at " + t.branch()
                                        + " failed: " + linked);
                            }
                        }
                        return new CommitResult(
                                commit.name(), t.branch(), t.expectedOld().equals(ObjectId.zeroId()));
                    }
                    default -> {
                        // Only a branch that really moved (a Git push does not take our lock) is a conflict; a stale
                        // lock
                        // file, an I/O failure or a missing object is a server fault (500, logged).
                        Ref now = db.exactRef(Constants.R_HEADS + t.branch());
                        ObjectId current = now == null ? ObjectId.zeroId() : now.getObjectId();
                        if (current.equals(t.expectedOld())) {
                            throw new IOException(
                                    "updating " + repo.fullName() + " branch " + t.branch() + " failed: " + r);
                        }
                        if (req.parent() != null || attempt >= 2) {
                            throw new CommitRefused(
                                    CommitRefused.Kind.STALE_PARENT,
                                    t.branch(),
                                    "branch " + t.branch() + " moved during the commit (" + r + ")");
                        }
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Where the commit goes and what it is based on, from the table of bitbucket-cloud-rest.md §2.2. */
    private record Target(String branch, RevCommit base, ObjectId expectedOld, boolean becomesMain) {}

    private static Target target(Repository db, Repo repo, CommitRequest req) throws IOException, CommitRefused {
        String main = Revisions.mainBranch(db, repo.mainBranch());
        String branch = req.branch() != null ? req.branch() : main;
        RevCommit parent = null;
        if (req.parent() != null) {
            parent = Revisions.commitBySha(db, req.parent())
                    .orElseThrow(() -> new CommitRefused(
                            CommitRefused.Kind.UNKNOWN_PARENT, req.parent(), "no commit " + req.parent()));
        }
        if (Revisions.isEmpty(db)) {
            if (parent != null) {
                throw new CommitRefused(
                        CommitRefused.Kind.UNKNOWN_PARENT, req.parent(), "the repository has no commits");
            }
            return new Target(branch, null, ObjectId.zeroId(), !branch.equals(main));
        }
        Ref ref = db.exactRef(Constants.R_HEADS + branch);
        if (ref != null) {
            RevCommit tip = parse(db, ref.getObjectId());
            if (parent != null && !parent.equals(tip)) {
                throw new CommitRefused(
                        CommitRefused.Kind.STALE_PARENT,
                        branch,
                        "parent " + parent.name() + " is not the tip " + tip.name() + " of " + branch);
            }
            return new Target(branch, tip, tip, false);
        }
        if (req.branch() == null) {
            throw new CommitRefused(CommitRefused.Kind.NO_MAIN_BRANCH, main, "main branch " + main + " does not exist");
        }
        if (parent != null) {
            return new Target(branch, parent, ObjectId.zeroId(), false);
        }
        Ref mainRef = db.exactRef(Constants.R_HEADS + main);
        if (mainRef == null) {
            throw new CommitRefused(CommitRefused.Kind.NO_MAIN_BRANCH, main, "main branch " + main + " does not exist");
        }
        return new Target(branch, parse(db, mainRef.getObjectId()), ObjectId.zeroId(), false);
    }

    private static ObjectId writeCommit(
            Repository db, Target t, CommitRequest req, Map<String, GitTrees.Entry> puts, PersonIdent ident)
            throws IOException, CommitRefused {
        checkDeletes(db, t, req);
        RevTree baseTree = t.base() == null ? null : t.base().getTree();
        try (ObjectInserter ins = db.newObjectInserter()) {
            ObjectId tree = GitTrees.apply(db, ins, baseTree, puts, req.deletes());
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            if (t.base() != null) {
                cb.setParentId(t.base());
            }
            // Bitbucket does not document the committer of /src commits; the emulator uses the author.
            cb.setAuthor(ident);
            cb.setCommitter(ident);
            cb.setMessage(req.message());
            ObjectId id = ins.insert(cb);
            ins.flush();
            return id;
        }
    }

    private static void checkDeletes(Repository db, Target t, CommitRequest req) throws IOException, CommitRefused {
        RevTree baseTree = t.base() == null ? null : t.base().getTree();
        for (String d : req.deletes()) {
            if (baseTree == null || !exists(db, baseTree, d)) {
                throw new CommitRefused(
                        CommitRefused.Kind.NO_SUCH_PATH, d, "cannot delete " + d + ": not in the base commit");
            }
        }
    }

    /** Streams every put's content into the object database; the blobs are unreferenced until a commit uses them. */
    private static Map<String, GitTrees.Entry> insertBlobs(Repository db, CommitRequest req) throws IOException {
        Map<String, GitTrees.Entry> puts = new TreeMap<>();
        try (ObjectInserter ins = db.newObjectInserter()) {
            for (CommitRequest.Put p : req.puts()) {
                ObjectId blob;
                try (InputStream in = p.content().open()) {
                    blob = ins.insert(Constants.OBJ_BLOB, p.content().size(), in);
                }
                puts.put(p.path(), new GitTrees.Entry(blob, p.mode().fileMode()));
            }
            ins.flush();
        }
        return puts;
    }

    private static boolean exists(Repository db, RevTree tree, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(db, path, tree)) {
            return tw != null;
        }
    }

    private static RevCommit parse(Repository db, ObjectId id) throws IOException {
        try (RevWalk rw = new RevWalk(db)) {
            return rw.parseCommit(id);
        }
    }

    private static String firstLine(String message) {
        return Optional.of(message.strip())
                .map(m -> m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m)
                .orElse("");
    }
}
