package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;

/**
 * The push itself finished ({@link #pushResult()}: committed or unchanged) but opening the pull request failed.
 * Running the same push again is safe: it is then unchanged and only opens (or reuses) the pull request.
 */
public final class PullRequestFailedException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final transient PushResult pushResult;

    public PullRequestFailedException(PushResult pushResult, RuntimeException cause) {
        super(
                "The push finished (" + pushResult.status().wireName()
                        + pushResult.commit().map(c -> " " + c).orElse("")
                        + " on branch '" + pushResult.branch() + "') but the pull request could not be opened: "
                        + cause.getMessage()
                        + " Run the same push again to retry only the pull request.",
                cause);
        this.pushResult = pushResult;
    }

    /** The push's result, without a pull request. */
    public PushResult pushResult() {
        return pushResult;
    }
}
