package dev.bbpush.emulator.store;

/**
 * The outcome of creating or deleting a branch by compare-and-swap.
 *
 * @param outcome what happened
 * @param detail Git's own result name (for example {@code LOCK_FAILURE}), for the log
 */
public record BranchUpdate(Outcome outcome, String detail) {
    /** What became of the branch. */
    public enum Outcome {
        /** The branch was created or deleted. */
        APPLIED,
        /** Git refused to delete the branch {@code HEAD} points at. */
        REFUSED_CURRENT_BRANCH,
        /** The branch was not where the caller expected (someone moved it), or the update failed. */
        FAILED
    }

    public boolean applied() {
        return outcome == Outcome.APPLIED;
    }
}
