package dev.bbpush.emulator.store;

/**
 * The store refused to create a commit; nothing was written to any branch. {@link #kind()} says why,
 * so the REST layer can map it to Bitbucket's status.
 */
public final class CommitRefused extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why a commit was refused. */
    public enum Kind {
        /**
         * {@code parents} is not the tip of the target branch (or the branch moved while committing). Retry
         * is safe after re-reading the tip.
         */
        STALE_PARENT,
        /** {@code parents} names no commit of this repository (or the repository is empty). */
        UNKNOWN_PARENT,
        /** A deletion names a path that the base commit does not have. */
        NO_SUCH_PATH,
        /** No branch was named and the main branch does not exist, although other branches do. */
        NO_MAIN_BRANCH
    }

    private final Kind kind;
    private final String subject;

    public CommitRefused(Kind kind, String subject, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.subject = subject;
    }

    public Kind kind() {
        return kind;
    }

    /** What the refusal is about: the parent SHA, the path, or the branch name. */
    public String subject() {
        return subject;
    }
}
