package dev.bbpush.client.changes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local regular file, streamed on every open. */
final class FileContent implements ContentSource {
    private final Path file;
    private final long size;

    private FileContent(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static FileContent of(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("Cannot read " + file + ": it is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new IOException("Cannot read " + file + ": permission denied");
        }
        return new FileContent(file, Files.size(file));
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
        return file.toString();
    }

    @Override
    public String toString() {
        return "file " + file + " (" + size + " bytes)";
    }
}
