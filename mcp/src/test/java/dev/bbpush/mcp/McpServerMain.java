package dev.bbpush.mcp;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The library server as a process, for tests that drive it over stdio with a real MCP client: the same settings as
 * {@code bbpush mcp}'s options ({@code --allow-repo}, {@code --read-only}, {@code --allow RULE:PATH}, {@code --root
 * DIR}, {@code --conflict-timeout} in ISO-8601), plus {@code --drain} (ISO-8601, the shutdown wait); the process
 * environment for credentials, stdout for the protocol only.
 */
public final class McpServerMain {
    private McpServerMain() {}

    public static void main(String[] args) throws Exception {
        McpServerSettings.Builder b = McpServerSettings.builder();
        Duration drain = Duration.ofSeconds(60);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--allow-repo" -> b.allowRepository(args[++i]);
                case "--read-only" -> b.readOnly(true);
                case "--allow" -> {
                    String[] rulePath = args[++i].split(":", 2);
                    b.allow(rulePath[0], rulePath[1]);
                }
                case "--root" -> b.root(Path.of(args[++i]));
                case "--conflict-timeout" -> b.conflictTimeout(Duration.parse(args[++i]));
                case "--drain" -> drain = Duration.parse(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try (BbpushMcpServer server = new BbpushMcpServer(b.build(), drain)) {
            server.serve(System.in, protocol);
        }
    }
}
