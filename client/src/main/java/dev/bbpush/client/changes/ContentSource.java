package dev.bbpush.client.changes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where the bytes of a put come from. A source is re-openable: it is read once to hash it, once by the secret scan
 * and once more for every upload attempt (a retried commit re-sends it), so it must return the same bytes each time.
 *
 * <p>Factories: {@link #file(Path)} streams a local file; {@link #bytes(byte[])} holds a copy in memory (small
 * content only); {@link #spool(InputStream, Path)} copies a one-shot stream (stdin) into a temporary file so it can
 * be re-read and hashed, and deletes that file when closed.
 */
public interface ContentSource {

    /** Opens a fresh stream from the beginning. The caller closes it. */
    InputStream open() throws IOException;

    /** The size in bytes, or {@code -1} when unknown (then uploads are chunked and hashing reads the content twice). */
    long size();

    /** Where the content comes from, for messages (a local path, "stdin", "bytes"); never the content itself. */
    String description();

    /**
     * A local file, streamed on every {@link #open()}. The size is taken now; if the file changes size before the
     * upload, the upload fails rather than send a body that disagrees with its declared length.
     *
     * @throws IOException if the file cannot be read (missing, a directory, no permission)
     */
    static ContentSource file(Path file) throws IOException {
        return FileContent.of(file);
    }

    /** In-memory content (copied). Meant for small content such as symlink targets or generated files. */
    static ContentSource bytes(byte[] content) {
        return new ByteContent(content, "bytes");
    }

    /**
     * Copies {@code in} to a temporary file in {@code tempDir} (created with owner-only permissions where the file
     * system supports it) and returns a re-openable source reading it. The stream is read to its end but not closed.
     * Close the returned source to delete the temporary file ({@link ChangeSet#close()} does this for spooled sources
     * added through {@link ChangeSetBuilder}); it is also marked delete-on-exit as a last resort.
     *
     * @param description what the stream is, for messages (e.g. {@code "stdin"})
     */
    static SpooledContent spool(InputStream in, Path tempDir, String description) throws IOException {
        return SpooledContent.copy(in, tempDir, description);
    }
}
