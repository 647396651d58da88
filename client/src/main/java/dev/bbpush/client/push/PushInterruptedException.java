package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;

/**
 * The thread running the push was interrupted while it waited to send the commit again (after a 409, a 5xx, a 429 or
 * no answer). The push stops there and the thread's interrupt flag stays set.
 *
 * <p>{@link #nothingLanded()} says whether it is known that nothing of this push was committed: true when every
 * attempt so far was refused (409, 429, a connection that never reached the server); false when an earlier attempt
 * got no answer or a 5xx, so the server may still have been writing it. In both cases running the same push again is
 * safe (it plans against the current head, so a landed commit makes it a no-op); the commit, if any, carries the
 * trailer {@code <key>: <changeId>}. The CLI exits 6 ("try again later", docs/cli.md, "Exit codes").
 */
public final class PushInterruptedException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String branch;
    private final String changeId;
    private final boolean nothingLanded;

    /**
     * @param nothingLanded whether it is known that nothing of this push was committed
     * @param cause the interrupt
     */
    public PushInterruptedException(
            String branch, String changeId, String trailerKey, boolean nothingLanded, InterruptedException cause) {
        super(
                "The push to branch '" + branch + "' was interrupted while waiting to retry the commit. "
                        + (nothingLanded
                                ? "Nothing of this push was committed (every attempt so far was refused)."
                                : "An earlier attempt got no answer, so whether it landed is unknown: look for the commit message trailer '"
                                        + trailerKey + ": " + changeId + "'.")
                        + " Run the same push again when ready (it is safe: it plans against the current head).",
                cause);
        this.branch = branch;
        this.changeId = changeId;
        this.nothingLanded = nothingLanded;
    }

    public String branch() {
        return branch;
    }

    /** The change id in the commit message trailer of this push. */
    public String changeId() {
        return changeId;
    }

    /** True when it is known that nothing of this push was committed; false when an earlier attempt may have landed. */
    public boolean nothingLanded() {
        return nothingLanded;
    }
}
