package dev.bbpush.client.push;

import dev.bbpush.client.changes.FileMode;
import org.eclipse.jgit.lib.ObjectId;

/**
 * One file on the remote branch as a planner knows it: from Git the blob id and mode (size unknown, -1); from the
 * REST listing the size and mode (blob id unknown, {@code null}).
 */
record RemoteEntry(String path, FileMode mode, ObjectId blobId, long size) {}
