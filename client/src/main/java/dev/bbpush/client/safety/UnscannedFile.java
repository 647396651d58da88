package dev.bbpush.client.safety;

/**
 * A put the secret scan did not read, or read only in part.
 *
 * @param path the repository path
 * @param reason why
 */
public record UnscannedFile(String path, Reason reason) {
    /** Why a file was not (fully) scanned. */
    public enum Reason {
        /** Looks binary (a NUL byte in the first 8000 bytes, git's heuristic). */
        BINARY,
        /** Larger than the scan limit; only the first bytes were scanned. */
        TRUNCATED,
        /** A symlink: its content is a path, not data. */
        SYMLINK
    }
}
