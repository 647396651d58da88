package dev.bbpush.emulator.api;

import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.store.BlobSource;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.ee10.servlet.ServletMultiPartFormData;

/**
 * The fields of a {@code POST /src} body, read from {@code multipart/form-data} or
 * {@code application/x-www-form-urlencoded} (bitbucket-cloud-rest.md §2.1). Only the body counts:
 * query-string parameters are never fields (§9 item 3; Bitbucket was observed to ignore {@code branch}
 * in the query string).
 *
 * <p>Multipart parts come from the servlet container, which spools parts above 16 KiB to disk.
 * Url-encoded values are decoded while streaming and spooled the same way, so neither form holds a
 * large file in the heap. {@link #close()} removes what was spooled, the container's part files included.
 */
final class FormFields implements AutoCloseable {
    private static final int SPOOL_THRESHOLD = 64 * 1024;
    /** Field names are file paths or meta field names; a longer "name" (a body without {@code =}) is refused, not buffered. */
    static final int MAX_NAME_BYTES = 4096;

    private final List<FormField> fields;
    private final List<SpooledValue> spooled;
    private final Collection<Part> parts;

    private FormFields(List<FormField> fields, List<SpooledValue> spooled, Collection<Part> parts) {
        this.fields = fields;
        this.spooled = spooled;
        this.parts = parts;
    }

    List<FormField> fields() {
        return fields;
    }

    /**
     * Reads the body of {@code req}.
     *
     * @throws ApiError 400 when the content type is not a form, or the body is malformed or truncated
     */
    static FormFields read(HttpServletRequest req, Path spoolDir) throws IOException {
        String ct = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
        if (ct.startsWith("multipart/form-data")) {
            return multipart(req);
        }
        if (ct.startsWith("application/x-www-form-urlencoded")) {
            return urlEncoded(req, spoolDir);
        }
        // Not a form: Bitbucket then sees no fields at all, which is a bad request.
        throw ApiError.badRequest("Bad request")
                .detail("The request body must be multipart/form-data or application/x-www-form-urlencoded.")
                .reason("POST /src with Content-Type '" + req.getContentType() + "'");
    }

