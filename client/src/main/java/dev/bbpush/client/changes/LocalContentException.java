package dev.bbpush.client.changes;

import dev.bbpush.client.error.BbpushException;
import java.util.Optional;

/**
 * A local input of a push could not be read, or changed while it was read: a file deleted, replaced by a directory,
 * unreadable, or shrunk or grown between building the change set and sending it. A local problem, not a network
 * one: it is never retried, and nothing of this push was committed (Bitbucket only commits complete bodies; when the
 * upload had started, the branch is read once to be sure). The CLI exits 2 (docs/cli.md, "Exit codes").
 *
 * <p>The message says which file, what went wrong and the fix; {@link #repoPath()} and {@link #source()} name it for
 * programs.
 */
public final class LocalContentException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String repoPath;
    private final String source;

    /**
     * @param repoPath the repository path the input was meant for, or null when not known yet (a directory walk)
     * @param source the local input, e.g. the file's path or {@code stdin}
     * @param what what went wrong, e.g. "could not be read while uploading: /x/a.tf (No such file or directory)"
     */
    public LocalContentException(String repoPath, String source, String what, Throwable cause) {
        super(message(repoPath, source, what), cause);
        this.repoPath = repoPath;
        this.source = source;
    }

    /** The repository path the input was meant for; empty when the failure came before it was known. */
    public Optional<String> repoPath() {
        return Optional.ofNullable(repoPath);
    }

    /** The local input: a file's path, or a description such as {@code stdin}. */
    public String source() {
        return source;
    }

    private static String message(String repoPath, String source, String what) {
        return (repoPath == null ? source : source + " (for " + repoPath + ")") + " " + what
                + ". Nothing was committed. "
                + "Fix: make sure the file exists, is readable and is not changed by another program while bbpush runs, "
                + "then push again.";
    }
}
