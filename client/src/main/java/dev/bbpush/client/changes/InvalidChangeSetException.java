package dev.bbpush.client.changes;

/**
 * The inputs of a change set cannot be turned into a commit Bitbucket would accept (bad path, symlink leaving the
 * walked directory, two inputs for one repository path, ...). Nothing was sent anywhere. The message says what, why
 * and how to fix it; {@link #problem()} lets callers (the CLI's exit-code mapper) classify it without parsing text.
 */
public final class InvalidChangeSetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What kind of input was refused. */
    public enum Problem {
        /** A repository path Bitbucket would reject or misread ({@code ..}, control characters, {@code .git}, ...). */
        INVALID_PATH,
        /** A symlink whose target is absolute or resolves outside the walked directory. */
        SYMLINK_OUTSIDE_ROOT,
        /** Two inputs map to the same repository path. */
        DUPLICATE_PATH,
        /** One path is both a file and a directory in the change set ({@code a} and {@code a/b}). */
        FILE_DIRECTORY_CONFLICT,
        /** A named local input does not exist or is not a regular file, symlink or directory. */
        INPUT_NOT_FOUND,
        /** An {@code --include}/{@code --exclude} pattern is not valid. */
        INVALID_PATTERN
    }

    private final Problem problem;

    public InvalidChangeSetException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
