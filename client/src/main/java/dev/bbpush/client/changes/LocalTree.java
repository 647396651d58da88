package dev.bbpush.client.changes;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * The fingerprints of all puts of a change set, keyed by repository path (sorted). Built by streaming each source
 * once through git's blob hash; content is never held in memory.
 */
public final class LocalTree {
    private final Map<String, Fingerprint> entries;

    private LocalTree(Map<String, Fingerprint> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /**
     * Hashes every put of {@code changes}. Deletes have no fingerprint.
     *
     * @throws LocalContentException if a source cannot be read, or a file changed size since the change set was built
     * @throws java.io.InterruptedIOException if the thread was interrupted (the caller gave up)
     */
    public static LocalTree of(ChangeSet changes) throws IOException {
        Map<String, Fingerprint> m = new LinkedHashMap<>();
        for (FileChange c : changes.puts()) {
            if (Thread.currentThread().isInterrupted()) {
                // The caller gave up (e.g. planning failed): stop reading its files.
                throw new InterruptedIOException("hashing interrupted");
            }
            try {
                m.put(c.path(), fingerprint(c));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                throw new LocalContentException(
                        c.path(), c.requireContent().description(), "could not be read for hashing (" + e + ")", e);
            }
        }
        return new LocalTree(m);
    }

    /** The fingerprint of one put. @throws IllegalArgumentException for a delete */
    public static Fingerprint fingerprint(FileChange put) throws IOException {
        if (!put.isPut()) {
            throw new IllegalArgumentException("a delete has no fingerprint: " + put.path());
        }
        ContentSource src = put.requireContent();
        long size = src.size();
        if (size < 0) {
            size = count(src);
        }
        return new Fingerprint(put.path(), blobId(src, size).name(), put.requireMode(), size);
    }

    /** The git blob id of {@code size} bytes read from {@code src} (the header {@code blob <size>\0} + content). */
    static ObjectId blobId(ContentSource src, long size) throws IOException {
        try (InputStream in = src.open()) {
            ObjectInserter.Formatter f = new ObjectInserter.Formatter();
            ObjectId id;
            try {
                id = f.idFor(Constants.OBJ_BLOB, size, in);
            } catch (EOFException e) {
                throw new IOException(
                        src.description() + " is shorter than its recorded size " + size
                                + " bytes; it changed after the change set was built. Run the push again.",
                        e);
            }
            if (in.read() != -1) {
                throw new IOException(src.description() + " is longer than its recorded size " + size
                        + " bytes; it changed after the change set was built. Run the push again.");
            }
            return id;
        }
    }

    private static long count(ContentSource src) throws IOException {
        try (InputStream in = src.open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }

    /** Path → fingerprint, sorted by path. */
    public Map<String, Fingerprint> entries() {
        return entries;
    }

    public Optional<Fingerprint> get(String repoPath) {
        return Optional.ofNullable(entries.get(repoPath));
    }

    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return "LocalTree" + entries.values();
    }
}
