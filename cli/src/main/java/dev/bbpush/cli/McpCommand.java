package dev.bbpush.cli;

import dev.bbpush.mcp.BbpushMcpServer;
import dev.bbpush.mcp.McpServerSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush mcp}: the MCP server ({@link BbpushMcpServer}) on standard input and output, for AI agents. Only
 * wiring: the options become {@link McpServerSettings}; the server is a library piece of the {@code mcp} module.
 */
@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Run an MCP (Model Context Protocol) server on standard input/output, so AI agents can push files, plan,",
            "read a branch and diagnose the credential. Tools: push_files, push_directory, plan, auth_status,",
            "auth_doctor, read_file, list_directory (docs/mcp.md). Standard output carries only protocol messages;",
            "logs go to standard error. Nothing is writable unless --allow-repo names it; read tools always work.",
            "No local directory is readable (push_directory, plan) unless --root names it or a parent.",
            "Credentials: the environment (BBPUSH_EMAIL + BBPUSH_API_TOKEN, BBPUSH_ACCESS_TOKEN, ...) or the config",
            "file; never a tool argument. Ends when the client closes standard input."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the client disconnected", "1:unexpected failure", "2:bad usage"})
public final class McpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--allow-repo",
            paramLabel = "WORKSPACE/REPO[:BRANCH-GLOB]",
            description = "Let the server push to this repository, optionally only to branches matching the glob "
                    + "(* matches anything), e.g. acme/infra or 'acme/infra:bbpush/*'. Repeatable. Default: none.")
    List<String> allowRepos = new ArrayList<>();

    @Option(names = "--read-only", description = "Refuse every push, whatever --allow-repo says.")
    boolean readOnly;

    @Option(
            names = "--allow",
            paramLabel = "RULE:PATH",
            description = "Allow one safety rule for one repository path in every push, like 'bbpush push --allow' "
                    + "(repeatable).")
    List<String> allows = new ArrayList<>();

    @Option(
            names = "--root",
            paramLabel = "DIR",
            description = "A local directory push_directory and plan may read below (repeatable); relative directories "
                    + "start at the first. Default: none, so no local directory is readable.")
    List<Path> roots = new ArrayList<>();

    @Option(
            names = "--conflict-timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long a push keeps retrying while other writers' commits on other paths keep moving the "
                    + "branch, e.g. 90s, 5m, PT2M; 0 = no retry (the tool then answers branch-busy). Default: 2m.")
    Duration conflictTimeout;

    @Override
    public Integer call() throws InterruptedException {
        McpServerSettings settings = settings();
        // Standard output is the protocol: the SDK's stdio transport is given the real stream explicitly (it never uses
        // System.out itself). The global redirect stays on purpose, an exception to STYLE.md's "no System.setOut": this
        // process's stdout is a JSON-RPC channel, and one stray line from any dependency printing to System.out would
        // break the framing and make the host drop the server. Sent to standard error instead, it is only a log line.
        // Scoped to this command's run and undone in finally.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        try (BbpushMcpServer server = new BbpushMcpServer(settings)) {
            server.serve(CliContext.of(spec).stdin(), protocol);
        } finally {
            System.setOut(protocol);
        }
        return ExitCode.OK.code();
    }

    private McpServerSettings settings() {
        McpServerSettings.Builder b = McpServerSettings.builder()
                .environment(CliContext.of(spec).env())
                .readOnly(readOnly);
        try {
            allowRepos.forEach(b::allowRepository);
            for (String a : allows) {
                int colon = a.indexOf(':');
                if (colon <= 0 || colon == a.length() - 1) {
                    throw new IllegalArgumentException(
                            "--allow takes RULE:PATH (one rule for one repository path), e.g. "
                                    + "--allow tfvars-password:live/test.tfvars; got '" + a + "'");
                }
                b.allow(a.substring(0, colon), a.substring(colon + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        roots.forEach(b::root);
        if (conflictTimeout != null) {
            b.conflictTimeout(conflictTimeout);
        }
        return b.build();
    }
}
