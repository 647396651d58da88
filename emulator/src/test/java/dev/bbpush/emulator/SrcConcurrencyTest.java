package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** Parallel {@code POST /src} calls to one branch: no lost update, and {@code parents} is a real guard. */
@BitbucketEmulatorTest(world = "demo")
class SrcConcurrencyTest {
    private static final int THREADS = 8;
    private static final int COMMITS_PER_THREAD = 5;

    private static List<Http.Response> runConcurrently(int n, IntFunction<Http.Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int id = i;
                Callable<Http.Response> task = () -> {
                    start.await();
                    return request.apply(id);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelCommitsWithoutParentsAllLandInOneLinearHistory(Emulator bb) throws Exception {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit start = repo.tip("main");

            List<Http.Response> responses = runConcurrently(THREADS, t -> {
                Http.Response last = null;
                for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                    last = Http.postMultipart(
                            src(bb),
                            rahul(bb),
                            SrcForm.create()
                                    .field("message", "t" + t + " c" + i)
                                    .field("parallel/t" + t + "/c" + i + ".txt", t + ":" + i)
                                    .builder());
                    assertThat(last.status()).as(last.toString()).isEqualTo(201);
                }
                return last;
            });

            assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
            // Walk first parents from the tip back to the start: every commit has exactly one parent.
            RevCommit c = repo.tip("main");
            Set<String> messages = new HashSet<>();
            int count = 0;
            while (!c.equals(start)) {
                assertThat(c.getParentCount()).isEqualTo(1);
                messages.add(c.getFullMessage());
                count++;
                c = repo.commit(c.getParent(0).name());
            }
            assertThat(count).isEqualTo(THREADS * COMMITS_PER_THREAD);
            assertThat(messages).hasSize(THREADS * COMMITS_PER_THREAD);
            List<String> files = repo.files(repo.tip("main"));
            for (int t = 0; t < THREADS; t++) {
                for (int i = 0; i < COMMITS_PER_THREAD; i++) {
                    assertThat(files).contains("parallel/t" + t + "/c" + i + ".txt");
                }
            }
            repo.assertFsckClean();
        }
    }

    @Test
    void parallelCommitsWithTheSameParentLetExactlyOneWin(Emulator bb) throws Exception {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String parent = repo.tip("main").name();

            List<Http.Response> responses = runConcurrently(
                    THREADS,
                    t -> Http.postMultipart(
                            src(bb),
                            rahul(bb),
                            SrcForm.create()
                                    .field("parents", parent)
                                    .field("race/t" + t + ".txt", "t" + t)
                                    .builder()));

            List<Http.Response> created =
                    responses.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).hasSize(1);
            assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(THREADS - 1);
            responses.stream()
                    .filter(r -> r.status() == 409)
                    .forEach(r -> assertThat(r.json().path("type").asText()).isEqualTo("error"));
            RevCommit tip = repo.tip("main");
            assertThat(created.get(0).header("Location")).endsWith("/commit/" + tip.name());
            assertThat(tip.getParent(0).name()).isEqualTo(parent);
            repo.assertFsckClean();
        }
    }

    @Test
    void parallelBranchCreationsFromOneParentLetExactlyOneCreateTheBranch(Emulator bb) throws Exception {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String parent = repo.tip("main").name();

            List<Http.Response> responses = runConcurrently(
                    THREADS,
                    t -> Http.postMultipart(
                            src(bb),
                            rahul(bb),
                            SrcForm.create()
                                    .field("branch", "release")
                                    .field("parents", parent)
                                    .field("t" + t + ".txt", "t")
                                    .builder()));

            assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
            assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(THREADS - 1);
            assertThat(repo.tip("release").getParent(0).name()).isEqualTo(parent);
        }
    }
}
