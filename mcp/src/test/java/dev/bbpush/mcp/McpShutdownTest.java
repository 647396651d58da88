package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that hangs up while a push is held at Bitbucket: the server waits its drain time, then stops and says on
 * standard error which push may have an unknown outcome (tool, repository, branch, how far it got).
 */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpShutdownTest {
    @TempDir
    Path dir;

    @Test
    void aPushStillRunningWhenTheDrainEndsIsNamedOnStandardError(Emulator bb) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                McpServerMain.class.getName(),
                "--allow-repo",
                "acme/infra",
                "--drain",
                "PT1S"));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().putAll(rahul(bb, "HOME", dir.toString()));
        Fault held = bb.faults().add(Fault.on("POST", "/src$").times(1).latency(Duration.ofSeconds(20)));
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
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
            send(in, Map.of("jsonrpc", "2.0", "method", "notifications/initialized"));
            send(
                    in,
                    Map.of(
                            "jsonrpc",
                            "2.0",
                            "id",
                            2,
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
                                            "held",
                                            "files",
                                            List.of(Map.of("path", "held.tf", "text", "# held\n"))))));
            Faults.awaitTaken(bb, held, Duration.ofSeconds(90));
        } // the client hangs up while the commit request is held
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS))
                    .as("stops after the drain time")
                    .isTrue();
        } finally {
            p.destroyForcibly();
        }

        String stderr = Files.readString(err);
        assertThat(stderr)
                .contains("outcome is unknown")
                .contains("push_files on acme/infra, branch 'main', planned against ")
                .contains("commit request sent");
        McpServerProcess.assertNoSecret(bb, stderr + Files.readString(out));
    }

    private static void send(OutputStream in, Object message) throws Exception {
        in.write((McpServerProcess.JSON.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }
}
