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
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bbpush push} through the emulator when a local file fails mid-push (exit 2, the file named, nothing
 * committed), when the branch stays busy on other paths (exit 6, not a conflict), when Bitbucket answers 409 while the
 * branch does not move (exit 6, bounded), and when an option value is one the library refuses (exit 2 with the
 * library's message).
 */
@BitbucketEmulatorTest(world = "demo")
class PushLocalAndBusyFailureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    /** Runs {@code push} with {@code listener} acting at a fixed point of the push. */
    private static CliRun push(Emulator bb, PushListener listener, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "push";
        System.arraycopy(args, 0, all, 1, args.length);
        CliRun r = CliRun.withPushListener(env(bb), listener, all);
        assertNoSecret(bb, r);
        return r;
    }

    private static PushListener at(Class<? extends PushEvent> when, IoAction action) {
        return e -> {
            if (when.isInstance(e)) {
                try {
                    action.run();
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
        };
    }

    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void fileDeletedBetweenPlanAndUploadExitsTwoNamingItAndCommitsNothing(Emulator bb) throws Exception {
        String head = EmulatorRepo.head(bb, "main").orElseThrow();
        Path gone = file("gone.tf", "# gone\n");
        file("stays.tf", "# stays\n");

        CliRun text = push(
                bb,
                at(PushEvent.PlanReady.class, () -> Files.delete(gone)),
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live");

        assertThat(text.code()).as(text.err()).isEqualTo(2);
        assertThat(text.err())
                .contains("bbpush: " + gone + " (for live/gone.tf) could not be read while uploading")
                .contains("NoSuchFileException")
                .contains("Nothing was committed")
                .contains("push again")
                .doesNotContain("run with --verbose")
                .doesNotContain("\tat ");
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);

        file("gone.tf", "# gone\n");
        CliRun json = push(
                bb,
                at(PushEvent.PlanReady.class, () -> Files.delete(gone)),
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live",
                "--json");

        assertThat(json.code()).isEqualTo(2);
        JsonNode j = JSON.readTree(json.out());
        assertThat(j.path("exitCode").asInt()).isEqualTo(2);
        assertThat(j.path("error").path("type").asText()).isEqualTo("LocalContentException");
        assertThat(j.path("error").path("path").asText()).isEqualTo("live/gone.tf");
        assertThat(j.path("error").path("source").asText()).isEqualTo(gone.toString());
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
    }

    @Test
    void fileReplacedByADirectoryBeforeHashingExitsTwoNamingIt(Emulator bb) throws Exception {
        String head = EmulatorRepo.head(bb, "main").orElseThrow();
        Path swapped = file("swapped.tf", "# file\n");

        CliRun r = push(
                bb,
                at(PushEvent.SafetyChecked.class, () -> {
                    Files.delete(swapped);
                    Files.createDirectory(swapped);
                }),
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live");

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err())
                .contains("bbpush: " + swapped + " (for live/swapped.tf) could not be read")
                .contains("Nothing was committed")
                .doesNotContain("run with --verbose");
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
    }

    @Test
    void branchMovedOnOtherPathsWithNoConflictBudgetLeftExitsSixNotFour(Emulator bb) throws Exception {
        file("ours.tf", "ours\n");

        CliRun r = push(
                bb,
                at(PushEvent.PlanReady.class, () -> otherWriterCommits(bb, "other/theirs.tf", "theirs\n")),
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live",
                "--conflict-timeout",
                "0",
                "--json");

        assertThat(r.code()).as(r.out()).isEqualTo(6);
        JsonNode error = JSON.readTree(r.out()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("BranchBusyException");
        assertThat(error.path("rejections").asInt()).isEqualTo(1);
        assertThat(error.path("commitsLanded").asInt()).isEqualTo(1);
        assertThat(error.path("message").asText()).contains("not a conflict").contains("--conflict-timeout");
        assertThat(EmulatorRepo.tree(bb, "main")).containsKey("other/theirs.tf").doesNotContainKey("live/ours.tf");
    }

    @Test
    void branchMovedOnOtherPathsIsRetriedAndLandsWithTheDefaultBudget(Emulator bb) throws Exception {
        file("ours.tf", "ours\n");

        CliRun r = push(
                bb,
                at(PushEvent.PlanReady.class, () -> otherWriterCommits(bb, "other/theirs.tf", "theirs\n")),
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live");

        assertThat(r.code()).as(r.err()).isZero();
        Map<String, EmulatorRepo.TreeFile> files = EmulatorRepo.tree(bb, "main");
        assertThat(files.get("live/ours.tf").text()).isEqualTo("ours\n");
        assertThat(files.get("other/theirs.tf").text()).isEqualTo("theirs\n");
    }

    @Test
    void a409WhileTheBranchDoesNotMoveStopsAfterTheRetryAttemptsAndExitsSixNotFour(Emulator bb) throws Exception {
        file("ours.tf", "ours\n");
        String head = EmulatorRepo.head(bb, "main").orElseThrow();
        bb.faults().add(Fault.on("POST", "/src$").respond(409));

        CliRun r = push(bb, PushListener.NONE, dir.toString(), "--repo", "acme/infra", "--to", "live", "--json");

        assertThat(r.code()).as(r.out()).isEqualTo(6);
        JsonNode error = JSON.readTree(r.out()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("UnexplainedConflictException");
        assertThat(error.path("message").asText())
                .contains("409 4 times in a row")
                .contains("head stayed at " + head)
                .contains("not a race with other writers")
                .doesNotContain("kept moving");
        // The client's 4 attempts, not 2 minutes of them.
        assertThat(bb.journal().entries().stream()
                        .filter(e -> e.method().equals("POST") && e.path().endsWith("/src"))
                        .count())
                .isEqualTo(4);
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
    }

    @Test
    void optionValuesTheLibraryRefusesAreUsageErrorsWithItsMessage(Emulator bb) throws Exception {
        file("a.tf", "# a\n");
        String head = EmulatorRepo.head(bb, "main").orElseThrow();

        CliRun branch = push(bb, PushListener.NONE, dir.toString(), "--repo", "acme/infra", "--branch", "bad..name");
        CliRun author = push(bb, PushListener.NONE, dir.toString(), "--repo", "acme/infra", "--author", "nobody");
        CliRun timeout =
                push(bb, PushListener.NONE, dir.toString(), "--repo", "acme/infra", "--conflict-timeout", "5x");
        CliRun insecure = CliRun.run(
                env(bb, "BBPUSH_API_URL", "http://bitbucket.example/2.0"),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra");

        assertThat(branch.code()).as(branch.err()).isEqualTo(2);
        assertThat(branch.err()).contains("bbpush: branch: ").contains("bad..name");
        assertThat(author.code()).as(author.err()).isEqualTo(2);
        assertThat(author.err()).contains("nobody");
        assertThat(timeout.code()).as(timeout.err()).isEqualTo(2);
        assertThat(timeout.err()).contains("'5x' is not a duration").contains("90s");
        assertThat(insecure.code()).as(insecure.err()).isEqualTo(2);
        assertThat(insecure.err()).contains("plain http to a non-loopback host");
        for (CliRun r : new CliRun[] {branch, author, insecure}) {
            assertThat(r.err()).doesNotContain("run with --verbose").doesNotContain("\tat ");
        }
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
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
}
