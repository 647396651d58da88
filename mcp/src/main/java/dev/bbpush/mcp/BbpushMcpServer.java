package dev.bbpush.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.internal.BbpushVersion;
import dev.bbpush.mcp.internal.Tools;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bbpush MCP server: the tools {@code push_files}, {@code push_directory}, {@code plan}, {@code auth_status},
 * {@code auth_doctor}, {@code read_file} and {@code list_directory} over the stdio transport of the official MCP Java
 * SDK (newline-delimited JSON-RPC). The output stream carries only protocol messages; logs go through SLF4J (to
 * standard error with the CLI's binding).
 *
 * <pre>{@code
 * McpServerSettings settings = McpServerSettings.builder().allowRepository("acme/infra").build();
 * try (BbpushMcpServer server = new BbpushMcpServer(settings)) {
 *   server.serve(System.in, System.out); // returns when the client closes its end
 * }
 * }</pre>
 *
 * <p>Credentials come from {@link McpServerSettings#environment()} only (variables, then the config file), never from
 * tool arguments; answers show them masked. Tool calls run concurrently; the library they call is thread-safe and a
 * push is exactly-once, so two agents (or two calls) pushing to one branch both land or get a {@code conflict}.
 */
public final class BbpushMcpServer implements AutoCloseable {
    /** The tool names, stable across releases. */
    public static final List<String> TOOL_NAMES = Tools.NAMES;

    private static final Logger LOG = LoggerFactory.getLogger(BbpushMcpServer.class);

    /** How long a server whose client hung up waits for running tool calls (a push) to finish. */
    private static final Duration DRAIN = Duration.ofSeconds(60);

    private final McpServerSettings settings;
    private final Tools tools;
    private final Duration drain;

    public BbpushMcpServer(McpServerSettings settings) {
        this(settings, DRAIN);
    }

    /** With another drain time than 60 s (tests of the shutdown). */
    BbpushMcpServer(McpServerSettings settings, Duration drain) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tools = new Tools(settings);
        this.drain = Objects.requireNonNull(drain, "drain");
    }

    /**
     * Serves one client over {@code in}/{@code out} (a process's stdin and stdout) until the client closes {@code in};
     * then waits (60 s at most) for running tool calls to finish and returns. A call still running then is logged
     * (warning: tool, repository, branch, how far the push got), since its outcome is unknown. Writes nothing to {@code out} but
     * protocol messages.
     *
     * @throws InterruptedException if the calling thread is interrupted while serving
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        EndAware input = new EndAware(Objects.requireNonNull(in, "in"));
        McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());
        StdioServerTransportProvider transport =
                new StdioServerTransportProvider(json, input, Objects.requireNonNull(out, "out"));
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("bbpush", BbpushVersion.get())
                .instructions(tools.instructions())
                .jsonMapper(json)
                // The tools check their own arguments: their errors carry a cause id and the fix, the SDK's would not.
                .validateToolInputs(false)
                .jsonSchemaValidator(new NoRuntimeSchemaValidation())
                .capabilities(
                        McpSchema.ServerCapabilities.builder().tools(false).build())
                .tools(tools.specifications(json))
                .build();
        try {
            input.ended.await();
            for (String call : tools.awaitIdle(drain.toMillis())) {
                LOG.warn(
                        "The client hung up and this call did not finish within {} ms; the server stops anyway, so its "
                                + "outcome is unknown: {}. Read the branch to see whether the commit landed; pushing the same files "
                                + "again is safe (a commit that landed shows as unchanged).",
                        drain.toMillis(),
                        call);
            }
        } finally {
            server.closeGracefully();
        }
    }

    public McpServerSettings settings() {
        return settings;
    }

    /** Closes the connection pool to Bitbucket. */
    @Override
    public void close() {
        tools.close();
    }

    /**
     * The SDK wants a JSON Schema validator for tool arguments and structured output. The server needs none at run
     * time: the tools check their arguments themselves (errors with a cause id and the fix), declare no output schema,
     * and their input schemas are checked against the JSON Schema meta-schema by the build (ToolSchemasTest).
     * Leaving the SDK's default (networknt) out keeps ~200 classes and a meta-schema parse off the start-up path.
     */
    private static final class NoRuntimeSchemaValidation implements JsonSchemaValidator {
        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
            throw new IllegalStateException("bbpush's tools validate their own arguments and declare no output schema");
        }
    }

    /** Counts down when the client closes its end (end of stream or a read failure). */
    private static final class EndAware extends FilterInputStream {
        final CountDownLatch ended = new CountDownLatch(1);

        EndAware(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            return check(guard(super::read));
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return check(guard(() -> super.read(b, off, len)));
        }

        private interface Read {
            int read() throws IOException;
        }

        private int guard(Read r) throws IOException {
            try {
                return r.read();
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        private int check(int n) {
            if (n == -1) {
                ended.countDown();
            }
            return n;
        }
    }
}
