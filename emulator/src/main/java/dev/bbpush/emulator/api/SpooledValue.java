package dev.bbpush.emulator.api;

import dev.bbpush.emulator.store.BlobSource;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A value written once and read back later: kept in memory up to a threshold, then moved to a temp
 * file, so a large url-encoded file value never sits in the heap. {@link #close()} deletes the file.
 */
final class SpooledValue extends OutputStream implements BlobSource, AutoCloseable {
    private final Path spoolDir;
    private final int threshold;
    private byte[] buf = new byte[256];
    private int count;
    private Path file;
    private OutputStream fileOut;
    private long size;

    SpooledValue(Path spoolDir, int threshold) {
        this.spoolDir = spoolDir;
        this.threshold = threshold;
    }

    @Override
    public void write(int b) throws IOException {
        if (fileOut != null) {
            fileOut.write(b);
        } else {
            if (count == threshold) {
                spill();
                fileOut.write(b);
                size++;
                return;
            }
            if (count == buf.length) {
                byte[] bigger = new byte[Math.min(threshold, buf.length * 2)];
                System.arraycopy(buf, 0, bigger, 0, count);
                buf = bigger;
            }
            buf[count++] = (byte) b;
        }
        size++;
    }

    private void spill() throws IOException {
        Files.createDirectories(spoolDir);
        file = Files.createTempFile(spoolDir, "src-form-", ".part");
        fileOut = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        fileOut.write(buf, 0, count);
        buf = null;
    }

    /** Ends writing; the value is then readable. */
    void finish() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(buf, 0, count);
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
