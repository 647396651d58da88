package dev.bbpush.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.emulator.Emulator;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code bbpush demo --mcp}: {@code bbpush mcp} as an AI agent's host runs it. The real server is started as a child
 * process (this same bbpush, {@code mcp --allow-repo acme/infra}) with the embedded emulator's credentials in its
 * environment, and driven through the MCP Java SDK's client over stdio: list the tools, check the credential, plan,
 * push with a pull request, push again (nothing to commit), and two refusals (a repository not on the allow-list, a
 * secret). Each answer is shown as the agent receives it (the key fields of the structured result).
 */
final class McpDemo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BRANCH = "bbpush/mcp-demo";

    /** One tool call: what it shows, the tool, its arguments, and what the answer must look like. */
    private record Step(String title, String tool, Map<String, Object> arguments, Predicate<JsonNode> expected) {}

    private final PrintWriter out;
    private final PrintWriter err;

    McpDemo(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    int run(Emulator bb, Path work) {
        String token = bb.secret("rahul-api-token");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BBPUSH_API_URL", bb.apiUrl());
        env.put("BBPUSH_EMAIL", DemoCommand.EMAIL);
        env.put("BBPUSH_API_TOKEN", token);
        env.put("HOME", work.toString()); // no user config file: the demo's credentials only
        List<String> args = List.of(
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "mcp",
                "--allow-repo",
                "acme/infra");

        out.println(
                "bbpush demo --mcp: a local Bitbucket Cloud emulator (world 'demo') is listening on " + bb.baseUrl());
        out.println("An MCP client (the MCP Java SDK's, as in an agent's host) starts the server over stdio:");
        out.println("  command: bbpush mcp --allow-repo acme/infra");
        out.println("  env:     BBPUSH_API_URL=" + bb.apiUrl() + " BBPUSH_EMAIL=" + DemoCommand.EMAIL
                + " BBPUSH_API_TOKEN=" + Secret.mask(token));
        out.flush();

        List<String> serverLog = Collections.synchronizedList(new ArrayList<>());
        ServerParameters params = ServerParameters.builder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args(args)
                .env(env)
                .build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(JSON));
        transport.setStdErrorHandler(serverLog::add);
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        try {
            client.initialize();
            out.println();
            out.println("== 1. tools/list");
            client.listTools().tools().forEach(t -> out.println("  " + t.name() + ": " + t.title()));
            int n = 1;
            for (Step step : steps()) {
                n++;
                out.println();
                out.println("== " + n + ". " + step.title());
                out.println("→ " + step.tool() + " " + JSON.writeValueAsString(step.arguments()));
                McpSchema.CallToolResult r =
                        client.callTool(new McpSchema.CallToolRequest(step.tool(), step.arguments()));
                JsonNode answer = JSON.valueToTree(r.structuredContent());
                out.println("← " + (Boolean.TRUE.equals(r.isError()) ? "isError: true, " : "") + brief(answer));
                out.flush();
                if (!step.expected().test(answer)) {
                    err.println("bbpush demo --mcp: step " + n
                            + " answered differently than expected. Please report this with the output above.");
                    serverLog.forEach(err::println);
                    err.flush();
                    return ExitCode.UNEXPECTED.code();
                }
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            err.println("bbpush demo --mcp: the MCP session failed: " + e.getMessage());
            serverLog.forEach(err::println);
            err.flush();
            return ExitCode.UNEXPECTED.code();
        } finally {
            client.closeGracefully();
        }
    }

    private List<Step> steps() {
        Map<String, Object> module = args(
                "path",
                "live/network/main.tf",
                "text",
                "resource \"aws_vpc\" \"main\" {\n  cidr_block = \"10.0.0.0/16\"\n}\n");
        Map<String, Object> vars = args(
                "path", "live/network/variables.tf", "text", "variable \"region\" {\n  default = \"eu-west-1\"\n}\n");
        Map<String, Object> push = args(
                "repository",
                "acme/infra",
                "branch",
                BRANCH,
                "message",
                "Add the network module",
                "files",
                List.of(module, vars),
                "pullRequest",
                args("title", "Add the network module", "description", "Pushed by an agent through bbpush mcp."));
        return List.of(
                new Step(
                        "auth_status: which credential the server uses (masked) and what it may write",
                        "auth_status",
                        args("repositories", List.of("acme/infra")),
                        a -> a.path("ok").asBoolean()),
                new Step(
                        "plan: what the push would change; nothing is written",
                        "plan",
                        args("repository", "acme/infra", "branch", BRANCH, "files", List.of(module, vars)),
                        a -> "dry-run".equals(a.path("status").asText())),
                new Step(
                        "push_files to a new branch, with a pull request",
                        "push_files",
                        push,
                        a -> "committed".equals(a.path("status").asText())),
                new Step(
                        "push_files again: nothing to commit, the pull request is reused",
                        "push_files",
                        push,
                        a -> "unchanged".equals(a.path("status").asText())),
                new Step(
                        "A repository the server was not allowed to write: refused, with the flag to add",
                        "push_files",
                        args("repository", "acme/website", "message", "m", "files", List.of(module)),
                        a -> "repository-not-writable".equals(a.path("cause").asText())),
                new Step(
                        "A file holding a secret (a generated, fake AWS key): blocked before anything is sent; the finding comes back masked",
                        "push_files",
                        args(
                                "repository",
                                "acme/infra",
                                "branch",
                                BRANCH,
                                "message",
                                "Add credentials",
                                "files",
                                List.of(args(
                                        "path",
                                        "live/aws.tf",
                                        "text",
                                        "provider \"aws\" {\n  access_key = \"" + awsKeyId() + "\"\n}\n"))),
                        a -> "safety-blocked".equals(a.path("cause").asText())));
    }

    /** Arguments in the order given (so the demo prints them as written). */
    private static Map<String, Object> args(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The fields an agent acts on: status and changes of a push, cause/summary/fix of an error, and so on. */
    private static String brief(JsonNode a) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (String f : List.of("status", "cause", "commit", "branch", "changes", "ok", "credential", "server")) {
            if (a.has(f) && !a.get(f).isNull()) {
                b.put(f, a.get(f));
            }
        }
        if (a.path("pullRequest").isObject()) {
            b.put(
                    "pullRequest",
                    Map.of(
                            "id",
                            a.path("pullRequest").path("id"),
                            "outcome",
                            a.path("pullRequest").path("outcome")));
        }
        for (String f : List.of("summary", "fix")) {
            if (a.has(f)) {
                b.put(f, a.get(f));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(b).replace("\n", "\n  ");
        } catch (Exception e) {
            return a.toString();
        }
    }

    /** An AWS access key id of the right shape, random (not a real key, and no key-looking literal in the source). */
    private static String awsKeyId() {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder keyId = new StringBuilder("AK").append("IA");
        for (int i = 0; i < 16; i++) {
            keyId.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return keyId.toString();
    }
}
