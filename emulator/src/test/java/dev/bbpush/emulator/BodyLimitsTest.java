package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bodies that would otherwise be held whole in memory are bounded: a clear 400, never an OutOfMemoryError. */
@BitbucketEmulatorTest(world = "demo")
class BodyLimitsTest {
    private static byte[] filled(int size, char c) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) c);
        return b;
    }

    @Test
    void urlEncodedFieldNameOver4KiBIs400NamingFiles(Emulator bb) {
        Http.Response r =
                Http.postRaw(src(bb), rahul(bb), "application/x-www-form-urlencoded", filled(5 * 1024 * 1024, 'a'));

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").path("files").get(0).asText())
                .contains("longer than 4096 bytes");
    }

    @Test
    void jsonBodyOver1MiBIs400(Emulator bb) {
        byte[] body = ("{\"name\":\"b\",\"target\":{\"hash\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);

        Http.Response r = Http.postRaw(
                bb.apiUrl() + "/repositories/acme/infra/refs/branches", rahul(bb), "application/json", body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").path("").asText()).contains("larger than 1 MiB");
    }

    @Test
    void controlApiBodyOver1MiBIs400(Emulator bb) {
        byte[] body = ("[\"" + "a".repeat(2 * 1024 * 1024) + "\"]").getBytes(StandardCharsets.UTF_8);

        Http.Response r = Http.postRaw(bb.baseUrl() + "/_emulator/faults", null, "application/json", body);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.text()).contains("larger than 1 MiB");
    }
}
