package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * Resolves the revision strings Bitbucket accepts in paths and bodies: a branch name, a tag name, a
 * full SHA or an abbreviated SHA (at least 4 hex digits). Branches win over tags, tags over SHA
 * prefixes, as in Git. Arbitrary Git revision expressions ({@code main~1}, {@code HEAD^}) are not
 * resolved.
 */
final class Revisions {
  /** Git's shortest accepted abbreviation. */
  private static final int MIN_ABBREV = 4;

  private Revisions() {}

  /**
   * The commit {@code rev} names in {@code db}.
   *
   * @return empty when nothing matches or the match is not a commit
   * @throws ApiError 400 when an abbreviated SHA matches several commits
   */
  static Optional<RevCommit> resolve(Repository db, String rev) throws IOException {
    if (rev == null || rev.isEmpty()) {
      return Optional.empty();
    }
    ObjectId id = refTarget(db, Constants.R_HEADS + rev);
    if (id == null) {
      id = refTarget(db, Constants.R_TAGS + rev);
    }
    if (id == null && isHex(rev) && rev.length() >= MIN_ABBREV && rev.length() <= Constants.OBJECT_ID_STRING_LENGTH) {
      id = byHash(db, rev.toLowerCase(Locale.ROOT));
    }
    if (id == null) {
      return Optional.empty();
    }
    try (RevWalk walk = new RevWalk(db)) {
      return Optional.of(walk.parseCommit(id));
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
  }

  /** Like {@link #resolve}, but a miss is Bitbucket's 404 {@code Commit not found}. */
  static RevCommit require(Repository db, String rev) throws IOException {
    return resolve(db, rev).orElseThrow(() -> commitNotFound(rev));
  }

  /**
   * Bitbucket's unknown-commit refusal: 404 {@code Commit not found} with {@code data.shas} both inside
   * {@code error} and at the top level (reference: bitbucket-cloud-rest.md §1.4).
   */
  static ApiError commitNotFound(String rev) {
    ObjectNode data = Json.obj();
    data.putArray("shas").add(rev);
    return ApiError.notFound("Commit not found").data(data).dataAlsoAtTopLevel().reason("no commit named '" + rev + "'");
  }

  /** The tip of branch {@code name}, or {@code null}. */
  static RevCommit branchTip(Repository db, String name) throws IOException {
    ObjectId id = refTarget(db, Constants.R_HEADS + name);
    if (id == null) {
      return null;
    }
    try (RevWalk walk = new RevWalk(db)) {
      return walk.parseCommit(id);
    }
  }

  /** The peeled target of an exact ref, or {@code null}; names Git would refuse are never looked up. */
  private static ObjectId refTarget(Repository db, String refName) throws IOException {
    // Validating first keeps names such as "../config" from being read as loose ref files.
    if (!Repository.isValidRefName(refName)) {
      return null;
    }
    Ref ref = db.exactRef(refName);
    if (ref == null) {
      return null;
    }
    Ref peeled = db.getRefDatabase().peel(ref);
    return peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : peeled.getObjectId();
  }

  private static ObjectId byHash(Repository db, String hex) throws IOException {
    if (hex.length() == Constants.OBJECT_ID_STRING_LENGTH) {
      ObjectId id = ObjectId.fromString(hex);
      return db.getObjectDatabase().has(id) ? id : null;
    }
    try (ObjectReader reader = db.newObjectReader()) {
      Collection<ObjectId> candidates = reader.resolve(AbbreviatedObjectId.fromString(hex));
      List<ObjectId> commits = new ArrayList<>();
      for (ObjectId c : candidates) {
        if (reader.open(c).getType() == Constants.OBJ_COMMIT) {
          commits.add(c);
        }
      }
      if (commits.size() > 1) {
        throw ApiError.badRequest("Ambiguous commit id: " + hex).reason(hex + " matches " + commits.size() + " commits");
      }
      return commits.isEmpty() ? null : commits.get(0);
    }
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
        return false;
      }
    }
    return true;
  }
}
