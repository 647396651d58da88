package dev.bbpush.client.push;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ContentSource;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.http.RequestBody;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The {@code multipart/form-data} body of {@code POST /2.0/repositories/{ws}/{repo}/src} (reference §2.1), streamed.
 *
 * <p>Layout: the meta fields {@code message}, {@code author}, {@code parents}, {@code branch} (each only if set),
 * then one {@code files} field per delete, then one part per put:
 *
 * <pre>
 * Content-Disposition: form-data; name="/live/run.sh"; filename="run.sh"; x-attributes="executable"
 * Content-Type: application/octet-stream
 * </pre>
 *
 * <ul>
 *   <li>The part name is the repository path with a leading {@code /}, so a file named {@code message} or
 *       {@code files} is never read as a meta field; the {@code filename} parameter marks the part as a file a
 *       second way (the documented example carries one).
 *   <li>{@code x-attributes} is {@code "executable"} or {@code "link"} (content = link target); absent for a
 *       regular file, which is what makes Bitbucket drop a previous executable/link attribute.
 *   <li>Header text is UTF-8 (RFC 7578 §5.1.1, as browsers send it); {@code "} and {@code \} in names are
 *       backslash-escaped as in an RFC 7230 quoted-string. Control characters cannot occur ({@link dev.bbpush.client.changes.RepoPaths}).
 *   <li>Content is streamed from each {@link ContentSource} while writing, never buffered whole; the length is
 *       known (and sent as {@code Content-Length}) when every source knows its size, otherwise the entity is
 *       chunked. A source that cannot be read, or whose length differs from its declared size, fails the write
 *       with a {@link LocalContentException} naming the path instead of sending a corrupt body.
 * </ul>
 *
 * <p>The entity is repeatable (each {@link #writeTo} re-opens the sources), so a transport retry can resend it.
 * Hand-written rather than built with {@code MultipartEntityBuilder}, whose header encoding is ASCII-only for
 * custom {@code Content-Disposition} values and would mangle non-ASCII paths.
 */
final class SrcMultipartBody implements RequestBody {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final char[] BOUNDARY_CHARS =
            "-_1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

    /** One piece of the body: fixed bytes, or a source streamed with its declared size. */
    private record Segment(byte[] bytes, ContentSource source, String repoPath) {}

    private final String boundary;
    private final List<Segment> segments;
    private final long length;

    private SrcMultipartBody(String boundary, List<Segment> segments) {
        this.boundary = boundary;
        this.segments = List.copyOf(segments);
        long n = 0;
        for (Segment s : segments) {
            long part = s.bytes != null ? s.bytes.length : s.source.size();
            if (part < 0) {
                n = -1;
                break;
            }
            n += part;
        }
        this.length = n;
    }

    /** The body for committing {@code changes} with {@code meta}, using a random boundary. */
    public static SrcMultipartBody of(CommitMetadata meta, ChangeSet changes) {
        return of(meta, changes, randomBoundary());
    }

    /**
     * Same with a fixed boundary (tests, reproducible dumps).
     *
     * @throws IllegalArgumentException if the boundary is not 1..70 characters of {@code [0-9A-Za-z'()+_,-./:=?]}
     */
    public static SrcMultipartBody of(CommitMetadata meta, ChangeSet changes, String boundary) {
        if (boundary == null || !boundary.matches("[0-9A-Za-z'()+_,\\-./:=?]{1,70}")) {
            throw new IllegalArgumentException("invalid multipart boundary");
        }
        Writer w = new Writer(boundary);
        if (meta.message() != null) {
            w.field("message", meta.message());
        }
        if (meta.author() != null) {
            w.field("author", meta.author());
        }
        if (meta.parent() != null) {
            w.field("parents", meta.parent());
        }
        if (meta.branch() != null) {
            w.field("branch", meta.branch());
        }
        for (FileChange d : changes.deletes()) {
            w.field("files", d.path());
        }
        for (FileChange p : changes.puts()) {
            w.file(p);
        }
        w.end();
        return new SrcMultipartBody(boundary, w.segments);
    }

    private static String randomBoundary() {
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder("bbpush-");
        for (int i = 0; i < 32; i++) {
            b.append(BOUNDARY_CHARS[r.nextInt(BOUNDARY_CHARS.length)]);
        }
        return b.toString();
    }

    /** Accumulates fixed text into byte segments between streamed sources. */
    private static final class Writer {
        private final String boundary;
        private final List<Segment> segments = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Writer(String boundary) {
            this.boundary = boundary;
        }

        void field(String name, String value) {
            text.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=")
                    .append(quoted(name))
                    .append("\r\n")
                    .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n")
                    .append(value)
                    .append("\r\n");
        }

        void file(FileChange put) {
            String path = put.path();
            String name = path.substring(path.lastIndexOf('/') + 1);
            text.append("--")
                    .append(boundary)
                    .append("\r\n")
                    .append("Content-Disposition: form-data; name=")
                    .append(quoted("/" + path))
                    .append("; filename=")
                    .append(quoted(name));
            put.requireMode()
                    .xAttribute()
                    .ifPresent(a -> text.append("; x-attributes=").append(quoted(a)));
            text.append("\r\nContent-Type: application/octet-stream\r\n\r\n");
            flush();
            segments.add(new Segment(null, put.requireContent(), put.path()));
            text.append("\r\n");
        }

        void end() {
            text.append("--").append(boundary).append("--\r\n");
            flush();
        }

        private void flush() {
            if (text.length() > 0) {
                segments.add(new Segment(text.toString().getBytes(StandardCharsets.UTF_8), null, null));
                text.setLength(0);
            }
        }

        private static String quoted(String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
    }

    /** The multipart boundary (without leading dashes). */
    public String boundary() {
        return boundary;
    }

    @Override
    public String getContentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The exact body length, or {@code -1} (chunked) when a source does not know its size. */
    @Override
    public long getContentLength() {
        return length;
    }

    /** Whether the body is sent chunked: when its length is unknown. */
    public boolean isChunked() {
        return length < 0;
    }

    /** True: every write re-opens the sources. */
    @Override
    public boolean isRepeatable() {
        return true;
    }

    /** False: the body is not tied to one consumable stream (it is repeatable). */
    public boolean isStreaming() {
        return false;
    }

    /**
     * A lazily opened stream over the whole body: each source is opened only when the reader reaches it. The caller
     * closes the stream.
     */
    @Override
    public InputStream getContent() {
        Iterator<Segment> it = segments.iterator();
        return new SequenceInputStream(new Enumeration<InputStream>() {
            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                Segment s = it.next();
                if (s.bytes != null) {
                    return new ByteArrayInputStream(s.bytes);
                }
                return new LazySourceStream(s.source, s.repoPath);
            }
        });
    }

    /** Streams the body into {@code out} in 64 KiB steps; does not close {@code out}. */
    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getContent()) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
            }
        }
    }

    @Override
    public String toString() {
        return "SrcMultipartBody[" + segments.size() + " segments, " + length + " bytes]";
    }

    /** Opens its source on first read and enforces the declared size (a changed file must not corrupt the body). */
    private static final class LazySourceStream extends FilterInputStream {
        private final ContentSource source;
        private final String repoPath;
        private final long expected;
        private long seen;
        private boolean opened;

        LazySourceStream(ContentSource source, String repoPath) {
            super(null);
            this.source = source;
            this.repoPath = repoPath;
            this.expected = source.size();
        }

        private void ensureOpen() throws IOException {
            if (!opened) {
                try {
                    in = source.open();
                } catch (IOException e) {
                    throw new LocalContentException(
                            repoPath, source.description(), "could not be read while uploading (" + e + ")", e);
                }
                opened = true;
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            ensureOpen();
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw new LocalContentException(
                        repoPath, source.description(), "could not be read while uploading (" + e + ")", e);
            }
            if (n == -1) {
                if (expected >= 0 && seen != expected) {
                    throw changed();
                }
                return -1;
            }
            seen += n;
            if (expected >= 0 && seen > expected) {
                throw changed();
            }
            return n;
        }

        private LocalContentException changed() {
            return new LocalContentException(
                    repoPath,
                    source.description(),
                    "changed while uploading (expected " + expected + " bytes, read " + seen + ")",
                    null);
        }

        @Override
        public void close() throws IOException {
            if (opened) {
                in.close();
            }
        }
    }
}
