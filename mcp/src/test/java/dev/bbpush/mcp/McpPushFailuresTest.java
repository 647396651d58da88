package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.http.Request;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * Push failures that are not a bbpush bug get their own cause and a fix an agent can act on: a branch kept busy by
 * other writers ({@code branch-busy}) and a local file that vanishes mid-push ({@code local-input-unreadable}).
 * Neither logs a stack trace.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpPushFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aBranchMovedByAnotherWriterOnOtherPathsWithNoBudgetLeftIsBranchBusyNotABug(Emulator bb) throws Exception {
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra", "--conflict-timeout", "PT0S")) {
            // The push's commit request is held at the emulator; meanwhile another writer commits on another path.
            Fault held = bb.faults().add(Fault.on("POST", "/src$").times(1).latency(Duration.ofSeconds(3)));
            CompletableFuture<Answer> push = CompletableFuture.supplyAsync(() -> server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "ours",
                            "files",
                            List.of(Map.of("path", "live/ours.tf", "text", "# ours\n")))));
            Faults.awaitTaken(bb, held, Duration.ofSeconds(60));
            otherWriterCommits(bb, "other/theirs.tf", "# theirs\n");
            Answer a = push.get(120, TimeUnit.SECONDS);

            assertThat(a.isError()).isTrue();
            assertThat(a.json().path("cause").asText()).as(a.text()).isEqualTo("branch-busy");
            assertThat(a.json().path("summary").asText())
                    .contains("not a conflict")
                    .contains("Nothing was committed");
            assertThat(a.json().path("fix").asText())
                    .contains("Call the tool again")
                    .contains("person running the server")
                    .contains("--conflict-timeout");
            assertThat(a.json().path("error").path("type").asText()).isEqualTo("BranchBusyException");
            assertThat(server.stderr()).doesNotContain("Unexpected failure").doesNotContain("\tat ");
            assertThat(Branches.tree(bb, "main")).containsKey("other/theirs.tf").doesNotContainKey("live/ours.tf");
        }
    }

    @Test
    void aLocalFileThatDisappearsDuringPushDirectoryNamesTheFile(Emulator bb) throws Exception {
        String before = Branches.head(bb, "main").orElseThrow();
        Path module = Files.createDirectories(dir.resolve("module"));
        Path gone = Files.writeString(module.resolve("gone.tf"), "# soon gone\n");
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra", "--root", dir.toString())) {
            // The directory is walked and safety-checked before the first request (the plan reads the branch over Git);
            // that request is held while the file is deleted, so the upload finds it missing.
            Fault held = bb.faults()
                    .add(Fault.onAnyMethod("^/acme/infra\\.git/").times(1).latency(Duration.ofSeconds(2)));
            CompletableFuture<Answer> push = CompletableFuture.supplyAsync(() -> server.call(
                    bb,
                    "push_directory",
                    Map.of("repository", "acme/infra", "directory", "module", "to", "live", "message", "m")));
            Faults.awaitTaken(bb, held, Duration.ofSeconds(60));
            Files.delete(gone);
            Answer a = push.get(120, TimeUnit.SECONDS);

            assertThat(a.isError()).as(a.text()).isTrue();
            assertThat(a.json().path("cause").asText()).as(a.text()).isEqualTo("local-input-unreadable");
            assertThat(a.json().path("summary").asText())
                    .contains(gone.toString())
                    .contains("Nothing was committed");
            assertThat(a.json().path("fix").asText()).contains(gone.toString()).contains("call the tool again");
            assertThat(server.stderr()).doesNotContain("Unexpected failure");
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    private static void otherWriterCommits(Emulator bb, String path, String content) {
        try (BitbucketClient other = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(McpServerProcess.EMAIL, bb.secret("rahul-api-token")))
                .build()) {
            String form = "message=other+writer&branch=main&" + URLEncoder.encode("/" + path, StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(content, StandardCharsets.UTF_8);
            int status = other.http()
                    .exchange(Request.postForm(other.endpoint("repositories", "acme", "infra", "src"), form)
                            .build())
                    .status();
            assertThat(status).isEqualTo(201);
        }
    }
}