    private static FormFields multipart(HttpServletRequest req) {
        String boundary = boundary(req.getContentType());
        PartHeaderSniffer sniffer = boundary == null ? null : new PartHeaderSniffer(boundary);
        Collection<Part> parts;
        try {
            if (sniffer == null) {
                parts = req.getParts();
            } else {
                // Parsed by the container from a stream that lets the sniffer see the raw part headers.
                parts = ServletMultiPartFormData.from(new SniffedRequest(req, sniffer), req.getContentType())
                        .get()
                        .getParts();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unparseable(e);
        } catch (IOException | ServletException | ExecutionException | RuntimeException e) {
            // The container refuses some control characters in part headers; name the field when the sniffer saw it.
            ApiError named = refusedName(sniffer);
            throw named != null
                    ? named
                    : unparseable(e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e);
        }
        try {
            return new FormFields(fields(parts, sniffer), List.of(), parts);
        } catch (RuntimeException e) {
            deleteAll(parts);
            throw e;
        }
    }

    private static List<FormField> fields(Collection<Part> parts, PartHeaderSniffer sniffer) {
        List<byte[]> raw = sniffer == null ? List.of() : sniffer.dispositions();
        boolean useRaw = raw.size() == parts.size();
        List<FormField> out = new ArrayList<>(parts.size());
        int index = 0;
        for (Part p : parts) {
            byte[] rawDisposition = useRaw ? raw.get(index) : null;
            index++;
            String header = p.getHeader("Content-Disposition");
            ContentDisposition cd = header == null ? null : ContentDisposition.parse(header);
            String name = cd != null && cd.param("name") != null ? cd.param("name") : p.getName();
            if (name == null) {
                throw ApiError.badRequest("Bad request")
                        .detail("Every part needs a Content-Disposition with a name.")
                        .reason("multipart part without a name (Content-Disposition: " + header + ")");
            }
            if (rawDisposition != null) {
                name = exactName(rawDisposition, name);
            }
            boolean hasFilename = cd != null
                    ? cd.param("filename") != null || cd.param("filename*") != null
                    : p.getSubmittedFileName() != null;
            out.add(new FormField(name, hasFilename, attributes(cd), new PartSource(p)));
        }
        return out;
    }

    /** Removes the container's spool files now, so they are gone when the request completes. */
    private static void deleteAll(Collection<Part> parts) {
        for (Part p : parts) {
            try {
                p.delete();
            } catch (IOException | RuntimeException e) {
                // The container removes what is left when the request completes.
            }
        }
    }

    /** The refusal of the first sniffed part name that is not valid UTF-8 or not a valid path, or {@code null}. */
    private static ApiError refusedName(PartHeaderSniffer sniffer) {
        if (sniffer == null) {
            return null;
        }
        for (byte[] raw : sniffer.dispositions()) {
            try {
                String name = raw == null ? null : exactName(raw, null);
                if (name != null && !SrcCommand.META.contains(name)) {
                    SrcCommand.path(name, name);
                }
            } catch (ApiError e) {
                return e.header("Connection", "close");
            }
        }
        return null;
    }

    private static ApiError unparseable(Throwable e) {
        // The container has failed the request body; it closes the connection after this response.
        return ApiError.badRequest("Bad request")
                .detail("The multipart body could not be parsed.")
                .header("Connection", "close")
                .reason("malformed or truncated multipart body: " + e);
    }

    /**
     * The part's name from the bytes the client sent, decoded strictly: the container's own decoding replaced
     * invalid UTF-8 by U+FFFD and a tab by a space. Falls back to {@code containerName} when the raw header has no
     * name parameter.
     *
     * @throws ApiError 400 naming the field (invalid bytes as {@code \xNN}) when the name is not valid UTF-8
     */
    private static String exactName(byte[] rawDisposition, String containerName) {
        ContentDisposition cd = ContentDisposition.parse(new String(rawDisposition, StandardCharsets.ISO_8859_1));
        String latin1 = cd.param("name");
        if (latin1 == null) {
            return containerName;
        }
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return fieldName(bytes);
    }

    /** The {@code boundary} parameter of a multipart content type, or {@code null}. */
    private static String boundary(String contentType) {
        if (contentType == null) {
            return null;
        }
        String b = ContentDisposition.parse(contentType).param("boundary");
        return b == null || b.isEmpty() ? null : b;
    }

    /** The request as the container's multipart parser reads it: every body byte also goes to the sniffer. */
    private static final class SniffedRequest extends HttpServletRequestWrapper {
        private final PartHeaderSniffer sniffer;
        private ServletInputStream in;

        SniffedRequest(HttpServletRequest req, PartHeaderSniffer sniffer) {
            super(req);
            this.sniffer = sniffer;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (in == null) {
                ServletInputStream real = super.getInputStream();
                in = new ServletInputStream() {
                    @Override
                    public int read() throws IOException {
                        int b = real.read();
                        if (b >= 0) {
                            sniffer.feed((byte) b);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = real.read(b, off, len);
                        if (n > 0) {
                            sniffer.feed(b, off, n);
                        }
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return real.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return real.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        real.setReadListener(listener);
                    }
                };
            }
            return in;
        }
    }

    /** {@code x-attributes} values, split on commas and spaces, lower case. */
    private static Set<String> attributes(ContentDisposition cd) {
        String v = cd == null ? null : cd.param("x-attributes");
        if (v == null || v.isBlank()) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(v.split("[,\\s]+")).filter(s -> !s.isEmpty()).forEach(s -> out.add(s.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    /** A part as blob content: its size is known once the container has read the body. */
    private record PartSource(Part part) implements BlobSource {
        @Override
        public long size() {
            return part.getSize();
        }

        @Override
        public InputStream open() throws IOException {
            return part.getInputStream();
        }
    }

    /**
     * Decodes {@code name=value&…} while reading: names become UTF-8 text (strictly: a name that is not valid UTF-8
     * is refused), values stay raw bytes
     * ({@code %XX} and {@code +} decoded), so binary file content survives.
     */
    private static FormFields urlEncoded(HttpServletRequest req, Path spoolDir) throws IOException {
        List<FormField> out = new ArrayList<>();
        List<SpooledValue> spooled = new ArrayList<>();
        FormFields result = new FormFields(out, spooled, List.of());
        try {
            InputStream in = new BufferedInputStream(req.getInputStream(), 64 * 1024);
            ByteArrayOutputStream name = new ByteArrayOutputStream();
            SpooledValue value = null;
            boolean inValue = false;
            boolean any = false;
            while (true) {
                int c = in.read();
                if (c == '&' || c == -1) {
                    if (any) {
                        if (value == null) {
                            value = new SpooledValue(spoolDir, SPOOL_THRESHOLD);
                            spooled.add(value);
                        }
                        value.finish();
                        out.add(new FormField(fieldName(name.toByteArray()), false, Set.of(), value));
                    }
                    if (c == -1) {
                        break;
                    }
                    name.reset();
                    value = null;
                    inValue = false;
                    any = false;
                    continue;
                }
                any = true;
                if (c == '=' && !inValue) {
                    inValue = true;
                    value = new SpooledValue(spoolDir, SPOOL_THRESHOLD);
                    spooled.add(value);
                    continue;
                }
                int b = c == '+' ? ' ' : c == '%' ? percent(in) : c;
                if (inValue) {
                    value.write(b);
                } else {
                    if (name.size() >= MAX_NAME_BYTES) {
                        throw ApiError.invalidField(
                                        "files", "A field name is longer than " + MAX_NAME_BYTES + " bytes.")
                                .reason("url-encoded field name over " + MAX_NAME_BYTES + " bytes (missing '='?)");
                    }
                    name.write(b);
                }
            }
        } catch (IOException | RuntimeException e) {
            result.close();
            if (e instanceof ApiError a) {
                throw a;
            }
            throw ApiError.badRequest("Bad request")
                    .detail("The form body could not be read.")
                    .reason("unreadable url-encoded body: " + e);
        }
        return result;
    }

    /**
     * A field name's bytes (url-encoded, or from a multipart header) as text. Names are repository paths or meta names; one that is not valid UTF-8 is
     * refused rather than decoded with U+FFFD, which would make different names write the same path.
     */
    private static String fieldName(byte[] raw) {
        String name = StrictUtf8.decodeOrNull(raw);
        if (name == null) {
            String readable = StrictUtf8.readable(raw);
            throw ApiError.invalidField(
                            readable,
                            "The field name " + readable + " is not valid UTF-8. Field names are "
                                    + "repository paths: send them as UTF-8.")
                    .reason("field name is not UTF-8: " + readable);
        }
        return name;
    }

    private static int percent(InputStream in) throws IOException {
        int hi = Character.digit(in.read(), 16);
        int lo = Character.digit(in.read(), 16);
        if (hi < 0 || lo < 0) {
            throw ApiError.badRequest("Bad request")
                    .detail("The form body has an invalid percent escape.")
                    .reason("invalid %XX escape in url-encoded body");
        }
        return hi * 16 + lo;
    }

    @Override
    public void close() {
        deleteAll(parts);
        for (SpooledValue v : spooled) {
            try {
                v.close();
            } catch (IOException e) {
                // A leftover spool file is removed with the data directory.
            }
        }
    }
}
