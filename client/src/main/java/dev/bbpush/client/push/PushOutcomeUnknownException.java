package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;

/**
 * The commit request got no usable answer, and reading the branch afterwards failed too, so whether the commit
 * landed is unknown. Do not simply push again from another tool: run the same push again (it plans against the
 * current head, so it is a no-op if the commit landed), or look for the commit whose message carries the trailer
 * {@code <key>: <changeId>}.
 */
public final class PushOutcomeUnknownException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String branch;
    private final String changeId;

    public PushOutcomeUnknownException(String branch, String changeId, String trailerKey, Throwable cause) {
        this(branch, changeId, trailerKey, "the branch could not be read afterwards", cause);
    }

    /**
     * @param why why reading the branch did not settle the outcome, e.g. "the branch could not be read afterwards"
     */
    public PushOutcomeUnknownException(String branch, String changeId, String trailerKey, String why, Throwable cause) {
        super(
                "The commit to branch '" + branch + "' may or may not have landed: the request failed ("
                        + cause.getMessage()
                        + ") and " + why + ". Run the same push again (it changes nothing if the commit"
                        + " landed), or look for the commit message trailer '" + trailerKey + ": " + changeId + "'.",
                cause);
        this.branch = branch;
        this.changeId = changeId;
    }

    public String branch() {
        return branch;
    }

    /** The change id in the commit message trailer of the commit that may have landed. */
    public String changeId() {
        return changeId;
    }
}
