package dev.bbpush.cli;

/**
 * The exit codes of every bbpush command, in one place. Documented in docs/cli.md ("Exit codes"); exceptions map to
 * them in {@link ExitCodes}.
 */
public enum ExitCode {
    /** Success, including "nothing to commit". */
    OK(0),
    /** An unexpected failure (a bug or an unclassified error). */
    UNEXPECTED(1),
    /** Bad command-line usage or invalid input. */
    USAGE(2),
    /** Bitbucket refused the credential (authentication or authorization). */
    AUTH(3),
    /** The branch moved and the concurrent change touched paths this push changes (named in the message). */
    CONFLICT(4),
    /** A safety check blocked the push (a state file or a secret). */
    BLOCKED(5),
    /**
     * Try again later: network failure, retries exhausted (incl. a branch that kept moving on other paths for the whole
     * conflict budget), rate-limited, or an unknown commit outcome. Running the same push again is safe.
     */
    NETWORK(6);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
