package dev.bbpush.cli;

import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.changes.InvalidChangeSetException;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.diagnose.AuthStatus;
import dev.bbpush.client.diagnose.Cause;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Evidence;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.push.BranchBusyException;
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.PushConflictException;
import dev.bbpush.client.push.PushInterruptedException;
import dev.bbpush.client.push.PushOutcomeUnknownException;
import dev.bbpush.client.push.PushRefusedException;
import dev.bbpush.client.push.SafetyBlockedException;
import dev.bbpush.client.push.UnexplainedConflictException;
import java.io.PrintWriter;
import java.util.List;
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
     *   <li>2 usage: bad options (picocli's {@link CommandLine.ParameterException}, our {@link UsageException}, which
     *       also carries option values a library builder refused), invalid input files or patterns ({@link
     *       InvalidChangeSetException}), a local input that cannot be read or changed while pushing ({@link
     *       LocalContentException}, naming the file), and a push that cannot be done as asked ({@link
     *       PushRefusedException}: e.g. the base branch does not exist). An {@link IllegalArgumentException} that
     *       escapes a command is a bug, not a usage error: 1;
     *   <li>3 auth: no credential, or Bitbucket refused it (401, 403 incl. missing scopes, 404: Bitbucket answers 404
     *       for a repository the credential may not see);
     *   <li>4 conflict: the branch moved and the other change overlaps ours ({@link PushConflictException}, 409);
     *   <li>5 blocked: a safety check refused to send a file ({@link SafetyBlockedException});
     *   <li>6 network: no answer, retries exhausted, rate-limited or 5xx, {@link PushOutcomeUnknownException}
     *       (the commit request got no answer and the branch could not be read: running the same push again is safe),
     *       and {@link BranchBusyException} (the branch kept moving on other paths for the whole conflict budget: not a
     *       conflict, retries exhausted; running the same push again is safe), and {@link PushInterruptedException}
     *       (interrupted while waiting to retry the commit; running the same push again is safe), and {@link
     *       UnexplainedConflictException} (409s in a row although the branch did not move: not an overlap);
     *   <li>a {@link PullRequestFailedException} (the push landed, the pull request failed) maps as its cause;
     *   <li>1 anything else.
     * </ul>
     */
    public static ExitCode of(Throwable t) {
        if (t instanceof PullRequestFailedException && t.getCause() != null) {
            return of(t.getCause());
        }
        if (t instanceof CommandLine.ParameterException
                || t instanceof UsageException
                || t instanceof InvalidChangeSetException
                || t instanceof LocalContentException
                || t instanceof PushRefusedException) {
            return ExitCode.USAGE;
        }
        if (t instanceof NoCredentialsException
                || t instanceof AuthenticationException
                || t instanceof AccessDeniedException
                || t instanceof NotFoundException) {
            return ExitCode.AUTH;
        }
        if (t instanceof UnexplainedConflictException) {
            return ExitCode.NETWORK; // a 409 although the branch did not move: not an overlap, so never 4
        }
        if (t instanceof ConflictException || t instanceof PushConflictException) {
            return ExitCode.CONFLICT;
        }
        if (t instanceof SafetyBlockedException) {
            return ExitCode.BLOCKED;
        }
        if (t instanceof RateLimitedException
                || t instanceof TransportException
                || t instanceof ServerErrorException
                || t instanceof PushOutcomeUnknownException
                || t instanceof BranchBusyException
                || t instanceof PushInterruptedException) {
            return ExitCode.NETWORK;
        }
        return ExitCode.UNEXPECTED;
    }

    /**
     * The exit code of {@code auth doctor}: 0 when the credential works; 6 when the network decided the verdict (a TLS,
     * DNS or proxy failure, no connection or no answer, or rate limiting: nothing is known about the credential, and
     * trying again later may work); else 3.
     */
    public static ExitCode of(Diagnosis d) {
        if (d.ok()) {
            return ExitCode.OK;
        }
        return isNetwork(d) ? ExitCode.NETWORK : ExitCode.AUTH;
    }

    /**
     * The exit code of {@code auth status}: 0 when everything works; 6 when a check was decided by the network (see
     * {@link #of(Diagnosis)}) and no credential source failed; else 3.
     */
    public static ExitCode of(AuthStatus.Report r) {
        if (r.ok()) {
            return ExitCode.OK;
        }
        boolean sourceFailed = r.sources().stream().anyMatch(o -> o.status() == ProviderOutcome.Status.FAILED);
        boolean network = isNetwork(r.credential())
                || r.repositories().stream().anyMatch(s -> isNetwork(s.push()) || isNetwork(s.pullRequest()));
        return network && !sourceFailed ? ExitCode.NETWORK : ExitCode.AUTH;
    }

    private static boolean isNetwork(Diagnosis d) {
        if (d.ok()) {
            return false;
        }
        if (d.cause() == Cause.TLS_OR_PROXY_FAILURE || d.cause() == Cause.RATE_LIMITED) {
            return true;
        }
        // An "unknown" verdict concluded right after a request that got no response: a refused connection or a timeout.
        List<Evidence.Exchange> exchanges = d.exchanges();
        return d.cause() == Cause.UNKNOWN
                && !exchanges.isEmpty()
                && exchanges.get(exchanges.size() - 1).status().isEmpty();
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
