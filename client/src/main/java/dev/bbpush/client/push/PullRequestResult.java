package dev.bbpush.client.push;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What happened to the requested pull request.
 *
 * @param outcome created, reused (an OPEN one for the same branches existed) or no changes to pull
 * @param id the pull request id; empty for {@link Outcome#NO_CHANGES}
 * @param url the web URL ({@code links.html.href}); empty for {@link Outcome#NO_CHANGES}
 * @param source the source branch
 * @param destination the destination branch
 */
public record PullRequestResult(
        Outcome outcome, OptionalInt id, Optional<String> url, String source, String destination) {

    /** The three outcomes. None of them is an error. */
    public enum Outcome {
        /** A new pull request was opened. */
        CREATED,
        /** An OPEN pull request for the same source and destination existed and was reused (not changed). */
        REUSED,
        /**
         * The source has nothing the destination lacks ("There are no changes to be pulled", or the source branch
         * was never created because the push changed nothing): no pull request.
         */
        NO_CHANGES
    }

    public boolean reused() {
        return outcome == Outcome.REUSED;
    }

    public boolean emptyDiff() {
        return outcome == Outcome.NO_CHANGES;
    }
}
