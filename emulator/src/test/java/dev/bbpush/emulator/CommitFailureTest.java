package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Repository failures are not conflicts, and a refused commit stores no content. */
@BitbucketEmulatorTest(world = "demo")
class CommitFailureTest {
    private static Path gitDir(Emulator bb) {
        return bb.dataDir().resolve("repositories/acme/infra.git");
    }

    private static long objectFiles(Emulator bb) throws IOException {
        try (Stream<Path> s = Files.walk(gitDir(bb).resolve("objects"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void staleRefLockIs500NotAConflict(Emulator bb) throws IOException {
        Path lock = gitDir(bb).resolve("refs/heads/main.lock");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, "stale");
        try {
            Http.Response r = Http.postMultipart(
                    src(bb), rahul(bb), SrcForm.create().file("a.txt", "a").builder());

            assertThat(r.status()).as(r.toString()).isEqualTo(500);
            assertThat(r.json().path("error").path("message").asText()).isEqualTo("Something went wrong");
        } finally {
            Files.deleteIfExists(lock);
        }
    }

    @Test
    void refusedCommitStoresNoBlobs(Emulator bb) throws IOException {
        String old;
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            old = repo.tip("main").name();
        }
        SrcCommitTest.commit(bb, SrcForm.create().file("moved.txt", "m"));
        long before = objectFiles(bb);

        Http.Response stale = Http.postMultipart(
                src(bb),
                rahul(bb),
                SrcForm.create()
                        .field("parents", old)
                        .file("big.bin", new byte[512 * 1024])
                        .builder());
        Http.Response missing = Http.postMultipart(
                src(bb),
                rahul(bb),
                SrcForm.create()
                        .field("files", "no/such/file")
                        .file("other.bin", "unique content 123")
                        .builder());

        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(400);
        assertThat(objectFiles(bb)).isEqualTo(before);
    }
}
