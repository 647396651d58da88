package dev.bbpush.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code bbpush} command. Each subcommand is one class; this class only wires them. */
@Command(
    name = "bbpush",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Commit files into Bitbucket Cloud over REST, and explain why Bitbucket refuses a credential.",
    subcommands = {CommandLine.HelpCommand.class, EmulatorCommand.class})
public final class Main {

  /** Runs bbpush and returns the exit code; {@link #main} only adds {@code System.exit}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    // picocli's defaults already match ExitCode: 2 for invalid input, 1 for an unexpected exception.
    return cl.execute(args);
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
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
