package dev.bbpush.client.changes;

/**
 * A file or directory left out while walking a directory. A skipped directory is reported once, not file by file.
 *
 * @param localPath the local path as found by the walk
 * @param repoPath the repository path it would have had
 * @param directory whether a whole directory was skipped
 * @param reason why
 * @param pattern the pattern responsible (an include/exclude/ignore line or a Terraform profile pattern), or
 *     {@code ""} when no pattern is involved
 */
public record SkippedFile(String localPath, String repoPath, boolean directory, SkipReason reason, String pattern) {}
