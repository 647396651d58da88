package dev.bbpush.client.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A one-shot stream (typically stdin) copied to a temporary file so it can be hashed, scanned and uploaded more
 * than once. {@link #close()} deletes the file; reading after close fails.
 *
 * <p>Deletion relies on {@code close()} (the change set that owns the spool closes it). No {@code deleteOnExit}: it
 * keeps every path in a JVM-wide list until exit, which grows without bound in a long-lived process. The file is
 * created owner-only ({@code rw-------}) in case a crash leaves it behind.
 */
final class SpooledContent implements ContentSource, AutoCloseable {
    private final Path file;
    private final long size;
    private final String description;

    private SpooledContent(Path file, long size, String description) {
        this.file = file;
        this.size = size;
        this.description = description;
    }

    static SpooledContent copy(InputStream in, Path tempDir, String description) throws IOException {
        Files.createDirectories(tempDir);
        Path tmp;
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            tmp = Files.createTempFile(
                    tempDir,
                    "bbpush-spool-",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            tmp = Files.createTempFile(tempDir, "bbpush-spool-", ".tmp");
        }
        long n;
        try (OutputStream out = Files.newOutputStream(tmp)) {
            n = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return new SpooledContent(tmp, n, description);
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public String description() {
        return description;
    }

    /** The temporary file holding the content (deleted by {@link #close()}). */
    public Path file() {
        return file;
    }

    /** Deletes the temporary file. Safe to call more than once. */
    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }

    @Override
    public String toString() {
        return description + " (spooled, " + size + " bytes)";
    }
}
