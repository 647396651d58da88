package dev.bbpush.emulator.store;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/** The one rule for branch names the REST API accepts ({@code POST …/src} {@code branch}, {@code POST …/refs/branches}). */
public final class BranchNames {
    private BranchNames() {}

    /** {@code git check-ref-format} rules, plus no {@code HEAD} and no leading {@code -} (as {@code git branch}). */
    public static boolean isValid(String branch) {
        return branch != null
                && !branch.equals(Constants.HEAD)
                && !branch.startsWith("-")
                && Repository.isValidRefName(Constants.R_HEADS + branch);
    }
}
