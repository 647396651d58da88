package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Path names in {@code POST /src} that are not valid UTF-8, or that hold control characters, are refused with 400
 * naming the field readably, and nothing is committed (docs/emulator-fidelity.md, "Path names"). Bodies are written
 * byte by byte, so the emulator sees exactly the bytes a careless client would send.
 */
@BitbucketEmulatorTest(world = "demo")
class SrcPathEncodingTest {
    private static final String MULTIPART = "multipart/form-data; boundary=XYZ";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** A multipart body of one part whose {@code name} parameter is exactly {@code nameBytes}. */
    private static byte[] multipart(byte[]... nameBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] name : nameBytes) {
            b.writeBytes("--XYZ\r\nContent-Disposition: form-data; name=\"".getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(name);
            b.writeBytes("\"\r\n\r\ncontent\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes("--XYZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        return b.toByteArray();
    }

    /** {@code prefix}, the raw bytes, {@code suffix}. */
    private static byte[] name(String prefix, int[] raw, String suffix) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
        for (int x : raw) {
            b.write(x);
        }
        b.writeBytes(suffix.getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Asserts a 400 envelope whose only {@code fields} key is {@code field}, nothing committed; returns its message. */
    private static String refused(Emulator bb, String field, Supplier<Http.Response> request) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();

            Http.Response r = request.get();

            assertThat(r.status()).as(r.toString()).isEqualTo(400);
            JsonNode fields = r.json().path("error").path("fields");
            assertThat(fields.size()).as(r.toString()).isEqualTo(1);
            assertThat(fields.has(field)).as("fields names %s: %s", field, r).isTrue();
            assertThat(r.text())
                    .as("the body never carries the offending bytes or U+FFFD")
                    .doesNotContain("\uFFFD");
            assertThat(repo.refs()).isEqualTo(before);
            return fields.path(field).get(0).asText();
        }
    }

    @Test
    void urlEncodedNameThatIsNotUtf8IsRefusedNamingTheFieldWithItsBytesEscaped(Emulator bb) {
        String message = refused(
                bb,
                "live/d\u00e9j\\xE0.tf",
                () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("message=m&live%2Fd%C3%A9j%E0.tf=x")));

        assertThat(message)
                .contains("live/d\u00e9j\\xE0.tf")
                .contains("not valid UTF-8")
                .contains("send them as UTF-8");
    }

    @Test
    void urlEncodedNameWithATruncatedSequenceIsRefused(Emulator bb) {
        refused(bb, "a\\xE2\\x82.tf", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("a%E2%82.tf=x")));
    }

    @Test
    void multipartNameThatIsNotUtf8IsRefusedNamingTheField(Emulator bb) {
        // Jetty decodes part headers with replacement; the emulator reads the name from the raw header bytes.
        String message = refused(
                bb,
                "live/a\\xFFb.tf",
                () -> Http.postRaw(src(bb), rahul(bb), MULTIPART, multipart(name("live/a", new int[] {0xFF}, "b.tf"))));

        assertThat(message).contains("not valid UTF-8");
    }

    @Test
    void twoNamesThatDifferOnlyInInvalidBytesNoLongerOverwriteEachOtherBothAreRefused(Emulator bb) {
        // Decoded with replacement, both would have written live/a\uFFFDb.tf.
        refused(
                bb,
                "live/a\\xFFb.tf",
                () -> Http.postRaw(src(bb), rahul(bb), MULTIPART, multipart(name("live/a", new int[] {0xFF}, "b.tf"))));
        refused(
                bb,
                "live/a\\xFEb.tf",
                () -> Http.postRaw(src(bb), rahul(bb), MULTIPART, multipart(name("live/a", new int[] {0xFE}, "b.tf"))));
        refused(
                bb,
                "live/a\\xFFb.tf",
                () -> Http.postRaw(
                        src(bb),
                        rahul(bb),
                        MULTIPART,
                        multipart(name("live/a", new int[] {0xFF}, "b.tf"), name("live/a", new int[] {0xFE}, "b.tf"))));
        refused(bb, "live/a\\xFFb.tf", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("live%2Fa%FFb.tf=1")));
        refused(bb, "live/a\\xFEb.tf", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("live%2Fa%FEb.tf=2")));
        // And both in one request: refused as a whole, not merged into one path.
        refused(
                bb,
                "live/a\\xFFb.tf",
                () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("live%2Fa%FFb.tf=1&live%2Fa%FEb.tf=2")));

        assertThat(Http.get(src(bb) + "/main/live/a%EF%BF%BDb.tf", rahul(bb)).status())
                .isEqualTo(404);
    }

    @Test
    void pathThatSpellsTheReplacementCharacterIsRefusedToo(Emulator bb) {
        // Valid UTF-8 for U+FFFD: refused as well, as the trace of a name that was mis-decoded before it was sent.
        refused(bb, "a\\uFFFDb.tf", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("a%EF%BF%BDb.tf=x")));
    }

    @Test
    void deletionPathThatIsNotUtf8IsRefusedNamingFiles(Emulator bb) {
        String message =
                refused(bb, "files", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("files=README%FF.md")));

        assertThat(message).contains("README\\xFF.md");
    }

    @Test
    void deletionPathWithAControlCharacterIsRefusedNamingFiles(Emulator bb) {
        String message =
                refused(bb, "files", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("files=README.md%0A")));

        assertThat(message).contains("README.md\\x0A").doesNotContain("\n");
    }

    @Test
    void metaValueThatIsNotUtf8IsRefusedNamingTheField(Emulator bb) {
        String message =
                refused(bb, "message", () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("message=caf%E9&a.tf=x")));

        assertThat(message).contains("caf\\xE9");
    }

    @ParameterizedTest
    @CsvSource({"%00, \\x00", "%09, \\x09", "%0A, \\x0A", "%0D, \\x0D", "%1B, \\x1B", "%1F, \\x1F", "%7F, \\x7F"})
    void urlEncodedNameWithAControlCharacterIsRefusedNamingTheFieldEscaped(
            String encoded, String escaped, Emulator bb) {
        String message = refused(
                bb,
                "live/a" + escaped + "b.tf",
                () -> Http.postRaw(src(bb), rahul(bb), FORM, ascii("live%2Fa" + encoded + "b.tf=x")));

        assertThat(message).contains("control character").doesNotContain("\n").doesNotContain("\t");
    }

    @ParameterizedTest
    @CsvSource({"9, \\x09", "1, \\x01", "31, \\x1F", "127, \\x7F"})
    void multipartNameWithAControlCharacterIsRefusedNamingTheFieldEscaped(int control, String escaped, Emulator bb) {
        refused(
                bb,
                "live/a" + escaped + "b.tf",
                () -> Http.postRaw(
                        src(bb), rahul(bb), MULTIPART, multipart(name("live/a", new int[] {control}, "b.tf"))));
    }

    @Test
    void validNonAsciiNamesStillCommitInBothForms(Emulator bb) {
        Http.Response form = Http.postRaw(src(bb), rahul(bb), FORM, ascii("live%2Fd%C3%A9j%C3%A0.tf=x"));
        Http.Response parts = Http.postRaw(
                src(bb), rahul(bb), MULTIPART, multipart("live/\u00fcber.tf".getBytes(StandardCharsets.UTF_8)));

        assertThat(form.status()).as(form.toString()).isEqualTo(201);
        assertThat(parts.status()).as(parts.toString()).isEqualTo(201);
        assertThat(Http.get(src(bb) + "/main/live/d%C3%A9j%C3%A0.tf", rahul(bb)).text())
                .isEqualTo("x");
        assertThat(Http.get(src(bb) + "/main/live/%C3%BCber.tf", rahul(bb)).text())
                .isEqualTo("content");
    }
}
