package dev.bbpush.cli;

/**
 * A command line bbpush cannot run as given: a missing or contradictory option, or an option value the library
 * refuses (a branch name git would reject, an author not shaped {@code Name <email>}, an insecure API URL...). Exit 2
 * ({@link ExitCode#USAGE}); the message says what to change. Commands throw it for their own checks, and turn the
 * library's {@link IllegalArgumentException} for a value <em>the user gave</em> into it at the point where that value
 * is handed over, so that any other {@code IllegalArgumentException} (a bug) stays exit 1.
 */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
