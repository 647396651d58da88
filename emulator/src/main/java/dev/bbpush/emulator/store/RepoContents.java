package dev.bbpush.emulator.store;

import dev.bbpush.emulator.store.Revisions.AmbiguousRevisionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * What the REST API reads and changes in one repository: branches, commits, history, trees and diffs, in the store's
 * own value types ({@link Commit}, {@link Branch}, {@link SourceTree.Item}, {@link DiffstatEntry}), so that nothing
 * above the store touches JGit. Commits are named by full SHA; {@link #resolve} turns what a caller wrote into one.
 *
 * <p>A thin view over the store's open repository ({@link RepoStore#contents}); cheap to create, one per request.
 * Branch changes are compare-and-swap; callers that check-then-change hold {@link RepoStore#writeLock} around both.
 */
public final class RepoContents {
    private final Repository db;

    RepoContents(Repository db) {
        this.db = db;
    }

    /**
     * The commit a revision string names: a full SHA, a branch, a tag, or an abbreviated SHA (see
     * {@link Revisions#resolve}).
     *
     * @return empty when nothing matches or the match is not a commit
     * @throws AmbiguousRevisionException when an abbreviated SHA matches several commits
     */
    public Optional<Commit> resolve(String rev) throws IOException {
        return Revisions.resolve(db, rev).map(RepoContents::commit);
    }

    /** The tip of branch {@code name}, or empty when there is no such branch. */
    public Optional<Commit> branchTip(String name) throws IOException {
        return Revisions.branchTip(db, name).map(RepoContents::commit);
    }

    /** The object id {@code refs/heads/<name>} holds, unpeeled, or empty when there is no such ref. */
    public Optional<String> branchHead(String name) throws IOException {
        Ref ref = db.exactRef(Constants.R_HEADS + name);
        return ref == null ? Optional.empty() : Optional.of(ref.getObjectId().name());
    }

    /** Whether {@code refs/heads/<name>} exists. */
    public boolean hasBranch(String name) throws IOException {
        return db.exactRef(Constants.R_HEADS + name) != null;
    }

    /** Whether a branch {@code name} would nest under or above an existing ref (Git's directory/file conflict). */
    public boolean branchNameConflicts(String name) throws IOException {
        return db.getRefDatabase().isNameConflicting(Constants.R_HEADS + name);
    }

    /** Every branch whose name {@code nameFilter} accepts, in the ref database's order. */
    public List<Branch> branches(Predicate<String> nameFilter) throws IOException {
        List<Branch> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(db)) {
            for (Ref ref : db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                String name = ref.getName().substring(Constants.R_HEADS.length());
                if (nameFilter.test(name)) {
                    out.add(new Branch(name, commit(walk.parseCommit(ref.getObjectId()))));
                }
            }
        }
        return out;
    }

    /** Creates branch {@code name} at commit {@code sha} only if no such branch exists (compare-and-swap from zero). */
    public BranchUpdate createBranch(String name, String sha) throws IOException {
        RefUpdate ru = db.updateRef(Constants.R_HEADS + name);
        ru.setNewObjectId(ObjectId.fromString(sha));
        ru.setExpectedOldObjectId(ObjectId.zeroId());
        RefUpdate.Result result = ru.update();
        return new BranchUpdate(
                result == RefUpdate.Result.NEW ? BranchUpdate.Outcome.APPLIED : BranchUpdate.Outcome.FAILED,
                result.name());
    }

    /** Deletes branch {@code name}, only if it still points at {@code expectedSha} (compare-and-swap). */
    public BranchUpdate deleteBranch(String name, String expectedSha) throws IOException {
        RefUpdate ru = db.updateRef(Constants.R_HEADS + name);
        ru.setExpectedOldObjectId(ObjectId.fromString(expectedSha));
        ru.setForceUpdate(true);
        RefUpdate.Result result = ru.delete();
        BranchUpdate.Outcome outcome = switch (result) {
            case FORCED, FAST_FORWARD, NO_CHANGE -> BranchUpdate.Outcome.APPLIED;
            case REJECTED_CURRENT_BRANCH -> BranchUpdate.Outcome.REFUSED_CURRENT_BRANCH;
            default -> BranchUpdate.Outcome.FAILED;
        };
        return new BranchUpdate(outcome, result.name());
    }

    /**
     * Walks {@code git log [starts...] ^excludes... [-- paths...]} in topological, newest-first order and hands each
     * commit to {@code visitor} until it returns {@code false} or the history ends. With a path filter, parents are
     * rewritten to the commits that touch the paths, as {@code git log -- path} does.
     *
     * @param starts full SHAs to start from; empty for every branch and tag (like {@code --all})
     * @param excludes full SHAs whose history is left out
     * @param paths repository paths (no leading or trailing slash); empty for no filter
     */
    public void history(List<String> starts, List<String> excludes, List<String> paths, Predicate<Commit> visitor)
            throws IOException {
        try (RevWalk walk = new RevWalk(db)) {
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.COMMIT_TIME_DESC, true);
            if (starts.isEmpty()) {
                for (Ref ref : db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS, Constants.R_TAGS)) {
                    Ref peeled = db.getRefDatabase().peel(ref);
                    RevObject o = walk.parseAny(
                            peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId());
                    if (o instanceof RevCommit c) {
                        walk.markStart(c);
                    }
                }
            } else {
                for (String sha : starts) {
                    walk.markStart(walk.parseCommit(ObjectId.fromString(sha)));
                }
            }
            for (String sha : excludes) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(sha)));
            }
            if (!paths.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            }
            for (RevCommit c : walk) {
                if (!visitor.test(commit(c))) {
                    return;
                }
            }
        }
    }

    /** Whether commit {@code sha} is {@code into} or one of its ancestors. */
    public boolean isMergedInto(String sha, String into) throws IOException {
        try (RevWalk walk = new RevWalk(db)) {
            return walk.isMergedInto(
                    walk.parseCommit(ObjectId.fromString(sha)), walk.parseCommit(ObjectId.fromString(into)));
        }
    }

    /** The merge base of {@code a} and {@code b}; with unrelated histories there is none, and this is {@code b}. */
    public String mergeBaseOr(String a, String b) throws IOException {
        try (RevWalk walk = new RevWalk(db)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
            RevCommit base = walk.next();
            return base != null ? base.name() : b;
        }
    }

    /**
     * The files that differ from {@code oldSha} to {@code newSha}; the caller closes it.
     *
     * @param oldSha the old side, or {@code null} to diff against the empty tree (a root commit)
     */
    public Diffstat diffstat(String oldSha, String newSha, Diffstat.Options options) throws IOException {
        return new Diffstat(db, oldSha, newSha, options);
    }

    /** The tree of {@code commit}, to look up, list and read; the caller closes it. */
    public SourceTree tree(Commit commit) throws IOException {
        try (RevWalk walk = new RevWalk(db)) {
            return new SourceTree(
                    db, walk.parseCommit(ObjectId.fromString(commit.sha())).getTree());
        }
    }

    /** The store's value for a parsed commit (its parents as the walk that parsed it sees them). */
    static Commit commit(RevCommit c) {
        List<String> parents = new ArrayList<>(c.getParentCount());
        for (RevCommit p : c.getParents()) {
            parents.add(p.name());
        }
        return new Commit(
                c.name(), parents, person(c.getAuthorIdent()), person(c.getCommitterIdent()), c.getFullMessage());
    }

    private static Commit.Person person(PersonIdent who) {
        return new Commit.Person(who.getName(), who.getEmailAddress(), who.getWhenAsInstant());
    }
}
