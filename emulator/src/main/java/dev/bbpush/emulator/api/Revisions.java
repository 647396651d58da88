package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.store.Revisions.AmbiguousRevisionException;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The REST face of {@link dev.bbpush.emulator.store.Revisions}: resolution plus Bitbucket's refusals
 * (404 {@code Commit not found}, 400 for an ambiguous abbreviated SHA).
 */
final class Revisions {
    private Revisions() {}

    /**
     * The commit {@code rev} names in {@code db}: a full SHA, a branch, a tag or an abbreviated SHA.
     *
     * @return empty when nothing matches or the match is not a commit
     * @throws ApiError 400 when an abbreviated SHA matches several commits
     */
    static Optional<RevCommit> resolve(Repository db, String rev) throws IOException {
        try {
            // fqn: this class is api.Revisions too, it wraps store.Revisions
            return dev.bbpush.emulator.store.Revisions.resolve(db, rev);
        } catch (AmbiguousRevisionException e) {
            throw ApiError.badRequest("Ambiguous commit id: " + rev).reason(e.getMessage());
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
        return ApiError.notFound("Commit not found")
                .data(data)
                .dataAlsoAtTopLevel()
                .reason("no commit named '" + rev + "'");
    }

    /** The tip of branch {@code name}, or {@code null}. */
    static RevCommit branchTip(Repository db, String name) throws IOException {
        // fqn: this class is api.Revisions too, it wraps store.Revisions
        return dev.bbpush.emulator.store.Revisions.branchTip(db, name).orElse(null);
    }
}
