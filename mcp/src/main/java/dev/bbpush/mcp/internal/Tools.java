package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.mcp.McpServerSettings;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's tools: names (stable), descriptions, input schemas (resources {@code dev/bbpush/mcp/schemas/*.json})
 * and handlers, turned into MCP SDK tool specifications. Every call answers with a structured result (the JSON
 * object, also as text for hosts that show only text); a failure is a tool error ({@code isError: true}) built by
 * {@link Failures}, never a protocol error. Calls run concurrently; {@link #awaitIdle} waits for running ones.
 */
public final class Tools implements AutoCloseable {
    /** The tool names, in the order {@code tools/list} gives them. */
    public static final List<String> NAMES = List.of(
            "push_files", "push_directory", "plan", "auth_status", "auth_doctor", "read_file", "list_directory");

    private static final ObjectMapper JSON = new ObjectMapper();

    private interface Handler {
        ObjectNode call(Arguments arguments, Call call);
    }

    private record Definition(
            String name,
            String title,
            String description,
            boolean readOnly,
            boolean destructive,
            Handler handler,
            String schema,
            Set<String> properties) {
        Definition(
                String name, String title, String description, boolean readOnly, boolean destructive, Handler handler) {
            this(
                    name,
                    title,
                    description,
                    readOnly,
                    destructive,
                    handler,
                    Tools.schema(name),
                    Tools.properties(Tools.schema(name)));
        }
    }

    private final Connection connection;
    private final WritePolicy policy;
    private final Failures failures;
    private final List<Definition> definitions;
    private final AtomicInteger running = new AtomicInteger();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Object idle = new Object();

    public Tools(McpServerSettings settings) {
        this.connection = new Connection(settings.environment());
        this.policy = new WritePolicy(settings);
        this.failures = new Failures(connection);
        PushTools push = new PushTools(connection, policy, settings);
        AuthTools auth = new AuthTools(connection, policy);
        SourceTools source = new SourceTools(connection);
        this.definitions = List.of(
                new Definition(
                        "push_files",
                        "Push files",
                        "Commit inline files (text or base64, optional executable bit) and deletions to a Bitbucket Cloud branch "
                                + "as one commit, exactly once, and optionally open or reuse a pull request. Only changed files are "
                                + "sent; a push that changes nothing makes no commit. Secrets and Terraform state block the push "
                                + "(the findings come back masked). Needs the server's --allow-repo for the repository.",
                        false,
                        true,
                        push::pushFiles),
                new Definition(
                        "push_directory",
                        "Push a local directory",
                        "Commit the contents of a local directory (on the server's machine, below its --root) under a "
                                + "repository prefix, like 'bbpush push DIR --to PREFIX': Terraform profile (state, plans, "
                                + ".terraform/ left out), include/exclude patterns, .bbpushignore, and mirror deletes with 'delete'. Same safety checks, "
                                + "exactly-once commit and pull request handling as push_files.",
                        false,
                        true,
                        push::pushDirectory),
                new Definition(
                        "plan",
                        "Plan a push",
                        "What a push would change (added, modified, deleted, unchanged) against the branch head, without "
                                + "committing: inline files like push_files, or a local directory like push_directory. Reads only.",
                        true,
                        false,
                        push::plan),
                new Definition(
                        "auth_status",
                        "Credential status",
                        "Which credential the server uses (kind, source, masked secret), every credential source's outcome, what "
                                + "Bitbucket reports (account, credential type, scopes) and, per repository, whether push and pull "
                                + "requests would work; also what this server may write (allow-list, read-only).",
                        true,
                        false,
                        auth::status),
                new Definition(
                        "auth_doctor",
                        "Diagnose the credential",
                        "Explain why Bitbucket refuses (or would refuse) the server's credential: a stable cause id (e.g. "
                                + "api-token-needs-email, missing-scopes), a summary, the exact fix and the evidence. At most 8 GET "
                                + "requests; nothing is changed.",
                        true,
                        false,
                        auth::doctor),
                new Definition(
                        "read_file",
                        "Read a file",
                        "Read one file on a branch (default: the main branch): UTF-8 text as is, other bytes as base64. Up to "
                                + SourceTools.MAX_FILE_BYTES + " bytes.",
                        true,
                        false,
                        source::readFile),
                new Definition(
                        "list_directory",
                        "List a directory",
                        "List a directory on a branch (default: the main branch, the root), optionally several levels deep: "
                                + "paths, file sizes and modes.",
                        true,
                        false,
                        source::listDirectory));
    }

    /** The SDK specifications of every tool, handlers included. */
    public List<SyncToolSpecification> specifications(McpJsonMapper mapper) {
        return definitions.stream()
                .map(d -> SyncToolSpecification.builder()
                        .tool(McpSchema.Tool.builder()
                                .name(d.name())
                                .title(d.title())
                                .description(d.description())
                                .inputSchema(mapper, d.schema())
                                .annotations(new McpSchema.ToolAnnotations(
                                        d.title(), d.readOnly(), d.destructive(), true, true, null))
                                .build())
                        .callHandler((exchange, request) -> call(d, request.arguments()))
                        .build())
                .toList();
    }

    /** Text for the agent about this server: what it is for and what it may write. */
    public String instructions() {
        return "bbpush commits files (mostly Terraform) into Bitbucket Cloud through the REST API as one commit, exactly "
                + "once, and explains refused credentials. Look before you write (read_file, list_directory, plan); push "
                + "with push_files or push_directory; on an error, read 'cause' and 'fix'. This server's write policy: "
                + policy.describe() + ".";
    }

    private CallToolResult call(Definition d, Map<String, Object> arguments) {
        running.incrementAndGet();
        Call call = new Call(d.name());
        inFlight.add(call);
        try {
            Arguments args = Arguments.of(d.name(), arguments, d.properties());
            return result(d.handler().call(args, call), false);
        } catch (RuntimeException e) {
            return result(failures.toJson(e, call.repository(), call.operations()), true);
        } finally {
            inFlight.remove(call);
            if (running.decrementAndGet() == 0) {
                synchronized (idle) {
                    idle.notifyAll();
                }
            }
        }
    }

    private static CallToolResult result(ObjectNode json, boolean error) {
        String text;
        try {
            text = JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (error) {
            text = json.path("cause").asText() + ": " + json.path("summary").asText() + "\nFix: "
                    + json.path("fix").asText() + "\n" + text;
        }
        return CallToolResult.builder()
                .structuredContent(JSON.convertValue(json, Map.class))
                .addTextContent(text)
                .isError(error)
                .build();
    }

    /**
     * Waits until no call runs, at most {@code millis} (the transport drops answers once the client hung up, but a push
     * that started should still end as a whole, not be cut by the process exit).
     *
     * @return the calls still running when the time ran out (e.g. {@code push_files on acme/infra, branch 'main',
     *     commit request sent}), empty when every call finished
     */
    public List<String> awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (idle) {
            while (running.get() > 0) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return inFlight.stream().map(Call::describe).sorted().toList();
                }
                idle.wait(left);
            }
        }
        return List.of();
    }

    @Override
    public void close() {
        connection.close();
    }

    /** The required {@code repository} argument. */
    static RepositoryRef repository(Arguments a) {
        return parseRepository(a, "repository", a.requiredString("repository", "\"acme/infra\""));
    }

    static RepositoryRef parseRepository(Arguments a, String name, String value) {
        try {
            return RepositoryRef.parse(value);
        } catch (IllegalArgumentException e) {
            throw a.invalid("'" + a.where(name) + "' must be WORKSPACE/REPO", "Pass e.g. \"acme/infra\".");
        }
    }

    /** The top-level property names of an input schema. */
    private static Set<String> properties(String schema) {
        try {
            Set<String> names = new LinkedHashSet<>();
            JSON.readTree(schema).path("properties").fieldNames().forEachRemaining(names::add);
            return names;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tool's input schema (JSON Schema), from the resources. */
    static String schema(String tool) {
        String resource = "/dev/bbpush/mcp/schemas/" + tool + ".json";
        try (InputStream in = Tools.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
