package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code POST /_emulator/reset} alongside REST traffic: a reset waits for in-flight requests instead of deleting under them. */
@BitbucketEmulatorTest(world = "demo")
class ResetUnderTrafficTest {
    private static final int COMMITS = 150;
    private static final int RESETS = 40;

    @Test
    void resetsDuringCommitsNeverCauseAServerErrorAndLeaveTheWorldSeeded(Emulator bb) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Http.Response>> commits = new ArrayList<>();
            for (int i = 0; i < COMMITS; i++) {
                int n = i;
                commits.add(pool.submit(() -> Http.postMultipart(
                        src(bb),
                        rahul(bb),
                        SrcForm.create()
                                .field("message", "c" + n)
                                .file("reset/c" + n + ".txt", "x" + n)
                                .builder())));
            }
            Future<List<Http.Response>> resets = pool.submit(() -> {
                List<Http.Response> out = new ArrayList<>();
                for (int i = 0; i < RESETS; i++) {
                    out.add(Http.postJson(bb.baseUrl() + "/_emulator/reset", null, "{}"));
                }
                return out;
            });
            for (Future<Http.Response> f : commits) {
                Http.Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
            }
            assertThat(resets.get())
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isLessThan(300));
        } finally {
            pool.shutdownNow();
        }

        Http.Response last = Http.postJson(bb.baseUrl() + "/_emulator/reset", null, "{}");
        assertThat(last.status()).as(last.toString()).isLessThan(300);
        Http.Response main = Http.get(bb.apiUrl() + "/repositories/acme/infra/refs/branches/main", rahul(bb));
        assertThat(main.status()).as(main.toString()).isEqualTo(200);
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.files(repo.tip("main"))).noneMatch(f -> f.startsWith("reset/"));
        }
    }
}
