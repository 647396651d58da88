package dev.bbpush.cli;

import dev.bbpush.client.commit.InvalidChangeSetException;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.error.TransportException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one mapping from exceptions to {@link ExitCode}s, and the picocli handler that applies it: a failure prints
 * {@code bbpush: <message>} (messages say what, why and the fix, and never hold secrets); the stack trace only with
 * {@code --verbose}.
 */
public final class ExitCodes {
  private ExitCodes() {}

  /** The exit code for an exception a command let escape. */
  public static ExitCode of(Throwable t) {
    if (t instanceof CommandLine.ParameterException || t instanceof IllegalArgumentException
        || t instanceof InvalidChangeSetException) {
      return ExitCode.USAGE;
    }
    if (t instanceof NoCredentialsException || t instanceof AuthenticationException
        || t instanceof AccessDeniedException || t instanceof NotFoundException) {
      return ExitCode.AUTH;
    }
    if (t instanceof ConflictException) {
      return ExitCode.CONFLICT;
    }
    if (t instanceof RateLimitedException || t instanceof TransportException || t instanceof ServerErrorException) {
      return ExitCode.NETWORK;
    }
    return ExitCode.UNEXPECTED;
  }

  /** Prints an escaped exception and maps it with {@link #of(Throwable)}. */
  static final class Handler implements CommandLine.IExecutionExceptionHandler {
    private final boolean verbose;

    Handler(boolean verbose) {
      this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
      PrintWriter err = cl.getErr();
      String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      err.println("bbpush: " + message);
      if (verbose) {
        ex.printStackTrace(err);
      } else if (of(ex) == ExitCode.UNEXPECTED) {
        err.println("(run with --verbose for the stack trace)");
      }
      err.flush();
      return of(ex).code();
    }
  }
}
