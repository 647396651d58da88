package dev.bbpush.emulator.store;

import java.io.IOException;
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
    try (RevWalk rw = new RevWalk(db); ObjectReader reader = db.newObjectReader()) {
      ObjectId id;
      if (sha.length() == Constants.OBJECT_ID_STRING_LENGTH) {
        id = ObjectId.fromString(sha);
      } else {
        var found = reader.resolve(AbbreviatedObjectId.fromString(sha));
        if (found.size() != 1) {
          return Optional.empty();
        }
        id = found.iterator().next();
      }
      RevObject o = rw.parseAny(id);
      return o instanceof RevCommit c ? Optional.of(c) : Optional.empty();
    } catch (MissingObjectException e) {
      return Optional.empty();
    }
  }

  /**
   * The commit {@code /src/{commit}/…} names: a full SHA, a branch, a tag, or an abbreviated SHA, tried
   * in that order. Names with {@code /} never resolve (BCLOUD-9969, bitbucket-cloud-rest.md §3.1).
   */
  public static Optional<RevCommit> resolve(Repository db, String commitish) throws IOException {
    if (commitish.isEmpty() || commitish.contains("/")) {
      return Optional.empty();
    }
    if (commitish.length() == Constants.OBJECT_ID_STRING_LENGTH && isHex(commitish)) {
      return commitBySha(db, commitish);
    }
    for (String prefix : new String[] {Constants.R_HEADS, Constants.R_TAGS}) {
      Ref ref = Repository.isValidRefName(prefix + commitish) ? db.exactRef(prefix + commitish) : null;
      if (ref != null) {
        try (RevWalk rw = new RevWalk(db)) {
          RevObject o = rw.peel(rw.parseAny(ref.getObjectId()));
          if (o instanceof RevCommit c) {
            return Optional.of(c);
          }
        }
      }
    }
    return commitBySha(db, commitish);
  }
}
