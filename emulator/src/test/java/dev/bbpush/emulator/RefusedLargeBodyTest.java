package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A request refused before its body is read still gets its status: the emulator drains the body first. */
@BitbucketEmulatorTest(world = "demo")
class RefusedLargeBodyTest {
    private static final int TEN_MB = 10 * 1024 * 1024;

    private static byte[] largeForm() {
        byte[] body = new byte[TEN_MB];
        Arrays.fill(body, (byte) 'a');
        byte[] head = "message=x&big.txt=".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    @Test
    void largeUrlEncodedCommitWithAWrongTokenGets401(Emulator bb) {
        Http.Response r = Http.postRaw(
                src(bb),
                Http.basic("rahul@acme.example", "wrong-token"),
                "application/x-www-form-urlencoded",
                largeForm());

        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        assertThat(r.header("Connection")).as(r.toString()).isNotEqualTo("close");
    }

    @Test
    void largeJsonBodyToAnUnknownRepositoryGets404(Emulator bb) {
        byte[] body = largeForm();
        Http.Response r = Http.postRaw(
                bb.apiUrl() + "/repositories/acme/no-such-repo/refs/branches",
                SrcCommitTest.rahul(bb),
                "application/json",
                body);

        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        // The connection is still usable: the next request on the pooled client succeeds.
        assertThat(Http.get(bb.apiUrl() + "/repositories/acme/infra", SrcCommitTest.rahul(bb))
                        .status())
                .isEqualTo(200);
    }
}
