package dev.bbpush.client.push;

import dev.bbpush.client.safety.SafetyReport;
import java.util.Optional;

/**
 * The outcome of {@link Pusher#push(PushRequest)}. Holds no secrets and no file contents.
 *
 * @param status committed, unchanged ("nothing to commit") or dry-run
 * @param commit the new commit's full SHA when {@link PushStatus#COMMITTED}
 * @param commitUrl the commit's web page, e.g. {@code https://bitbucket.org/acme/infra/commits/<sha>}
 * @param branch the branch pushed to
 * @param plan what changed against which head (after any retry, the head the commit was finally made on)
 * @param pullRequest the pull request outcome, when one was requested
 * @param requests how many REST and Git requests the push sent
 * @param safety the safety report ({@code findings} may include allowed ones); empty when checks were off
 * @param commitAttempts how many {@code POST /src} requests were sent (0 when nothing was committed)
 * @param changeId the idempotency id written into the commit message trailer
 */
public record PushResult(
        PushStatus status,
        Optional<String> commit,
        Optional<String> commitUrl,
        String branch,
        PushPlan plan,
        Optional<PullRequestResult> pullRequest,
        RequestCounts requests,
        Optional<SafetyReport> safety,
        int commitAttempts,
        String changeId) {

    /** The pull request's web URL, when one was created or reused and Bitbucket sent its link. */
    public Optional<String> pullRequestUrl() {
        return pullRequest.flatMap(PullRequestResult::url);
    }
}
