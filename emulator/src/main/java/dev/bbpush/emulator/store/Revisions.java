package dev.bbpush.emulator.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevWalk;

/** Resolving what REST callers name: the main branch, branch names, tags and (short) commit SHAs. */
public final class Revisions {
    /** Four hex digits is the shortest abbreviation accepted, as with the git CLI. */
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{4,40}");

    private Revisions() {}

    /**
     * The repository's effective main branch: the branch {@code HEAD} points at. A {@code /src} root
     * commit on a named branch of an empty repository moves {@code HEAD} there (bitbucket-cloud-rest.md
     * §2.2), so this can differ from the world's configured main branch.
     *
     * @param configured the world's main branch, used when {@code HEAD} is not a symbolic ref
     */
    public static String mainBranch(Repository db, String configured) throws IOException {
        Ref head = db.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            String target = head.getTarget().getName();
            if (target.startsWith(Constants.R_HEADS)) {
                return target.substring(Constants.R_HEADS.length());
            }
        }
        return configured;
    }

    /** Whether the repository has no branch at all. */
    public static boolean isEmpty(Repository db) throws IOException {
        return db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).isEmpty();
    }

    /** Whether {@code s} looks like a (possibly abbreviated) SHA-1. */
    public static boolean isHex(String s) {
        return HEX.matcher(s).matches();
    }

    /**
     * The commit a full or abbreviated hex SHA names.
     *
     * @return empty when it is not hex, names no object, is ambiguous, or is not a commit
     */
    public static Optional<RevCommit> commitBySha(Repository db, String sha) throws IOException {
        if (!isHex(sha)) {
            return Optional.empty();
        }
        try (RevWalk rw = new RevWalk(db);
                ObjectReader reader = db.newObjectReader()) {
            ObjectId id;
            if (sha.length() == Constants.OBJECT_ID_STRING_LENGTH) {
                id = ObjectId.fromString(sha);
            } else {
                // Only commits count: a blob or tree sharing the prefix does not make a commit ambiguous (as in
                // resolve).
                List<ObjectId> commits = new ArrayList<>();
                for (ObjectId candidate : reader.resolve(AbbreviatedObjectId.fromString(sha))) {
                    if (reader.open(candidate).getType() == Constants.OBJ_COMMIT) {
                        commits.add(candidate);
                    }
                }
                if (commits.size() != 1) {
                    return Optional.empty();
                }
                id = commits.get(0);
            }
            RevObject o = rw.parseAny(id);
            return o instanceof RevCommit c ? Optional.of(c) : Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.empty();
        }
    }

    /**
     * The commit a revision string names: a full SHA, a branch, a tag, or an abbreviated SHA (at least 4
     * hex digits), tried in that order. Branch names may contain {@code /}. Revision expressions such as
     * {@code main~1} are not resolved.
     *
     * @return empty when nothing matches or the match is not a commit
     * @throws AmbiguousRevisionException when an abbreviated SHA matches several commits
     */
    public static Optional<RevCommit> resolve(Repository db, String rev) throws IOException {
        if (rev == null || rev.isEmpty()) {
            return Optional.empty();
        }
        if (rev.length() == Constants.OBJECT_ID_STRING_LENGTH && isHex(rev)) {
            return commitBySha(db, rev);
        }
        for (String prefix : new String[] {Constants.R_HEADS, Constants.R_TAGS}) {
            Optional<RevCommit> c = refCommit(db, prefix + rev);
            if (c.isPresent()) {
                return c;
            }
        }
        if (isHex(rev)) {
            try (ObjectReader reader = db.newObjectReader()) {
                long commits = 0;
                for (ObjectId id : reader.resolve(AbbreviatedObjectId.fromString(rev))) {
                    if (reader.open(id).getType() == Constants.OBJ_COMMIT) {
                        commits++;
                    }
                }
                if (commits > 1) {
                    throw new AmbiguousRevisionException(rev, commits);
                }
            }
        }
        return commitBySha(db, rev);
    }

    /** The tip of branch {@code name}, or empty when there is no such branch. */
    public static Optional<RevCommit> branchTip(Repository db, String name) throws IOException {
        return refCommit(db, Constants.R_HEADS + name);
    }

    /** The commit an exact ref points at (peeled); names Git would refuse are never looked up. */
    private static Optional<RevCommit> refCommit(Repository db, String refName) throws IOException {
        // Validating first keeps names such as "../config" from being read as loose ref files.
        Ref ref = Repository.isValidRefName(refName) ? db.exactRef(refName) : null;
        if (ref == null) {
            return Optional.empty();
        }
        try (RevWalk rw = new RevWalk(db)) {
            RevObject o = rw.peel(rw.parseAny(ref.getObjectId()));
            return o instanceof RevCommit c ? Optional.of(c) : Optional.empty();
        } catch (MissingObjectException e) {
            return Optional.empty();
        }
    }

    /** An abbreviated SHA that names more than one commit. */
    public static final class AmbiguousRevisionException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String revision;

        AmbiguousRevisionException(String revision, long matches) {
            super(revision + " matches " + matches + " commits");
            this.revision = revision;
        }

        public String revision() {
            return revision;
        }
    }
}
