package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The push and read tools through a real MCP client over stdio, against the emulator; what landed is read back from
 * the bare repository with JGit, not taken from the tool's answer.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpPushToolsTest {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void listsTheSevenToolsWithObjectInputSchemas(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb))) {
            List<McpSchema.Tool> tools = server.client().listTools().tools();

            assertThat(tools)
                    .extracting(McpSchema.Tool::name)
                    .containsExactly(
                            "push_files",
                            "push_directory",
                            "plan",
                            "auth_status",
                            "auth_doctor",
                            "read_file",
                            "list_directory");
            assertThat(tools).allSatisfy(t -> {
                assertThat(t.inputSchema()).containsEntry("type", "object").containsKey("properties");
                assertThat(t.description()).isNotBlank();
            });
            assertThat((List<Object>) tools.get(0).inputSchema().get("required"))
                    .containsExactlyInAnyOrder("repository", "message");
            assertThat(tools.get(0).annotations().readOnlyHint()).isFalse();
            assertThat(tools.get(5).annotations().readOnlyHint()).isTrue();
        }
    }

    @Test
    void pushFilesCommitsTextBytesAndTheExecutableBitAsOneCommit(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        byte[] binary = {0, 1, 2, (byte) 0xff, 10, 0};
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer a = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository", "acme/infra",
                            "message", "Add the network module",
                            "files",
                                    List.of(
                                            Map.of(
                                                    "path",
                                                    "live/network/main.tf",
                                                    "text",
                                                    "resource \"null_resource\" \"n\" {}\n"),
                                            Map.of(
                                                    "path",
                                                    "live/network/logo.bin",
                                                    "base64",
                                                    Base64.getEncoder().encodeToString(binary)),
                                            Map.of(
                                                    "path",
                                                    "tools/agent-fmt.sh",
                                                    "text",
                                                    "#!/bin/sh\nterraform plan\n",
                                                    "executable",
                                                    true))));

            assertThat(a.isError()).as(a.text()).isFalse();
            JsonNode j = a.json();
            assertThat(j.path("status").asText()).isEqualTo("committed");
            assertThat(j.path("branch").asText()).isEqualTo("main");
            assertThat(j.path("changes").path("added"))
                    .extracting(JsonNode::asText)
                    .containsExactly("live/network/logo.bin", "live/network/main.tf", "tools/agent-fmt.sh");
            assertThat(j.path("requests").path("rest").asInt()).isPositive();
            assertThat(a.text()).contains("\"status\":\"committed\"");
            // What landed, read with JGit: one commit on top of the old head, with the right bytes and modes.
            String head = Branches.head(bb, "main").orElseThrow();
            assertThat(j.path("commit").asText()).isEqualTo(head);
            assertThat(Branches.commitsSince(bb, "main", before)).hasSize(1);
            Map<String, Branches.TreeFile> tree = Branches.tree(bb, "main");
            assertThat(tree.get("live/network/main.tf").text()).isEqualTo("resource \"null_resource\" \"n\" {}\n");
            assertThat(tree.get("live/network/logo.bin").bytes()).isEqualTo(binary);
            assertThat(tree.get("tools/agent-fmt.sh").mode()).isEqualTo(FileMode.EXECUTABLE_FILE);
            assertThat(tree.get("live/network/main.tf").mode()).isEqualTo(FileMode.REGULAR_FILE);
        }
    }

    @Test
    void pushingTheSameFilesAgainMakesNoCommitAndReusesThePullRequest(Emulator bb) {
        Map<String, Object> push = Map.of(
                "repository", "acme/infra",
                "branch", "bbpush/agent",
                "message", "Add dns",
                "files", List.of(Map.of("path", "dns.tf", "text", "# dns\n")),
                "pullRequest", Map.of("title", "Add dns", "description", "From an agent"));
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer first = server.call(bb, "push_files", push);
            String head = Branches.head(bb, "bbpush/agent").orElseThrow();
            Answer second = server.call(bb, "push_files", push);

            assertThat(first.json().path("status").asText()).as(first.text()).isEqualTo("committed");
            assertThat(first.json().path("pullRequest").path("outcome").asText())
                    .isEqualTo("created");
            assertThat(second.isError()).isFalse();
            assertThat(second.json().path("status").asText()).isEqualTo("unchanged");
            assertThat(second.json().path("commit").isNull()).isTrue();
            assertThat(second.json().path("changes").path("unchanged").asInt()).isEqualTo(1);
            assertThat(second.json().path("pullRequest").path("outcome").asText())
                    .isEqualTo("reused");
            assertThat(second.json().path("pullRequest").path("id").asInt())
                    .isEqualTo(first.json().path("pullRequest").path("id").asInt());
            assertThat(Branches.head(bb, "bbpush/agent")).contains(head);
        }
    }

    @Test
    void aSecretBlocksThePushWithMaskedFindingsAndTheSecretNeverComesBack(Emulator bb) {
        String keyId = awsKeyId();
        String before = Branches.head(bb, "main").orElseThrow();
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer a = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository", "acme/infra",
                            "message", "Add credentials",
                            "files",
                                    List.of(Map.of(
                                            "path",
                                            "live/aws.tf",
                                            "text",
                                            "provider \"aws\" {\n  access_key = \"" + keyId + "\"\n}\n"))));

            assertThat(a.isError()).isTrue();
            JsonNode j = a.json();
            assertThat(j.path("cause").asText()).isEqualTo("safety-blocked");
            assertThat(j.path("summary").asText()).contains("live/aws.tf:2").contains("nothing was sent");
            assertThat(j.path("fix").asText()).contains("Remove the secret").contains("--allow ");
            assertThat(j.path("error").path("findings").get(0).path("path").asText())
                    .isEqualTo("live/aws.tf");
            assertThat(a.text()).startsWith("safety-blocked: ");
            // The secret is in no part of the answer (text, structured content) nor in the server's log.
            assertThat(a.text() + j + McpServerProcess.JSON.valueToTree(a.result()))
                    .doesNotContain(keyId);
            assertThat(server.stderr()).doesNotContain(keyId);
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    @Test
    void planAndDryRunReportTheChangesAndWriteNothing(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        Map<String, Object> files = Map.of("path", "README.md", "text", "# changed by an agent\n");
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer plan = server.call(
                    bb,
                    "plan",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "files",
                            List.of(files, Map.of("path", "new.tf", "text", "# new\n"))));
            Answer dry = server.call(
                    bb,
                    "push_files",
                    Map.of("repository", "acme/infra", "message", "m", "dryRun", true, "files", List.of(files)));

            assertThat(plan.isError()).as(plan.text()).isFalse();
            assertThat(plan.json().path("status").asText()).isEqualTo("dry-run");
            assertThat(plan.json().path("changes").path("added"))
                    .extracting(JsonNode::asText)
                    .containsExactly("new.tf");
            assertThat(plan.json().path("changes").path("modified"))
                    .extracting(JsonNode::asText)
                    .containsExactly("README.md");
            assertThat(dry.json().path("status").asText()).isEqualTo("dry-run");
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    @Test
    void pushDirectoryWalksWithTheTerraformProfileAndMirrorsDeletes(Emulator bb) throws Exception {
        Path module = dir.resolve("network");
        Files.createDirectories(module.resolve(".terraform/providers"));
        Files.writeString(module.resolve("main.tf"), "# main\n");
        Files.writeString(module.resolve("variables.tf"), "# vars\n");
        Files.writeString(module.resolve("notes.txt"), "# not terraform\n");
        Files.writeString(module.resolve("terraform.tfstate"), "{\"version\": 4}\n");
        Files.writeString(module.resolve(".terraform/providers/p"), "binary\n");
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra", "--root", dir.toString())) {
            Answer first = server.call(
                    bb,
                    "push_directory",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "directory",
                            module.toString(),
                            "to",
                            "live/network",
                            "exclude",
                            List.of("*.txt"),
                            "message",
                            "Network module"));
            Files.delete(module.resolve("variables.tf"));
            Answer mirror = server.call(
                    bb,
                    "push_directory",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "directory",
                            module.toString(),
                            "to",
                            "live/network",
                            "exclude",
                            List.of("*.txt"),
                            "delete",
                            true,
                            "message",
                            "Mirror"));

            assertThat(first.isError()).as(first.text()).isFalse();
            assertThat(first.json().path("changes").path("added"))
                    .extracting(JsonNode::asText)
                    .containsExactly("live/network/main.tf", "live/network/variables.tf");
            assertThat(first.json().path("skipped"))
                    .extracting(s -> s.path("path").asText())
                    .contains("live/network/terraform.tfstate", "live/network/.terraform/", "live/network/notes.txt");
            assertThat(mirror.json().path("changes").path("deleted"))
                    .extracting(JsonNode::asText)
                    .containsExactly("live/network/variables.tf");
            Map<String, Branches.TreeFile> tree = Branches.tree(bb, "main");
            assertThat(tree)
                    .containsKey("live/network/main.tf")
                    .doesNotContainKeys(
                            "live/network/variables.tf", "live/network/terraform.tfstate", "live/network/notes.txt");
        }
    }

    @Test
    void readFileAndListDirectoryShowWhatIsOnTheBranch(Emulator bb) {
        byte[] binary = {(byte) 0xc3, 0x28, 0, 7};
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "branch",
                            "feature/read",
                            "message",
                            "m",
                            "files",
                            List.of(
                                    Map.of("path", "live/app/main.tf", "text", "# app ✓\n"),
                                    Map.of(
                                            "path",
                                            "live/app/blob.bin",
                                            "base64",
                                            Base64.getEncoder().encodeToString(binary)),
                                    Map.of("path", "live/run.sh", "text", "#!/bin/sh\n", "executable", true))));
            String head = Branches.head(bb, "feature/read").orElseThrow();

            Answer text = server.call(
                    bb,
                    "read_file",
                    Map.of("repository", "acme/infra", "branch", "feature/read", "path", "live/app/main.tf"));
            Answer bytes = server.call(
                    bb,
                    "read_file",
                    Map.of("repository", "acme/infra", "branch", "feature/read", "path", "live/app/blob.bin"));
            Answer list = server.call(
                    bb,
                    "list_directory",
                    Map.of("repository", "acme/infra", "branch", "feature/read", "path", "live", "depth", 2));
            Answer missing = server.call(
                    bb,
                    "read_file",
                    Map.of("repository", "acme/infra", "branch", "feature/read", "path", "live/nope.tf"));
            Answer noBranch = server.call(bb, "list_directory", Map.of("repository", "acme/infra", "branch", "nope"));
            Answer directory = server.call(
                    bb, "read_file", Map.of("repository", "acme/infra", "branch", "feature/read", "path", "live/app"));

            assertThat(text.json().path("content").asText()).isEqualTo("# app ✓\n");
            assertThat(text.json().path("encoding").asText()).isEqualTo("utf-8");
            assertThat(text.json().path("commit").asText()).isEqualTo(head);
            assertThat(bytes.json().path("encoding").asText()).isEqualTo("base64");
            assertThat(Base64.getDecoder().decode(bytes.json().path("content").asText()))
                    .isEqualTo(binary);
            List<String> entries = new ArrayList<>();
            list.json()
                    .path("entries")
                    .forEach(e -> entries.add(
                            e.path("type").asText() + " " + e.path("path").asText()
                                    + (e.has("mode") ? " " + e.path("mode").asText() : "")));
            assertThat(entries)
                    .contains("directory live/app", "file live/app/main.tf regular", "file live/run.sh executable");
            assertThat(missing.isError()).isTrue();
            assertThat(missing.json().path("cause").asText()).isEqualTo("path-not-found");
            assertThat(noBranch.json().path("cause").asText()).isEqualTo("branch-not-found");
            assertThat(directory.json().path("cause").asText()).isEqualTo("path-is-directory");
            assertThat(directory.json().path("fix").asText()).contains("list_directory");
        }
    }

    @Test
    void aPullRequestThatFailsAfterThePushLandedReportsBoth(Emulator bb) throws Exception {
        bb.faults()
                .add(McpServerProcess.JSON.readTree("{\"method\":\"POST\",\"path\":\"/pullrequests$\","
                        + "\"action\":\"status\",\"status\":500,\"count\":1}"));
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer a = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "branch",
                            "bbpush/pr-fails",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "pr.tf", "text", "# pr\n")),
                            "pullRequest",
                            Map.of("title", "PR")));

            assertThat(a.isError()).isTrue();
            assertThat(a.json().path("cause").asText()).isEqualTo("server-error");
            assertThat(a.json().path("summary").asText())
                    .startsWith("The push finished (committed), but the pull request failed");
            assertThat(a.json().path("push").path("status").asText()).isEqualTo("committed");
            assertThat(a.json().path("push").path("commit").asText())
                    .isEqualTo(Branches.head(bb, "bbpush/pr-fails").orElseThrow());
            assertThat(a.json().path("fix").asText()).contains("call the tool again");
        }
    }

    @Test
    void invalidArgumentsAreToolErrorsNamingTheArgument(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra")) {
            Answer noRepo = server.call(bb, "push_files", Map.of("message", "m", "files", List.of()));
            Answer badBase64 = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "a.bin", "base64", "not base64!"))));
            Answer both = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "a.tf", "text", "x", "base64", "eA=="))));
            Answer unknown = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "a", "ref", "x"));

            assertThat(List.of(noRepo, badBase64, both, unknown)).allSatisfy(a -> {
                assertThat(a.isError()).isTrue();
                assertThat(a.json().path("cause").asText()).isEqualTo("invalid-arguments");
                assertThat(a.json().path("fix").asText()).isNotBlank();
            });
            assertThat(noRepo.json().path("summary").asText()).contains("'repository' is required");
            assertThat(badBase64.json().path("summary").asText()).contains("files[0].base64");
            assertThat(both.json().path("summary").asText()).contains("exactly one of 'text' and 'base64'");
            assertThat(unknown.json().path("summary").asText()).contains("unknown argument 'ref'");
        }
    }

    @Test
    void readToolsRefuseDotDotAndGitPathsAsInvalidArgumentsWithoutARequest(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb))) {
            bb.journal().clear();
            Answer up = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "../other/README.md"));
            Answer middle = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "live/../../x.tf"));
            Answer list = server.call(bb, "list_directory", Map.of("repository", "acme/infra", "path", "live/.."));
            Answer git = server.call(bb, "list_directory", Map.of("repository", "acme/infra", "path", ".git/refs"));

            assertThat(List.of(up, middle, list, git)).allSatisfy(a -> {
                assertThat(a.isError()).isTrue();
                assertThat(a.json().path("cause").asText()).as(a.text()).isEqualTo("invalid-arguments");
                assertThat(a.json().path("summary").asText()).contains("'path' is not a repository path");
                assertThat(a.json().path("fix").asText()).contains("without '..'");
            });
            assertThat(up.json().path("summary").asText()).contains("'..' segment");
            assertThat(git.json().path("summary").asText()).contains("'.git' segment");
            assertThat(bb.journal().entries()).as("nothing was requested").isEmpty();
        }
    }

    /** An AWS access key id of the right shape, random so that it is not a real key and not a literal here. */
    static String awsKeyId() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder id = new StringBuilder("AK").append("IA");
        for (int i = 0; i < 16; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
