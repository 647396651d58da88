package dev.bbpush.client.commit;

import java.util.Objects;
import org.eclipse.jgit.lib.ObjectId;

/**
 * What git would store for one put: the blob id ({@code git hash-object} of the content; for a symlink, of its
 * target), the mode and the size in bytes. Comparing a fingerprint with a remote tree entry (same blob id and mode
 * ⇒ unchanged) needs no content transfer.
 */
public record Fingerprint(String path, ObjectId blobId, FileMode mode, long size) {
  public Fingerprint {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(blobId, "blobId");
    Objects.requireNonNull(mode, "mode");
    blobId = blobId.copy();
  }

  /** The blob id as 40 lowercase hex digits. */
  public String blobHex() {
    return blobId.name();
  }

  /** Whether a remote entry with this blob id and git mode ({@code 100644}...) holds the same file. */
  public boolean sameAs(ObjectId remoteBlob, String remoteGitMode) {
    return blobId.equals(remoteBlob) && mode.gitMode().equals(remoteGitMode);
  }

  @Override
  public String toString() {
    return path + " " + mode.gitMode() + " " + blobId.name() + " (" + size + " bytes)";
  }
}
