package dev.bbpush.cli;

import static dev.bbpush.cli.EmulatorRepo.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bbpush mcp} as a host runs it: a child process speaking newline-delimited JSON-RPC on stdin/stdout. Standard
 * output carries protocol messages only (every line is a JSON-RPC message), logs go to standard error, and the
 * process exits 0 when the client closes stdin. The tools themselves are tested in the mcp module.
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Marks the end of the child's standard output in {@link Lines}. */
    private static final String EOF = "\u0000EOF";

    @TempDir
    Path home;

    @Test
    void speaksOnlyJsonRpcOnStdoutPushesAndExitsWhenStdinCloses(Emulator bb) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "mcp",
                        "--allow-repo",
                        "acme/infra")
                .redirectError(home.resolve("stderr.txt").toFile());
        pb.environment().clear();
        pb.environment().putAll(env(bb));
        pb.environment().put("HOME", home.toString());
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        try (OutputStream in = p.getOutputStream()) {
            // Standard output is read on its own thread, so every wait below has a timeout (a hung server fails the
            // test instead of hanging the build).
            Lines out = new Lines(p);
            send(
                    in,
                    Map.of(
                            "jsonrpc",
                            "2.0",
                            "id",
                            1,
                            "method",
                            "initialize",
                            "params",
                            Map.of(
                                    "protocolVersion",
                                    "2025-06-18",
                                    "capabilities",
                                    Map.of(),
                                    "clientInfo",
                                    Map.of("name", "test", "version", "1"))));
            lines.add(out.next());
            send(in, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(in, Map.of("jsonrpc", "2.0", "id", 2, "method", "tools/list"));
            lines.add(out.next());
            send(
                    in,
                    Map.of(
                            "jsonrpc",
                            "2.0",
                            "id",
                            3,
                            "method",
                            "tools/call",
                            "params",
                            Map.of(
                                    "name",
                                    "push_files",
                                    "arguments",
                                    Map.of(
                                            "repository",
                                            "acme/infra",
                                            "message",
                                            "From bbpush mcp",
                                            "files",
                                            List.of(Map.of("path", "mcp/cli.tf", "text", "# cli\n"))))));
            lines.add(out.next());
            in.close();
            // Whatever the server writes until it exits must be protocol too.
            for (String line = out.next(); !line.equals(EOF); line = out.next()) {
                lines.add(line);
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("exits once stdin is closed")
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }

        assertThat(p.exitValue()).isZero();
        List<JsonNode> messages = new ArrayList<>();
        for (String line : lines) {
            JsonNode m = JSON.readTree(line);
            assertThat(m.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
            messages.add(m);
        }
        assertThat(messages.get(0)
                        .path("result")
                        .path("serverInfo")
                        .path("name")
                        .asText())
                .isEqualTo("bbpush");
        assertThat(messages.get(1).path("result").path("tools").size()).isEqualTo(7);
        JsonNode call = messages.get(2).path("result");
        assertThat(call.path("isError").asBoolean()).as(call.toString()).isFalse();
        assertThat(call.path("structuredContent").path("status").asText()).isEqualTo("committed");
        assertThat(call.path("structuredContent").path("commit").asText())
                .isEqualTo(EmulatorRepo.head(bb, "main").orElseThrow());
        assertThat(EmulatorRepo.tree(bb, "main").get("mcp/cli.tf").text()).isEqualTo("# cli\n");
        String stderr = Files.readString(home.resolve("stderr.txt"));
        assertThat(stderr).contains("initialize");
        for (String name : EmulatorRepo.SECRET_NAMES) {
            assertThat(String.join("\n", lines) + stderr).doesNotContain(bb.secret(name));
        }
    }

    @Test
    void aMalformedAllowRepoIsAUsageError() {
        CliRun r = CliRun.run(Map.of(), "mcp", "--allow-repo", "infra");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-repo takes WORKSPACE/REPO").contains("acme/infra");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownSafetyRuleInAllowIsAUsageError() {
        CliRun r = CliRun.run(Map.of(), "mcp", "--allow", "no-such-rule:a.tf");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown safety rule 'no-such-rule'");
    }

    /** The child's standard output, line by line, read on a daemon thread; {@link #EOF} after the last line. */
    private static final class Lines {
        private final BlockingQueue<String> queue = new LinkedBlockingQueue<>();

        Lines(Process p) {
            Thread t = new Thread(
                    () -> {
                        try (BufferedReader r =
                                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                            r.lines().forEach(queue::add);
                        } catch (IOException | UncheckedIOException e) {
                            // the stream closed: EOF below
                        } finally {
                            queue.add(EOF);
                        }
                    },
                    "mcp-stdout");
            t.setDaemon(true);
            t.start();
        }

        /** The next line, or a failure when none comes within 60 seconds. */
        String next() throws InterruptedException {
            String line = queue.poll(60, TimeUnit.SECONDS);
            assertThat(line).as("a line from the server within 60 s").isNotNull();
            return line;
        }
    }

    @Test
    void aConflictTimeoutThatIsNotADurationIsAUsageError() {
        CliRun r = CliRun.run(Map.of(), "mcp", "--conflict-timeout", "5x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'5x' is not a duration");
        assertThat(r.out()).isEmpty();
    }

    private static void send(OutputStream in, Object message) throws Exception {
        in.write((JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
