package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server driven by a widely used non-Java MCP client: the official TypeScript SDK ({@code
 * @modelcontextprotocol/sdk}, pinned in src/test/node/package-lock.json) running {@code src/test/node/client.mjs}
 * under Node. Needs {@code node} and {@code npm ci --prefix mcp/src/test/node}; without them the test is skipped with
 * the reason, except in CI ({@code CI=true}, as .ci/run runs), where it fails instead.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpNodeClientTest {
    private static final Path NODE_DIR = Path.of("src", "test", "node");

    @TempDir
    Path dir;

    @Test
    void theTypeScriptSdkClientListsToolsPushesAndGetsRefusals(Emulator bb) throws Exception {
        Path node = nodeOrSkip();
        Map<String, String> serverEnv = new HashMap<>(rahul(bb));
        serverEnv.put("HOME", dir.toString());
        ObjectNode server = McpServerProcess.JSON.createObjectNode();
        server.put(
                "command",
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        server.putPOJO(
                "args",
                List.of(
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-cp",
                        System.getProperty("java.class.path"),
                        McpServerMain.class.getName(),
                        "--allow-repo",
                        "acme/infra"));
        server.putPOJO("env", serverEnv);

        ProcessBuilder pb = new ProcessBuilder(node.toString(), "client.mjs")
                .directory(NODE_DIR.toFile())
                .redirectErrorStream(false)
                .redirectError(dir.resolve("node-stderr.txt").toFile())
                .redirectOutput(dir.resolve("node-stdout.txt").toFile()); // to a file: waitFor's timeout then applies
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("MCP_SERVER", McpServerProcess.JSON.writeValueAsString(server));
        pb.environment().put("MCP_REPO", "acme/infra");
        Process p = pb.start();
        p.getOutputStream().close();
        boolean finished = p.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("node client finished").isTrue();
        String out = Files.readString(dir.resolve("node-stdout.txt"), StandardCharsets.UTF_8);

        assertThat(p.exitValue())
                .as(out + Files.readString(dir.resolve("node-stderr.txt")))
                .isZero();
        McpServerProcess.assertNoSecret(bb, out);
        JsonNode r = McpServerProcess.JSON.readTree(out);
        assertThat(r.path("server").path("name").asText()).isEqualTo("bbpush");
        assertThat(r.path("tools"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        "push_files",
                        "push_directory",
                        "plan",
                        "auth_status",
                        "auth_doctor",
                        "read_file",
                        "list_directory");
        assertThat(r.path("first").path("isError").asBoolean()).isFalse();
        assertThat(r.path("first").path("structured").path("status").asText()).isEqualTo("committed");
        assertThat(r.path("second").path("structured").path("status").asText()).isEqualTo("unchanged");
        assertThat(r.path("refused").path("isError").asBoolean()).isTrue();
        assertThat(r.path("refused").path("structured").path("cause").asText()).isEqualTo("repository-not-writable");
        assertThat(r.path("refused").path("text").asText())
                .startsWith("repository-not-writable: ")
                .contains("--allow-repo acme/not-allowed");
        assertThat(r.path("read").path("structured").path("content").asText()).isEqualTo("# from node\n");
        // What landed, read with JGit.
        assertThat(r.path("first").path("structured").path("commit").asText())
                .isEqualTo(Branches.head(bb, "node/agent").orElseThrow());
        Map<String, Branches.TreeFile> tree = Branches.tree(bb, "node/agent");
        assertThat(tree.get("node/main.tf").text()).isEqualTo("# from node\n");
        assertThat(tree.get("node/run.sh").mode()).isEqualTo(FileMode.EXECUTABLE_FILE);
    }

    /** {@code node} on the PATH with the SDK installed; else skipped with the reason (a failure under CI=true). */
    private static Path nodeOrSkip() {
        Optional<Path> node = onPath("node");
        String missing = node.isEmpty()
                ? "node is not on the PATH"
                : !Files.isDirectory(NODE_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))
                        ? "the TypeScript MCP SDK is not installed: run 'npm ci --prefix mcp/src/test/node'"
                        : null;
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("The Node MCP client test must run in CI, but " + missing + " (.ci/run installs it).");
            }
            Assumptions.abort("Skipped: " + missing + ".");
        }
        return node.get();
    }

    private static Optional<Path> onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
