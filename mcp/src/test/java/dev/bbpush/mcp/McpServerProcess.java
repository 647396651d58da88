package dev.bbpush.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bbpush MCP server in a child JVM ({@link McpServerMain}), driven through the MCP Java SDK's own client over stdio:
 * the way an MCP host runs it. The child gets only the environment given here (plus PATH), so no credential of the
 * machine leaks in; its standard error is collected for assertions.
 */
final class McpServerProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Every secret of the emulator's demo world: none may appear in any answer or log. */
    static final List<String> SECRET_NAMES = List.of(
            "rahul-api-token",
            "rahul-write-only-token",
            "rahul-expired-token",
            "rahul-unscoped-token",
            "rahul-app-password",
            "rahul-account-password",
            "alex-api-token",
            "infra-repo-token",
            "acme-workspace-token",
            "acme-agent");

    static final String EMAIL = "rahul@acme.example";

    private final McpSyncClient client;
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private McpServerProcess(Map<String, String> env, List<String> flags) {
        List<String> args = new ArrayList<>(List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                McpServerMain.class.getName()));
        args.addAll(flags);
        ServerParameters params = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args(args)
                .env(env)
                .build();
        StdioClientTransport transport =
                new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper())) {
                    @Override
                    protected ProcessBuilder getProcessBuilder() {
                        ProcessBuilder pb = new ProcessBuilder();
                        String path = pb.environment().get("PATH");
                        pb.environment().clear();
                        pb.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
                        return pb;
                    }
                };
        transport.setStdErrorHandler(stderr::add);
        client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
    }

    /** A server with {@code flags} and exactly {@code env} (HOME defaults to a directory without a config file). */
    static McpServerProcess start(Map<String, String> env, String... flags) {
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", "/nonexistent-bbpush-test-home");
        return new McpServerProcess(e, List.of(flags));
    }

    /** The demo world's user Rahul with his API token and account email. */
    static Map<String, String> rahul(Emulator bb, String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("BBPUSH_API_URL", bb.apiUrl());
        m.put("BBPUSH_EMAIL", EMAIL);
        m.put("BBPUSH_API_TOKEN", bb.secret("rahul-api-token"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    McpSyncClient client() {
        return client;
    }

    /** Calls a tool; the answer is checked for secrets before it is returned. */
    Answer call(Emulator bb, String tool, Map<String, Object> arguments) {
        CallToolResult r = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        Answer a = new Answer(r, JSON.valueToTree(r.structuredContent()), text(r));
        assertNoSecret(bb, a.text() + JSON.valueToTree(r).toString());
        return a;
    }

    /** What the server wrote on standard error so far. */
    String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    static void assertNoSecret(Emulator bb, String s) {
        for (String name : SECRET_NAMES) {
            assertThat(s).as("no secret (%s) in the output", name).doesNotContain(bb.secret(name));
        }
    }

    private static String text(CallToolResult r) {
        StringBuilder sb = new StringBuilder();
        for (McpSchema.Content c : r.content()) {
            if (c instanceof McpSchema.TextContent t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** One tool answer: the raw result, its structured content and its text. */
    record Answer(CallToolResult result, JsonNode json, String text) {
        boolean isError() {
            return Boolean.TRUE.equals(result.isError());
        }
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
