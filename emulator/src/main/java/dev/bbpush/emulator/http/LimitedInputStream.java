package dev.bbpush.emulator.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code limit} bytes of a request body; one byte more fails with {@link TooLarge}. */
public final class LimitedInputStream extends FilterInputStream {
    /** JSON bodies (REST and control API) are small; this bounds what a parser holds in memory. */
    public static final long JSON_LIMIT = 1024 * 1024;

    private long left;

    public LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    /** The body is longer than the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("request body exceeds the limit");
        }
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0 && --left < 0) {
            throw new TooLarge();
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            left -= n;
            if (left < 0) {
                throw new TooLarge();
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)]);
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
