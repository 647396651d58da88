package dev.bbpush.client.push;

import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.error.ConflictException;

/**
 * Bitbucket refused the commit with 409 several times in a row (the client's {@code RetryPolicy.maxAttempts()})
 * although the branch head, read after each refusal, stayed at the parent the push sent. Its 409 on {@code POST /src}
 * means "{@code parents} is not the branch tip", so this is not a race with other writers, and waiting out the
 * conflict budget would not help; nothing of this push was committed. Still a {@link ConflictException} (the server's
 * answer, {@link #failure()}), but not an overlap: the CLI exits 6 ("try again later"), never 4.
 */
public final class UnexplainedConflictException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final String branch;
    private final String head;
    private final int rejections;

    /**
     * @param head the branch head that did not move ({@code null} when the branch did not exist)
     * @param rejections the 409s in a row with the head unmoved
     * @param serverMessage what Bitbucket's answer said
     */
    public UnexplainedConflictException(
            String branch, String head, int rejections, String serverMessage, ApiFailure failure) {
        super(
                "Bitbucket refused the commit to branch '" + branch + "' with 409 " + rejections
                        + " times in a row although"
                        + " the branch head stayed at " + (head == null ? "(none: the branch does not exist)" : head)
                        + ", the parent"
                        + " this push sent; a 409 means the parent is not the branch tip, so this is not a race with other writers."
                        + " Nothing of this push was committed. Bitbucket said: " + serverMessage
                        + " Fix: run the same push again"
                        + " later (it is safe); if it keeps failing, check the branch in Bitbucket (e.g. a branch being rewritten or"
                        + " restricted).",
                failure);
        this.branch = branch;
        this.head = head;
        this.rejections = rejections;
    }

    public String branch() {
        return branch;
    }

    /** The branch head that did not move; {@code null} when the branch did not exist. */
    public String head() {
        return head;
    }

    /** The 409 answers in a row while the head stayed put. */
    public int rejections() {
        return rejections;
    }
}
