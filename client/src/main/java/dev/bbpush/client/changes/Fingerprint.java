package dev.bbpush.client.changes;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What git would store for one put: the blob id ({@code git hash-object} of the content; for a symlink, of its
 * target), the mode and the size in bytes. Comparing a fingerprint with a remote tree entry (same blob id and mode
 * ⇒ unchanged) needs no content transfer.
 *
 * @param path the repository path
 * @param blobId the git blob id, 40 lowercase hex digits
 * @param mode the file mode
 * @param size the content size in bytes
 */
public record Fingerprint(String path, String blobId, FileMode mode, long size) {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** @throws IllegalArgumentException if {@code blobId} is not 40 lowercase hex digits */
    public Fingerprint {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(mode, "mode");
        if (!SHA1.matcher(blobId).matches()) {
            throw new IllegalArgumentException("blobId must be 40 lowercase hex digits: " + blobId);
        }
    }

    /** The blob id as 40 lowercase hex digits (same as {@link #blobId()}). */
    public String blobHex() {
        return blobId;
    }

    /** Whether a remote entry with this blob id (hex) and git mode ({@code 100644}...) holds the same file. */
    public boolean sameAs(String remoteBlobId, String remoteGitMode) {
        return blobId.equalsIgnoreCase(remoteBlobId) && mode.gitMode().equals(remoteGitMode);
    }

    @Override
    public String toString() {
        return path + " " + mode.gitMode() + " " + blobId + " (" + size + " bytes)";
    }
}
