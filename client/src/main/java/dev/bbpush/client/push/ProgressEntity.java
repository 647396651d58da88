package dev.bbpush.client.push;

import dev.bbpush.client.http.RequestBody;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Wraps a request body and reports {@link PushEvent.Uploading} while it is written: at the start, every
 * {@link #STEP} bytes and at the end. Everything else is delegated.
 *
 * <p>A listener that throws is ignored here: the body is on its way, and an exception escaping the write would be
 * taken for a network failure and hide the commit's outcome.
 */
final class ProgressEntity implements RequestBody {
    static final long STEP = 1024 * 1024;

    private final RequestBody delegate;
    private final PushListener listener;

    ProgressEntity(RequestBody delegate, PushListener listener) {
        this.delegate = delegate;
        this.listener = listener;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long total = delegate.getContentLength();
        report(new PushEvent.Uploading(0, total));
        CountingStream counting = new CountingStream(out, total);
        delegate.writeTo(counting);
        counting.flush();
        report(new PushEvent.Uploading(counting.sent, total));
    }

    private void report(PushEvent.Uploading event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // Ignored on purpose (see the class comment); the listener's failure is not the upload's.
        }
    }

    private final class CountingStream extends FilterOutputStream {
        private final long total;
        private long sent;
        private long reported;

        CountingStream(OutputStream out, long total) {
            super(out);
            this.total = total;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            advance(1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            advance(len);
        }

        private void advance(long n) {
            sent += n;
            if (sent - reported >= STEP) {
                reported = sent;
                report(new PushEvent.Uploading(sent, total));
            }
        }

        @Override
        public void close() {
            // The transport owns the underlying stream.
        }
    }

    @Override
    public boolean isRepeatable() {
        return delegate.isRepeatable();
    }

    @Override
    public InputStream getContent() throws IOException {
        return delegate.getContent();
    }

    @Override
    public long getContentLength() {
        return delegate.getContentLength();
    }

    @Override
    public String getContentType() {
        return delegate.getContentType();
    }
}
