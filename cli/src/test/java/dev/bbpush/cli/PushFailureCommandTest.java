package dev.bbpush.cli;

import static dev.bbpush.cli.EmulatorRepo.env;
import static dev.bbpush.cli.PushCommandTest.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.push.PushEvent;
import dev.bbpush.client.push.PushListener;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@BitbucketEmulatorTest(world = "demo")
class PushFailureCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static CliRun run(Emulator bb, Map<String, String> env, String... args) {
        CliRun r = CliRun.run(env, args);
        assertNoSecret(bb, r);
        return r;
    }

    @Test
    void apiTokenSentWithTheUsernameExitsThreeWithTheDoctorsFix(Emulator bb) throws Exception {
        file("a.tf", "# a\n");
        String head = EmulatorRepo.head(bb, "main").orElseThrow();
        Map<String, String> env = env(bb, "BBPUSH_EMAIL", "rahul-dev");

        CliRun text = run(bb, env, "push", dir.toString(), "--repo", "acme/infra");
        CliRun json = run(bb, env, "push", dir.toString(), "--repo", "acme/infra", "--json");

        assertThat(text.code()).isEqualTo(3);
        assertThat(text.err())
                .contains("401")
                .contains("✗ api-token-needs-email")
                .contains("export BBPUSH_EMAIL='<your Atlassian account email>'")
                .contains("bbpush auth doctor --repo acme/infra");
        assertThat(json.code()).isEqualTo(3);
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.path("status").asText()).isEqualTo("error");
        assertThat(j.path("exitCode").asInt()).isEqualTo(3);
        assertThat(j.path("error").path("type").asText()).isEqualTo("AuthenticationException");
        assertThat(j.path("diagnosis").path("cause").asText()).isEqualTo("api-token-needs-email");
        assertThat(j.path("diagnosis").path("fix").asText()).contains("email");
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
    }

    @Test
    void writeOnlyTokenCannotReadTheBranchAndExitsThreeNamingTheScope(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(
                bb,
                env(bb, "BBPUSH_API_TOKEN", bb.secret("rahul-write-only-token")),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("✗ missing-scopes").contains("Missing: read:repository:bitbucket");
    }

    @Test
    void missingRepositoryIsExplainedByTheDoctor(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, env(bb), "push", dir.toString(), "--repo", "acme/nope", "--json");

        assertThat(r.code()).isEqualTo(3);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("error").path("type").asText()).isEqualTo("NotFoundException");
        assertThat(j.path("diagnosis").path("cause").asText()).isNotBlank();
    }

    @Test
    void noCredentialsExitsThreeNamingTheVariables(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, Map.of("BBPUSH_API_URL", bb.apiUrl()), "push", dir.toString(), "--repo", "acme/infra");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("BBPUSH_API_TOKEN");
    }

    @Test
    void concurrentChangeOnTheSamePathExitsFourAndCommitsNothing(Emulator bb) throws Exception {
        file("ours.tf", "ours\n");
        // Once the plan is read (and before our commit request is sent), another writer commits the same path.
        PushListener otherWriterAfterPlan = event -> {
            if (event instanceof PushEvent.PlanReady) {
                otherWriterCommits(bb, "live/ours.tf", "theirs\n");
            }
        };

        CliRun r = CliRun.withPushListener(
                env(bb), otherWriterAfterPlan, "push", dir.toString(), "--repo", "acme/infra", "--to", "live");
        assertNoSecret(bb, r);

        assertThat(r.code()).as(r.err()).isEqualTo(4);
        assertThat(r.err()).contains("live/ours.tf").contains("Nothing was committed");
        assertThat(EmulatorRepo.tree(bb, "main").get("live/ours.tf").text()).isEqualTo("theirs\n");
    }

    private static void otherWriterCommits(Emulator bb, String path, String content) {
        try (BitbucketClient other = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(EmulatorRepo.EMAIL, bb.secret("rahul-api-token")))
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

    @Test
    void unreachableApiExitsSixWithAnExplanation(Emulator bb) throws Exception {
        file("a.tf", "# a\n");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }

        CliRun r = run(
                bb,
                env(bb),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra",
                "--api-url",
                "http://127.0.0.1:" + closedPort + "/2.0",
                "--json");

        assertThat(r.code()).isEqualTo(6);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("error").path("type").asText()).isEqualTo("TransportException");
        assertThat(j.path("error").path("message").asText()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void failedPullRequestAfterALandedCommitPrintsTheCommitThenTheError(Emulator bb) throws Exception {
        file("a.tf", "# a\n");
        bb.faults().add(Fault.on("POST", "/pullrequests$").respond(500));

        CliRun text = run(
                bb,
                env(bb),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "bbpush/pr-fail",
                "--pr",
                "Title");
        CliRun json = run(
                bb,
                env(bb),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "bbpush/pr-fail",
                "--pr",
                "Title",
                "--json");

        String sha = EmulatorRepo.head(bb, "bbpush/pr-fail").orElseThrow();
        assertThat(text.code()).isEqualTo(6);
        assertThat(text.out()).contains("Committed " + sha + " to bbpush/pr-fail");
        assertThat(text.err()).contains("the pull request could not be opened").contains("Run the same push again");
        JsonNode j = JSON.readTree(json.out());
        assertThat(json.code()).isEqualTo(6);
        assertThat(j.path("error").path("type").asText()).isEqualTo("PullRequestFailedException");
        assertThat(j.path("push").path("status").asText()).isEqualTo("unchanged");
        assertThat(j.path("push").path("branch").asText()).isEqualTo("bbpush/pr-fail");
    }

    @Test
    void missingRepoIsAUsageError(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, env(bb), "push", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err())
                .contains("Missing --repo WORKSPACE/REPO")
                .contains("BITBUCKET_WORKSPACE")
                .contains("Try 'bbpush push --help' for the options.")
                .doesNotContain("--verbose");
    }

    @Test
    void badRepoIsAUsageError(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, env(bb), "push", dir.toString(), "--repo", "acme");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("WORKSPACE/REPO");
    }

    @Test
    void unknownOptionIsAUsageError(Emulator bb) {
        CliRun r = run(bb, env(bb), "push", ".", "--repo", "acme/infra", "--token", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--token'");
    }

    @Test
    void noPathIsAUsageErrorSuggestingTheCurrentDirectory(Emulator bb) {
        CliRun r = run(bb, env(bb), "push", "--repo", "acme/infra", "--json");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("\"exitCode\" : 2").contains("bbpush push . --repo");
    }

    @Test
    void missingInputFileIsAUsageError(Emulator bb) {
        CliRun r = run(bb, env(bb), "push", dir.resolve("nope.tf").toString(), "--repo", "acme/infra");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("nope.tf");
    }

    @Test
    void tokenStdinAndStdinPathAreMutuallyExclusive(Emulator bb) {
        CliRun r = run(bb, env(bb), "push", "--stdin-path", "a.tf", "--token-stdin", "--repo", "acme/infra");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--token-stdin and --stdin-path both read standard input");
    }

    @Test
    void missingBaseBranchIsAUsageError(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, env(bb), "push", dir.toString(), "--repo", "acme/infra", "--branch", "x", "--base", "nope");

        assertThat(r.code()).isEqualTo(2);
        // Exit 2, but the command line was right (the branch is missing on Bitbucket): no pointer to --help.
        assertThat(r.err()).contains("nope").doesNotContain("--help");
    }

    @Test
    void pullRequestWithoutABranchIsAUsageError(Emulator bb) throws Exception {
        file("a.tf", "# a\n");

        CliRun r = run(bb, env(bb), "push", dir.toString(), "--repo", "acme/infra", "--pr", "Title");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--branch");
    }
}
