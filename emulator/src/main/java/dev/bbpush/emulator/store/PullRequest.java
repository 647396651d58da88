package dev.bbpush.emulator.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A pull request as the emulator keeps it. Immutable; {@link PullRequests} hands out new values.
 *
 * @param id the id, unique per repository, starting at 1
 * @param title the title
 * @param description the description (empty when none was given)
 * @param sourceBranch the source branch name (same repository; forks are not modelled)
 * @param destinationBranch the destination branch name
 * @param sourceCommit the source tip when the pull request was created (full SHA)
 * @param destinationCommit the destination tip when the pull request was created (full SHA)
 * @param author who opened it: an account username, or for principals without an account the
 *     credential name prefixed with {@code app:}
 * @param closeSourceBranch whether merging would delete the source branch
 * @param draft whether it is a draft
 * @param state its state
 * @param createdOn when it was created (emulator clock)
 */
public record PullRequest(
        int id,
        String title,
        String description,
        String sourceBranch,
        String destinationBranch,
        String sourceCommit,
        String destinationCommit,
        String author,
        boolean closeSourceBranch,
        boolean draft,
        State state,
        Instant createdOn) {

    public PullRequest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sourceBranch, "sourceBranch");
        Objects.requireNonNull(destinationBranch, "destinationBranch");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdOn, "createdOn");
    }

    /** The prefix of {@link #author} for principals that act as an {@code app_user}. */
    public static final String APP_AUTHOR_PREFIX = "app:";

    /** Bitbucket's pull-request states (reference: bitbucket-cloud-rest.md §7.2). */
    public enum State {
        OPEN,
        MERGED,
        DECLINED,
        SUPERSEDED
    }
}
