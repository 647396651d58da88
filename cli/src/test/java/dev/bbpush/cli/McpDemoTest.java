package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bbpush demo --mcp}: the real server in a child process, driven by the SDK's client; nothing left running. */
@BitbucketEmulatorTest(world = "demo")
class McpDemoTest {
    @Test
    void mcpDemoDrivesTheServerThroughAClientAndLeavesNothingRunning(Emulator secrets) throws Exception {
        CliRun r = CliRun.run(Map.of(), "demo", "--mcp");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("command: bbpush mcp --allow-repo acme/infra")
                .contains("BBPUSH_API_TOKEN=ATATT3x****")
                .contains("== 1. tools/list")
                .contains("push_files: Push files")
                .contains("list_directory: List a directory")
                .contains("== 2. auth_status")
                .contains("\"masked\" : \"ATATT3x****\"")
                .contains("== 3. plan")
                .contains("\"status\" : \"dry-run\"")
                .contains("== 4. push_files")
                .contains("\"status\" : \"committed\"")
                .contains("\"outcome\" : \"created\"")
                .contains("== 5.")
                .contains("\"status\" : \"unchanged\"")
                .contains("\"outcome\" : \"reused\"")
                .contains("== 6.")
                .contains("isError: true")
                .contains("\"cause\" : \"repository-not-writable\"")
                .contains("--allow-repo acme/website")
                .contains("== 7.")
                .contains("\"cause\" : \"safety-blocked\"")
                .contains("AKIA********")
                .contains("Demo finished");
        for (String name : EmulatorRepo.SECRET_NAMES) {
            assertThat(r.out() + r.err()).doesNotContain(secrets.secret(name));
        }
        assertThat(ProcessHandle.current()
                        .children()
                        .filter(ProcessHandle::isAlive)
                        .map(p -> p.info().commandLine().orElse("")))
                .as("the MCP server process has exited")
                .noneMatch(c -> c.contains(" mcp --allow-repo"));
        Matcher port =
                Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(r.out());
        assertThat(port.find()).isTrue();
        try (ServerSocket s = new ServerSocket(Integer.parseInt(port.group(1)), 1, InetAddress.getLoopbackAddress())) {
            assertThat(s.isBound()).as("the demo's emulator port is free again").isTrue();
        }
    }
}
