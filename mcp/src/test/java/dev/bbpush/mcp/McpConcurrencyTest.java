package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import java.util.ArrayList;
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
        // Four pushes to the same branch, each its own file: they race for the head; the commit protocol rebases
        // the ones that lose (their paths were not touched by the winner).
        pushes.add(pool.submit(() -> server.call(bb, "push_files", Map.of("repository", "acme/infra",
            "message", "agent " + n, "files", List.of(Map.of("path", "agents/" + n + ".tf", "text", "# " + n + "\n"))))));
      }
      List<Future<Answer>> reads = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        reads.add(pool.submit((Callable<Answer>) () -> server.call(bb, "read_file", Map.of("repository",
            "acme/infra", "path", "README.md"))));
      }

      for (Future<Answer> f : pushes) {
        Answer a = f.get();
        assertThat(a.isError()).as(a.text()).isFalse();
        assertThat(a.json().path("status").asText()).isEqualTo("committed");
      }
      for (Future<Answer> f : reads) {
        assertThat(f.get().isError()).as(f.get().text()).isFalse();
      }
      assertThat(Branches.tree(bb, "main")).containsKeys("agents/0.tf", "agents/1.tf", "agents/2.tf", "agents/3.tf");
      assertThat(Branches.commitsSince(bb, "main", before)).hasSize(4);
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
      Future<Answer> fa = pool.submit(() -> a.call(bb, "push_files", Map.of("repository", "acme/infra",
          "message", "agent a", "files", List.of(Map.of("path", "live/a.tf", "text", "# a\n")))));
      Future<Answer> fb = pool.submit(() -> b.call(bb, "push_files", Map.of("repository", "acme/infra",
          "message", "agent b", "files", List.of(Map.of("path", "live/b.tf", "text", "# b\n")))));

      assertThat(fa.get().isError()).as(fa.get().text()).isFalse();
      assertThat(fb.get().isError()).as(fb.get().text()).isFalse();
      assertThat(Branches.tree(bb, "main")).containsKeys("live/a.tf", "live/b.tf");
      assertThat(Branches.commitsSince(bb, "main", before)).hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
