package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.store.Revisions.AmbiguousRevisionException;
import java.io.IOException;
import java.util.Optional;

/**
 * The REST face of {@link RepoContents#resolve}: resolution plus Bitbucket's refusals
 * (404 {@code Commit not found}, 400 for an ambiguous abbreviated SHA).
 */
final class Revisions {
    private Revisions() {}

    /**
     * The commit {@code rev} names in {@code repo}: a full SHA, a branch, a tag or an abbreviated SHA.
     *
     * @return empty when nothing matches or the match is not a commit
     * @throws ApiError 400 when an abbreviated SHA matches several commits
     */
    static Optional<Commit> resolve(RepoContents repo, String rev) throws IOException {
        try {
            return repo.resolve(rev);
        } catch (AmbiguousRevisionException e) {
            throw ApiError.badRequest("Ambiguous commit id: " + rev).reason(e.getMessage());
        }
    }

    /** Like {@link #resolve}, but a miss is Bitbucket's 404 {@code Commit not found}. */
    static Commit require(RepoContents repo, String rev) throws IOException {
        return resolve(repo, rev).orElseThrow(() -> commitNotFound(rev));
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
}
