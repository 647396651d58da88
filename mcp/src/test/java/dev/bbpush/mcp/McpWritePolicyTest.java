package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's safety model for agents: nothing writable unless {@code --allow-repo} names it, branch globs,
 * {@code --read-only}, {@code --root} for local directories, and no credential as an argument. Every refusal names
 * the flag to add and sends nothing to Bitbucket.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpWritePolicyTest {
    @TempDir
    Path dir;

    private static final Map<String, Object> PUSH = Map.of(
            "repository",
            "acme/infra",
            "message",
            "m",
            "files",
            List.of(Map.of("path", "agent.tf", "text", "# agent\n")));

    @Test
    void aRepositoryNotOnTheAllowListIsRefusedWithTheFlagToAddAndNothingSent(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/other")) {
            bb.journal().clear();
            Answer a = server.call(bb, "push_files", PUSH);

            assertThat(a.isError()).isTrue();
            assertThat(a.json().path("cause").asText()).isEqualTo("repository-not-writable");
            assertThat(a.json().path("summary").asText()).contains("acme/infra").contains("writable: acme/other");
            assertThat(a.json().path("fix").asText()).contains("--allow-repo acme/infra");
            assertThat(bb.journal().entries())
                    .as("no request reached Bitbucket")
                    .isEmpty();
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    @Test
    void withoutAllowRepoNothingIsWritableButTheReadToolsWork(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb))) {
            Answer push = server.call(
                    bb, "push_directory", Map.of("repository", "acme/infra", "directory", ".", "message", "m"));
            Answer list = server.call(bb, "list_directory", Map.of("repository", "acme/infra"));

            assertThat(push.json().path("cause").asText()).isEqualTo("repository-not-writable");
            assertThat(push.json().path("summary").asText()).contains("started without --allow-repo");
            assertThat(list.isError()).as(list.text()).isFalse();
            assertThat(list.json().path("entries").size()).isPositive();
        }
    }

    @Test
    void aBranchGlobLimitsWhichBranchesArePushed(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra:bbpush/*")) {
            Answer toMain = server.call(bb, "push_files", PUSH);
            Answer toFeature = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "branch",
                            "bbpush/agent-1",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "agent.tf", "text", "# agent\n"))));

            assertThat(toMain.json().path("cause").asText()).isEqualTo("branch-not-writable");
            assertThat(toMain.json().path("summary").asText())
                    .contains("bbpush/*")
                    .contains("'main'");
            assertThat(toMain.json().path("fix").asText())
                    .contains("\"branch\": \"bbpush/update\"")
                    .contains("--allow-repo acme/infra:main");
            assertThat(Branches.head(bb, "main")).contains(before);
            assertThat(toFeature.isError()).as(toFeature.text()).isFalse();
            assertThat(Branches.tree(bb, "bbpush/agent-1")).containsKey("agent.tf");
        }
    }

    @Test
    void underABranchGlobThePushWritesTheMainBranchTheCheckReadEvenIfItChangesMeanwhile(Emulator bb) throws Exception {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra:main")) {
            // The check reads the repository's main branch ('main', allowed). Right after that answer, an admin makes
            // 'develop' (not allowed) the main branch; any later read of the repository is held until then. The push
            // must
            // write the branch that was checked, not read the main branch again.
            String repo = "/2.0/repositories/acme/infra";
            bb.journal().clear();
            bb.faults()
                    .add(Fault.on("GET", "^/2\\.0/repositories/acme/infra$")
                            .times(1)
                            .latency(Duration.ofMillis(1)));
            bb.faults()
                    .add(Fault.on("GET", "^/2\\.0/repositories/acme/infra$")
                            .times(1)
                            .latency(Duration.ofSeconds(3)));
            CompletableFuture<Answer> push = CompletableFuture.supplyAsync(() -> server.call(bb, "push_files", PUSH));
            assertThat(bb.journal()
                            .await(e -> e.method().equals("GET") && e.path().equals(repo), Duration.ofSeconds(60)))
                    .as("the check read the repository")
                    .isPresent();
            Branches.switchMainBranch(bb, "develop");
            String develop = Branches.head(bb, "develop").orElseThrow();
            Answer a = push.get(120, TimeUnit.SECONDS);

            assertThat(a.isError()).as(a.text()).isFalse();
            assertThat(a.json().path("branch").asText()).isEqualTo("main");
            assertThat(Branches.tree(bb, "main")).containsKey("agent.tf");
            assertThat(Branches.head(bb, "develop"))
                    .as("the unchecked branch is untouched")
                    .contains(develop);
        }
    }

    @Test
    void readOnlyRefusesPushesButReadsAndPlans(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--read-only", "--allow-repo", "acme/infra")) {
            Answer push = server.call(bb, "push_files", PUSH);
            Answer plan = server.call(
                    bb,
                    "plan",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "files",
                            List.of(Map.of("path", "agent.tf", "text", "# agent\n"))));
            Answer read = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "README.md"));
            Answer status = server.call(bb, "auth_status", Map.of("repositories", List.of("acme/infra")));

            assertThat(push.json().path("cause").asText()).isEqualTo("read-only");
            assertThat(push.json().path("fix").asText()).contains("removes --read-only");
            assertThat(plan.json().path("status").asText()).as(plan.text()).isEqualTo("dry-run");
            assertThat(plan.json().path("changes").path("added").get(0).asText())
                    .isEqualTo("agent.tf");
            assertThat(read.isError()).as(read.text()).isFalse();
            assertThat(status.json().path("server").path("readOnly").asBoolean())
                    .isTrue();
            assertThat(status.json()
                            .path("repositories")
                            .get(0)
                            .path("writableByServer")
                            .asBoolean())
                    .isFalse();
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    @Test
    void aDirectoryOutsideTheRootsIsRefusedNamingRoot(Emulator bb) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("main.tf"), "# x\n");
        Path root = Files.createDirectories(dir.resolve("root"));
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra", "--root", root.toString())) {
            Answer a = server.call(
                    bb,
                    "push_directory",
                    Map.of("repository", "acme/infra", "directory", outside.toString(), "message", "m"));

            assertThat(a.json().path("cause").asText()).isEqualTo("directory-not-allowed");
            assertThat(a.json().path("fix").asText()).contains("--root '" + outside.toRealPath() + "'");
        }
    }

    @Test
    void withoutRootNoLocalDirectoryIsReadableNotEvenTheWorkingDirectory(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            bb.journal().clear();
            Answer push = server.call(
                    bb, "push_directory", Map.of("repository", "acme/infra", "directory", ".", "message", "m"));
            Answer plan = server.call(bb, "plan", Map.of("repository", "acme/infra", "directory", "/etc"));

            for (Answer a : List.of(push, plan)) {
                assertThat(a.json().path("cause").asText()).as(a.text()).isEqualTo("directory-not-allowed");
                assertThat(a.json().path("summary").asText())
                        .contains("started without --root")
                        .doesNotContain(Path.of("").toAbsolutePath().toString());
                assertThat(a.json().path("fix").asText()).contains("--root");
            }
            assertThat(bb.journal().entries()).as("nothing was sent").isEmpty();
        }
    }

    @Test
    void aRelativeDirectoryStartsAtTheFirstRoot(Emulator bb) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(Files.createDirectories(root.resolve("network")).resolve("main.tf"), "# network\n");
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--root", root.toString())) {
            Answer a =
                    server.call(bb, "plan", Map.of("repository", "acme/infra", "directory", "network", "to", "live"));

            assertThat(a.isError()).as(a.text()).isFalse();
            assertThat(a.json().path("changes").path("added"))
                    .extracting(n -> n.asText())
                    .containsExactly("live/main.tf");
        }
    }

    @Test
    void dotDotAndSymlinksOutOfTheRootAreRefused(Emulator bb) throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret.tf"), "# outside\n");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra", "--root", root.toString())) {
            bb.journal().clear();
            Answer dotDot = server.call(
                    bb,
                    "push_directory",
                    Map.of("repository", "acme/infra", "directory", "../outside", "message", "m"));
            Answer missingOutside =
                    server.call(bb, "plan", Map.of("repository", "acme/infra", "directory", "../no-such-dir"));
            Answer symlink = server.call(
                    bb, "push_directory", Map.of("repository", "acme/infra", "directory", "link", "message", "m"));

            for (Answer a : List.of(dotDot, missingOutside, symlink)) {
                assertThat(a.json().path("cause").asText()).as(a.text()).isEqualTo("directory-not-allowed");
                assertThat(a.json().path("fix").asText()).contains("--root");
            }
            assertThat(dotDot.json().path("summary").asText()).contains("'" + outside.toRealPath() + "' is outside");
            assertThat(symlink.json().path("summary").asText()).contains("'" + outside.toRealPath() + "' is outside");
            assertThat(bb.journal().entries()).as("nothing was sent").isEmpty();
        }
    }

    @Test
    void aCredentialOfferedAsAnArgumentIsRefusedAndNeverUsed(Emulator bb) {
        String secret = bb.secret("alex-api-token");
        try (McpServerProcess server =
                McpServerProcess.start(Map.of("BBPUSH_API_URL", bb.apiUrl()), "--allow-repo", "acme/infra")) {
            bb.journal().clear();
            Answer a = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "m",
                            "apiToken",
                            secret,
                            "files",
                            List.of(Map.of("path", "a.tf", "text", "x"))));

            assertThat(a.json().path("cause").asText()).isEqualTo("invalid-arguments");
            assertThat(a.json().path("summary").asText()).contains("does not take credentials");
            assertThat(a.json().path("fix").asText()).contains("BBPUSH_API_TOKEN");
            assertThat(bb.journal().entries()).extracting(JournalEntry::path).isEmpty();
        }
    }
}
