package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.TransportException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("boom went the command");
    }
  }

  private static String run(boolean verbose, int[] code) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Boom());
    cl.setErr(new PrintWriter(err, true));
    cl.setExecutionExceptionHandler(new ExitCodes.Handler(verbose));
    code[0] = cl.execute();
    return err.toString();
  }

  @Test
  void mapsEachFailureFamilyToItsDocumentedCode() {
    assertThat(ExitCodes.of(new IllegalArgumentException("x"))).isEqualTo(ExitCode.USAGE);
    assertThat(ExitCodes.of(new NoCredentialsException("x"))).isEqualTo(ExitCode.AUTH);
    assertThat(ExitCodes.of(new TransportException("x", "GET", URI.create("http://127.0.0.1/"), false, 1, null)))
        .isEqualTo(ExitCode.NETWORK);
    assertThat(ExitCodes.of(new IllegalStateException("x"))).isEqualTo(ExitCode.UNEXPECTED);
  }

  @Test
  void unexpectedFailurePrintsTheMessageAndNoStackTraceWithoutVerbose() {
    int[] code = new int[1];
    String err = run(false, code);

    assertThat(code[0]).isEqualTo(1);
    assertThat(err).contains("bbpush: boom went the command").contains("--verbose").doesNotContain("\tat ");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    int[] code = new int[1];
    String err = run(true, code);

    assertThat(err).contains("bbpush: boom went the command").contains("\tat ");
  }

  @Test
  void verboseIsAcceptedOnSubcommands() {
    CliRun r = CliRun.run(java.util.Map.of(), "auth", "doctor", "--verbose", "--repo", "bad");

    assertThat(r.code()).isEqualTo(2);
  }
}
