package dev.bbpush.cli;

import dev.bbpush.client.auth.Environment;
import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command may read from the outside world besides its arguments: the environment and standard input. Injected
 * through {@link Main#run(String[], java.io.PrintWriter, java.io.PrintWriter, Environment, InputStream)} so tests run
 * commands with a fixed environment and stdin; output goes through {@code spec.commandLine().getOut()/getErr()}.
 *
 * @param env the environment (credentials, settings, home directory)
 * @param stdin standard input (read only for {@code --token-stdin})
 */
public record CliContext(Environment env, InputStream stdin) {
  public CliContext {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(stdin, "stdin");
  }

  /** The context of the running {@code bbpush} command line, from any (sub)command's spec. */
  public static CliContext of(CommandSpec spec) {
    Object root = spec.root().userObject();
    if (root instanceof Main main) {
      return main.context();
    }
    return new CliContext(Environment.system(), System.in);
  }
}
