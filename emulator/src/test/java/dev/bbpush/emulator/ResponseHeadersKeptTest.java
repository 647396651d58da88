package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The journal is written before a response completes, without touching the response's own headers. */
@BitbucketEmulatorTest(world = "demo")
class ResponseHeadersKeptTest {
    @Test
    void rawFileLargerThanTheBufferHasContentLengthAndIsJournaledBeforeTheClientSeesIt(Emulator bb) {
        byte[] content = new byte[200 * 1024];
        Arrays.fill(content, (byte) 'x');
        SrcCommitTest.commit(bb, SrcForm.create().field("message", "big").file("big.bin", content));

        for (int i = 0; i < 20; i++) {
            String url = bb.apiUrl() + "/repositories/acme/infra/src/main/big.bin?i=" + i;
            Http.Response r = Http.get(url, rahul(bb));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(content.length));
            assertThat(r.header("Transfer-Encoding")).isNull();
            JsonNode all = Http.get(bb.baseUrl() + "/_emulator/requests", null).json();
            JsonNode last = all.get(all.size() - 1);
            assertThat(last.path("query").asText()).isEqualTo("i=" + i);
            assertThat(last.path("status").asInt()).isEqualTo(200);
        }
    }
}
