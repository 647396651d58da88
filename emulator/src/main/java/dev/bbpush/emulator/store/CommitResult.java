package dev.bbpush.emulator.store;

/**
 * A created commit.
 *
 * @param sha the new commit's full SHA
 * @param branch the branch it was written to
 * @param branchCreated whether the branch did not exist before
 */
public record CommitResult(String sha, String branch, boolean branchCreated) {}
