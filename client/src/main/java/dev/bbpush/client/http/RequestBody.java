package dev.bbpush.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A request body that {@link HttpTransport} streams: e.g. the multipart {@code POST /src} body (the push package's {@code
 * SrcMultipartBody}). Pass it to {@link Request#post(java.net.URI, RequestBody)}.
 *
 * <p>A {@linkplain #isRepeatable() repeatable} body can be written more than once, so a retry-safe request carrying
 * it may be resent; a body that is not repeatable (a one-shot stream) is never resent. Implementations need not be
 * thread-safe: the transport writes one request at a time.
 */
public interface RequestBody {
    /** The {@code Content-Type} header value, e.g. {@code multipart/form-data; boundary=...}. */
    String getContentType();

    /** The exact length in bytes, or {@code -1} when unknown (the body is then sent chunked). */
    long getContentLength();

    /** Whether {@link #writeTo} may be called more than once, each time writing the same bytes. */
    boolean isRepeatable();

    /** The body as a stream; the caller closes it. */
    InputStream getContent() throws IOException;

    /** Writes the whole body to {@code out}; does not close it. */
    void writeTo(OutputStream out) throws IOException;
}
