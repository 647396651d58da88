package dev.bbpush.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hc.core5.function.Supplier;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

/** A {@link RequestBody} as Apache HttpClient's entity: the only place the two meet. */
final class BodyEntity implements HttpEntity {
    private final RequestBody body;

    BodyEntity(RequestBody body) {
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public boolean isRepeatable() {
        return body.isRepeatable();
    }

    @Override
    public InputStream getContent() throws IOException {
        return body.getContent();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        body.writeTo(out);
    }

    /** False for a repeatable body (it is not tied to one consumable stream), true otherwise. */
    @Override
    public boolean isStreaming() {
        return !body.isRepeatable();
    }

    @Override
    public Supplier<List<? extends Header>> getTrailers() {
        return null;
    }

    @Override
    public void close() throws IOException {
        // The body holds nothing open between writes.
    }

    @Override
    public long getContentLength() {
        return body.getContentLength();
    }

    @Override
    public String getContentType() {
        return body.getContentType();
    }

    @Override
    public String getContentEncoding() {
        return null;
    }

    @Override
    public boolean isChunked() {
        return body.getContentLength() < 0;
    }

    @Override
    public Set<String> getTrailerNames() {
        return Set.of();
    }
}
