package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Multipart parts spooled to disk (above 16 KiB) are removed once the emulator has finished the request. */
@BitbucketEmulatorTest(world = "demo")
class SpoolCleanupTest {

    private static long spooledFiles(Emulator bb) throws IOException {
        Path spool = bb.context().store().spoolDirectory();
        try (Stream<Path> files = Files.list(spool)) {
            return files.count();
        }
    }

    @Test
    void spooledPartsAreRemovedAfterACommit(Emulator bb) throws Exception {
        byte[] big = new byte[256 * 1024];

        Http.Response r = Http.postMultipart(
                src(bb),
                rahul(bb),
                SrcForm.create().file("live/big.bin", big).field("message", "m").builder());

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(bb.journal().await(e -> e.path().endsWith("/src"), Duration.ofSeconds(30)))
                .isPresent();
        assertThat(spooledFiles(bb)).isZero();
    }

    @Test
    void spooledPartsAreRemovedAfterARefusal(Emulator bb) throws Exception {
        byte[] big = new byte[256 * 1024];

        Http.Response r = Http.postMultipart(
                src(bb),
                rahul(bb),
                SrcForm.create()
                        .file("live/big.bin", big)
                        .field("parents", "not-a-sha")
                        .builder());

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(bb.journal().await(e -> e.path().endsWith("/src"), Duration.ofSeconds(30)))
                .isPresent();
        assertThat(spooledFiles(bb)).isZero();
    }
}
