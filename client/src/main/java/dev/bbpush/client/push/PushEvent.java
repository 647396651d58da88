package dev.bbpush.client.push;

import dev.bbpush.client.safety.SafetyReport;

/** What a push reports to its {@link PushListener}, in order. Events carry paths and counts, never contents. */
public sealed interface PushEvent {
    /** The safety checks passed (the report may list allowed findings and skipped files). */
    record SafetyChecked(SafetyReport report) implements PushEvent {}

    /** Reading the remote branch with {@code source}. */
    record Planning(String branch, PlanSource source) implements PushEvent {}

    /** Git smart HTTP was unavailable; the plan falls back to the REST listing. {@code reason} names the failure. */
    record PlanFallback(String reason) implements PushEvent {}

    /** The plan is ready; nothing has been written yet. A listener may still throw here to abort. */
    record PlanReady(PushPlan plan) implements PushEvent {}

    /** Upload progress of the commit request body; {@code totalBytes} is -1 when unknown. */
    record Uploading(long sentBytes, long totalBytes) implements PushEvent {}

    /**
     * The commit exists on the branch. {@code recovered} is true when the response was lost (connection failure or
     * 5xx) and the commit was found on the branch by its change id.
     */
    record CommitCreated(String commit, String branch, boolean recovered) implements PushEvent {}

    /** The commit request will be sent again (attempt {@code nextAttempt}) because of {@code reason}. */
    record Retrying(Reason reason, int nextAttempt, String detail) implements PushEvent {}

    /** The pull request was opened, reused, or not needed because there is nothing to pull. */
    record PullRequestReady(PullRequestResult pullRequest) implements PushEvent {}

    /** Why a commit is retried. */
    enum Reason {
        /** 409: the branch moved, but none of the pushed paths changed; retrying on the new head. */
        BRANCH_MOVED,
        /** No response (connection failed or reset); the head shows the commit did not land. */
        TRANSPORT_FAILURE,
        /** A 5xx answer; the head shows the commit did not land. */
        SERVER_ERROR,
        /** 429: the request was refused before it was handled; retrying after the server's wait. */
        RATE_LIMITED
    }
}
