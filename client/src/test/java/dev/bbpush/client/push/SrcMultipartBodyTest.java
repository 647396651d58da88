package dev.bbpush.client.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ContentSource;
import dev.bbpush.client.changes.FileChange;
import dev.bbpush.client.changes.LocalContentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.groups.Tuple;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SrcMultipartBodyTest {
    private static final String SHA = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";

    @TempDir
    Path tmp;

    /** One parsed part: its Content-Disposition parameters (unquoted) and raw content. */
    record Part(Map<String, String> params, Map<String, String> headers, byte[] content) {
        String name() {
            return params.get("name");
        }

        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /** A deliberately small RFC 7578 parser, independent of the code under test. */
    static List<Part> parse(byte[] body, String boundary) {
        byte[] delim = ("\r\n--" + boundary).getBytes(StandardCharsets.UTF_8);
        byte[] first = ("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOf(body, first.length))
                .as("body starts with the first boundary")
                .isEqualTo(first);
        List<Part> parts = new ArrayList<>();
        int pos = first.length;
        while (true) {
            int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.UTF_8), pos);
            String head = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
            int next = indexOf(body, delim, headerEnd + 4);
            byte[] content = Arrays.copyOfRange(body, headerEnd + 4, next);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(),
                        line.substring(colon + 1).trim());
            }
            parts.add(new Part(dispositionParams(headers.get("content-disposition")), headers, content));
            pos = next + delim.length;
            if (body[pos] == '-' && body[pos + 1] == '-') {
                assertThat(new String(body, pos, body.length - pos, StandardCharsets.UTF_8))
                        .isEqualTo("--\r\n");
                return parts;
            }
            pos += 2; // CRLF after the boundary
        }
    }

    private static Map<String, String> dispositionParams(String cd) {
        assertThat(cd).startsWith("form-data;");
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m =
                Pattern.compile(";\\s*([A-Za-z-]+)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(cd);
        while (m.find()) {
            params.put(m.group(1), m.group(2).replaceAll("\\\\(.)", "$1"));
        }
        return params;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static byte[] bytes(SrcMultipartBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }

    private ChangeSet sample() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(dir.resolve("main.tf"), "terraform {}\n");
        Path script = Files.writeString(
                Files.createDirectories(dir.resolve("scripts")).resolve("plan.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(dir.resolve("current.tf"), Path.of("main.tf"));
        Files.writeString(dir.resolve("message"), "a file literally named message");
        return ChangeSet.builder()
                .to("live")
                .addPath(dir)
                .addText("live/caf\u00e9 \"quoted\".txt", "unicode")
                .delete("live/old.tf")
                .delete("docs/obsolete.md")
                .build();
    }

    @Test
    void bodyCarriesMetaFieldsDeletesAndOnePartPerPut() throws IOException {
        CommitMetadata meta = CommitMetadata.message("Update live\n\nBbpush-Change-Id: x")
                .withAuthor("Rahul Dev <rahul@acme.example>")
                .withParent(SHA)
                .withBranch("feature/x");

        SrcMultipartBody body = SrcMultipartBody.of(meta, sample());
        List<Part> parts = parse(bytes(body), body.boundary());

        assertThat(body.getContentType()).isEqualTo("multipart/form-data; boundary=" + body.boundary());
        assertThat(parts)
                .extracting(Part::name)
                .containsExactly(
                        "message",
                        "author",
                        "parents",
                        "branch",
                        "files",
                        "files",
                        "/live/caf\u00e9 \"quoted\".txt",
                        "/live/current.tf",
                        "/live/main.tf",
                        "/live/message",
                        "/live/scripts/plan.sh");
        assertThat(parts.get(0).text()).isEqualTo("Update live\n\nBbpush-Change-Id: x");
        assertThat(parts.get(1).text()).isEqualTo("Rahul Dev <rahul@acme.example>");
        assertThat(parts.get(2).text()).isEqualTo(SHA);
        assertThat(parts.get(3).text()).isEqualTo("feature/x");
        assertThat(parts.subList(4, 6)).extracting(Part::text).containsExactly("docs/obsolete.md", "live/old.tf");
    }

    @Test
    void putPartsCarryFilenameAndXAttributes() throws IOException {
        SrcMultipartBody body = SrcMultipartBody.of(CommitMetadata.empty(), sample());
        Map<String, Part> byName = new LinkedHashMap<>();
        parse(bytes(body), body.boundary()).forEach(p -> byName.put(p.name(), p));

        Part script = byName.get("/live/scripts/plan.sh");
        assertThat(script.params()).containsEntry("filename", "plan.sh").containsEntry("x-attributes", "executable");
        assertThat(script.text()).isEqualTo("#!/bin/sh\n");
        Part link = byName.get("/live/current.tf");
        assertThat(link.params()).containsEntry("x-attributes", "link");
        assertThat(link.text()).isEqualTo("main.tf");
        Part regular = byName.get("/live/main.tf");
        assertThat(regular.params()).doesNotContainKey("x-attributes");
        assertThat(regular.headers()).containsEntry("content-type", "application/octet-stream");
        assertThat(byName.get("/live/message").text()).isEqualTo("a file literally named message");
        assertThat(byName).doesNotContainKeys("/live/old.tf", "live/old.tf");
    }

    @Test
    void contentLengthMatchesTheBytesWritten() throws IOException {
        SrcMultipartBody body = SrcMultipartBody.of(CommitMetadata.message("m"), sample());

        byte[] first = bytes(body);
        byte[] second = bytes(body);

        assertThat(body.getContentLength()).isEqualTo(first.length);
        assertThat(body.isChunked()).isFalse();
        assertThat(body.isRepeatable()).isTrue();
        assertThat(second).isEqualTo(first);
        try (InputStream in = body.getContent()) {
            assertThat(in.readAllBytes()).isEqualTo(first);
        }
    }

    @Test
    @SuppressWarnings("removal") // the simplest parse entry point; only a test cross-check
    void jettysMultipartParserReadsTheSameParts() throws Exception {
        SrcMultipartBody body =
                SrcMultipartBody.of(CommitMetadata.message("msg").withBranch("main"), sample());

        MultiPartFormData.Parser parser = new MultiPartFormData.Parser(body.boundary());
        parser.setFilesDirectory(Files.createDirectories(tmp.resolve("jetty")));
        try (MultiPartFormData.Parts parts = parser.parse(new ByteBufferContentSource(ByteBuffer.wrap(bytes(body))))
                .get(30, TimeUnit.SECONDS)) {
            assertThat(parts.getFirst("message").getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo("msg");
            assertThat(parts.getAll("files"))
                    .extracting(p -> p.getContentAsString(StandardCharsets.UTF_8))
                    .containsExactly("docs/obsolete.md", "live/old.tf");
            MultiPart.Part script = parts.getFirst("/live/scripts/plan.sh");
            assertThat(script.getFileName()).isEqualTo("plan.sh");
            assertThat(script.getHeaders().get("Content-Disposition")).contains("x-attributes=\"executable\"");
            assertThat(parts.getFirst("/live/caf\u00e9 \"quoted\".txt").getContentAsString(StandardCharsets.UTF_8))
                    .isEqualTo("unicode");
        }
    }

    @Test
    void deletesOnlyBodyHasFilesFieldsAndNoFileParts() throws IOException {
        SrcMultipartBody body = SrcMultipartBody.of(CommitMetadata.empty(), ChangeSet.of(FileChange.delete("a.tf")));

        assertThat(parse(bytes(body), body.boundary()))
                .extracting(Part::name, Part::text)
                .containsExactly(Tuple.tuple("files", "a.tf"));
    }

    /** A 50 MiB source generated on the fly that counts what has been read from it. */
    static final class CountingSource implements ContentSource {
        final long size;
        final AtomicLong read = new AtomicLong();

        CountingSource(long size) {
            this.size = size;
        }

        @Override
        public InputStream open() {
            read.set(0);
            return new InputStream() {
                @Override
                public int read() {
                    byte[] b = new byte[1];
                    return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    long left = size - read.get();
                    if (left <= 0) {
                        return -1;
                    }
                    int n = (int) Math.min(len, left);
                    Arrays.fill(b, off, off + n, (byte) 'x');
                    read.addAndGet(n);
                    return n;
                }
            };
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public String description() {
            return "generated";
        }
    }

    @Test
    void largeFileIsStreamedWhileWritingNotBufferedFirst() throws IOException {
        long size = 50L * 1024 * 1024;
        CountingSource source = new CountingSource(size);
        SrcMultipartBody body =
                SrcMultipartBody.of(CommitMetadata.message("big"), ChangeSet.of(FileChange.put("big.bin", source)));
        long[] sourceReadAtFirstMiB = {-1};
        AtomicLong written = new AtomicLong();

        body.writeTo(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                if (written.addAndGet(len) > 1024 * 1024 && sourceReadAtFirstMiB[0] < 0) {
                    sourceReadAtFirstMiB[0] = source.read.get();
                }
            }
        });

        assertThat(body.getContentLength()).isGreaterThan(size).isEqualTo(written.get());
        assertThat(body.isStreaming()).isFalse();
        assertThat(sourceReadAtFirstMiB[0])
                .as("bytes read from the source when the first MiB had been sent")
                .isLessThan(2L * 1024 * 1024);
        assertThat(source.read.get()).isEqualTo(size);
    }

    @Test
    void sourceShorterThanDeclaredFailsTheWrite() throws IOException {
        Path f = Files.writeString(tmp.resolve("a.tf"), "0123456789");
        SrcMultipartBody body = SrcMultipartBody.of(
                CommitMetadata.empty(), ChangeSet.builder().addPath(f).build());
        Files.writeString(f, "012");

        assertThatThrownBy(() -> body.writeTo(OutputStream.nullOutputStream()))
                .isInstanceOf(LocalContentException.class)
                .hasMessageContaining(f + " (for a.tf) changed while uploading (expected 10 bytes, read 3)");
    }

    @Test
    void sourceOfUnknownSizeMakesTheBodyChunked() throws IOException {
        ContentSource unknown = new ContentSource() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(new byte[] {1, 2, 3});
            }

            @Override
            public long size() {
                return -1;
            }

            @Override
            public String description() {
                return "pipe";
            }
        };
        SrcMultipartBody body = SrcMultipartBody.of(CommitMetadata.empty(), ChangeSet.of(FileChange.put("x", unknown)));

        assertThat(body.getContentLength()).isEqualTo(-1);
        assertThat(body.isChunked()).isTrue();
        assertThat(parse(bytes(body), body.boundary()).get(0).content()).containsExactly(1, 2, 3);
    }

    @Test
    void metadataRejectsMalformedValues() {
        assertThatThrownBy(() -> CommitMetadata.empty().withAuthor("rahul@acme.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Full Name <email@example.com>");
        assertThatThrownBy(() -> CommitMetadata.empty().withParent("abc123"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitMetadata.empty().withBranch("refs/heads/main"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CommitMetadata.empty().withBranch("bad..name"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMessageReplacesOnlyTheMessage() {
        CommitMetadata m = CommitMetadata.message("old")
                .withAuthor("Rahul Dev <rahul@acme.example>")
                .withBranch("main")
                .withMessage("new");

        assertThat(m).isEqualTo(new CommitMetadata("new", "Rahul Dev <rahul@acme.example>", null, "main"));
    }
}
