package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Concurrent tool calls: several calls in flight on one server, and two server processes (two agents) pushing to one
 * branch at once. Every push lands exactly once; nothing is lost.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpConcurrencyTest {
    @Test
    void concurrentCallsOnOneServerAllAnswerAndEveryPushLands(Emulator bb) throws Exception {
        String before = Branches.head(bb, "main").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            List<Future<Answer>> pushes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                // Four pushes to the same branch, each its own file: they race for the head; the commit protocol
                // rebases
                // the ones that lose (their paths were not touched by the winner).
                pushes.add(pool.submit(() -> server.call(
                        bb,
                        "push_files",
                        Map.of(
                                "repository",
                                "acme/infra",
                                "message",
                                "agent " + n,
                                "files",
                                List.of(Map.of("path", "agents/" + n + ".tf", "text", "# " + n + "\n"))))));
            }
            List<Future<Answer>> reads = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reads.add(pool.submit((Callable<Answer>)
                        () -> server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "README.md"))));
            }

            for (Future<Answer> f : pushes) {
                Answer a = f.get();
                assertThat(a.isError()).as(a.text()).isFalse();
                assertThat(a.json().path("status").asText()).isEqualTo("committed");
            }
            for (Future<Answer> f : reads) {
                assertThat(f.get().isError()).as(f.get().text()).isFalse();
            }
            assertThat(Branches.tree(bb, "main"))
                    .containsKeys("agents/0.tf", "agents/1.tf", "agents/2.tf", "agents/3.tf");
            assertThat(Branches.commitsSince(bb, "main", before)).hasSize(4);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aReadAnswersWhileAPushOnTheSameServerIsStillInFlight(Emulator bb) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            // The push's commit request is held at the emulator for 8 s; a serial server could not answer the read
            // until the push had finished.
            Fault held = bb.faults().add(Fault.on("POST", "/src$").times(1).latency(Duration.ofSeconds(8)));
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            Future<Answer> push = pool.submit(() -> {
                Answer a = server.call(
                        bb,
                        "push_files",
                        Map.of(
                                "repository",
                                "acme/infra",
                                "message",
                                "slow push",
                                "files",
                                List.of(Map.of("path", "slow.tf", "text", "# slow\n"))));
                finished.add("push");
                return a;
            });
            Faults.awaitTaken(bb, held, Duration.ofSeconds(60));
            Future<Answer> read = pool.submit(() -> {
                Answer a = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "README.md"));
                finished.add("read");
                return a;
            });

            assertThat(read.get().isError()).as(read.get().text()).isFalse();
            assertThat(push.get().json().path("status").asText())
                    .as(push.get().text())
                    .isEqualTo("committed");
            assertThat(finished).as("the read finished while the push was held").containsExactly("read", "push");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoServerProcessesPushingToOneBranchBothLand(Emulator bb) throws Exception {
        String before = Branches.head(bb, "main").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (McpServerProcess a = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra");
                McpServerProcess b = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Future<Answer> fa = pool.submit(() -> a.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "agent a",
                            "files",
                            List.of(Map.of("path", "live/a.tf", "text", "# a\n")))));
            Future<Answer> fb = pool.submit(() -> b.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "agent b",
                            "files",
                            List.of(Map.of("path", "live/b.tf", "text", "# b\n")))));

            assertThat(fa.get().isError()).as(fa.get().text()).isFalse();
            assertThat(fb.get().isError()).as(fb.get().text()).isFalse();
            assertThat(Branches.tree(bb, "main")).containsKeys("live/a.tf", "live/b.tf");
            assertThat(Branches.commitsSince(bb, "main", before)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
