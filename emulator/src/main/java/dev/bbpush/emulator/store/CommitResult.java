package dev.bbpush.emulator.store;

import org.eclipse.jgit.lib.ObjectId;

/**
 * A created commit.
 *
 * @param commit the new commit's id
 * @param branch the branch it was written to
 * @param branchCreated whether the branch did not exist before
 */
public record CommitResult(ObjectId commit, String branch, boolean branchCreated) {}
