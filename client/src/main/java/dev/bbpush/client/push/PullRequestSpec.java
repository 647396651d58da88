package dev.bbpush.client.push;

import java.util.Objects;
import java.util.Optional;

/**
 * The pull request to open (or reuse) after a push: from the pushed branch to {@link #destination()} (default: the
 * push's base branch, else the repository's main branch). Immutable.
 *
 * @param title the title (required, not blank)
 * @param description the description (markdown); empty for none
 * @param destination the destination branch; empty = the push's base, else the main branch
 * @param closeSourceBranch whether Bitbucket deletes the source branch on merge (default {@code true}: a push
 *     branch is usually a throw-away branch)
 */
public record PullRequestSpec(
        String title, String description, Optional<String> destination, boolean closeSourceBranch) {
    /** @throws IllegalArgumentException if the title is blank */
    public PullRequestSpec {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("pull request title must not be blank");
        }
        description = description == null ? "" : description;
        destination = destination == null ? Optional.empty() : destination;
    }

    /** A pull request with this title, no description, default destination, closing the source branch on merge. */
    public static PullRequestSpec titled(String title) {
        return new PullRequestSpec(title, "", Optional.empty(), true);
    }

    public PullRequestSpec description(String d) {
        return new PullRequestSpec(title, d, destination, closeSourceBranch);
    }

    public PullRequestSpec destination(String branch) {
        return new PullRequestSpec(title, description, Optional.of(branch), closeSourceBranch);
    }

    public PullRequestSpec closeSourceBranch(boolean close) {
        return new PullRequestSpec(title, description, destination, close);
    }
}
