package dev.bbpush.emulator.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * The content of one file to commit, readable as a stream of known length, so a blob of any size goes
 * into the object database without being held in memory (an uploaded part, a spooled form value).
 */
public interface BlobSource {
    /** The exact number of bytes {@link #open()} yields. */
    long size();

    /** A fresh stream over the content; the caller closes it. */
    InputStream open() throws IOException;
}
