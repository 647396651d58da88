package dev.bbpush.cli;

import dev.bbpush.client.auth.Environment;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code bbpush} command. Each subcommand is one class; this class only wires them. */
@Command(
        name = "bbpush",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Commit files (mostly Terraform) into Bitbucket Cloud as one commit, open a pull request, and explain"
                        + " why Bitbucket refuses a credential.",
        subcommands = {
            CommandLine.HelpCommand.class,
            PushCommand.class,
            AuthCommand.class,
            EmulatorCommand.class,
            DemoCommand.class,
            McpCommand.class
        })
public final class Main {
    @Option(
            names = "--verbose",
            scope = ScopeType.INHERIT,
            description = "Show the stack trace of an unexpected failure.")
    boolean verbose;

    private final CliContext context;

    /** A bbpush command line on the process environment and stdin. */
    public Main() {
        this(new CliContext(Environment.system(), System.in, System.console() != null));
    }

    Main(CliContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The environment and stdin commands read (see {@link CliContext#of}). */
    CliContext context() {
        return context;
    }

    /** Runs bbpush with the process environment and stdin; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new CliContext(Environment.system(), System.in, System.console() != null));
    }

    /**
     * Runs bbpush and returns the exit code ({@link ExitCode}); {@link #main} only adds {@code System.exit}. Tests pass
     * a fixed environment and stdin.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Environment env, InputStream stdin) {
        return run(args, out, err, new CliContext(env, stdin));
    }

    /** Runs bbpush in a given context (e.g. {@code bbpush demo} running {@code push} with the emulator's credentials). */
    static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
        CommandLine cl = new CommandLine(new Main(context));
        cl.setOut(out);
        cl.setErr(err);
        // Usage errors are 2 (picocli's default, = ExitCode.USAGE); escaped exceptions map in ExitCodes, in one place.
        cl.setExecutionExceptionHandler(
                new ExitCodes.Handler(Arrays.asList(args).contains("--verbose")));
        return cl.execute(args);
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default (Java 17 uses the locale's): output has ✓, ✗ and ….
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // Same output as picocli's version help, without building the command tree: building it loads ~200 picocli
            // classes, which cannot come from a CDS archive (class file v49), and costs about half of a cold
            // `bbpush --version` (docs/benchmarks.md). MainTest checks both paths print the same.
            printVersion(out);
            out.flush();
            System.exit(0);
            return;
        }
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Prints what {@code bbpush --version} prints (the lines of {@link Version}). */
    static void printVersion(PrintWriter out) {
        for (String line : new Version().getVersion()) {
            out.println(line);
        }
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"bbpush " + (v == null ? "dev" : v)};
        }
    }
}
