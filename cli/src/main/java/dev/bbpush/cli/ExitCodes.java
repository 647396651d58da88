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
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.PushConflictException;
import dev.bbpush.client.push.PushOutcomeUnknownException;
import dev.bbpush.client.push.PushRefusedException;
import dev.bbpush.client.push.SafetyBlockedException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one mapping from exceptions to {@link ExitCode}s, and the picocli handler that applies it: a failure prints
 * {@code bbpush: <message>} (messages say what, why and the fix, and never hold secrets); the stack trace only with
 * {@code --verbose}.
 */
public final class ExitCodes {
  private ExitCodes() {}

  /**
   * The exit code for a failure (documented in docs/cli.md, "Exit codes"):
   *
   * <ul>
   *   <li>2 usage: bad options, invalid input files or patterns ({@link InvalidChangeSetException}), values a builder
   *       refuses ({@link IllegalArgumentException}), and a push that cannot be done as asked ({@link
   *       PushRefusedException}: e.g. the base branch does not exist);
   *   <li>3 auth: no credential, or Bitbucket refused it (401, 403 incl. missing scopes, 404: Bitbucket answers 404
   *       for a repository the credential may not see);
   *   <li>4 conflict: the branch moved and the other change overlaps ours ({@link PushConflictException}, 409);
   *   <li>5 blocked: a safety check refused to send a file ({@link SafetyBlockedException});
   *   <li>6 network: no answer, retries exhausted, rate-limited or 5xx, and {@link PushOutcomeUnknownException}
   *       (the commit request got no answer and the branch could not be read: running the same push again is safe);
   *   <li>a {@link PullRequestFailedException} (the push landed, the pull request failed) maps as its cause;
   *   <li>1 anything else.
   * </ul>
   */
  public static ExitCode of(Throwable t) {
    if (t instanceof PullRequestFailedException && t.getCause() != null) {
      return of(t.getCause());
    }
    if (t instanceof CommandLine.ParameterException || t instanceof IllegalArgumentException
        || t instanceof InvalidChangeSetException || t instanceof PushRefusedException) {
      return ExitCode.USAGE;
    }
    if (t instanceof NoCredentialsException || t instanceof AuthenticationException
        || t instanceof AccessDeniedException || t instanceof NotFoundException) {
      return ExitCode.AUTH;
    }
    if (t instanceof ConflictException || t instanceof PushConflictException) {
      return ExitCode.CONFLICT;
    }
    if (t instanceof SafetyBlockedException) {
      return ExitCode.BLOCKED;
    }
    if (t instanceof RateLimitedException || t instanceof TransportException || t instanceof ServerErrorException
        || t instanceof PushOutcomeUnknownException) {
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
