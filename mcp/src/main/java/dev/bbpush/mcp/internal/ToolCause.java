package dev.bbpush.mcp.internal;

/**
 * The cause ids of tool errors that are not the auth doctor's (those are {@link dev.bbpush.client.diagnose.Cause}
 * ids: a refused credential is explained by the doctor). Stable: agents may branch on them. Documented in
 * docs/mcp.md, "Errors".
 */
public enum ToolCause {
    /** The arguments do not fit the tool's input schema (missing, wrong type, unknown, a secret offered). */
    INVALID_ARGUMENTS("invalid-arguments"),
    /** The server's own settings (API URL, OAuth token URL) are unusable: fixed in its environment, not by the agent. */
    INVALID_CONFIGURATION("invalid-configuration"),
    /** The server runs with {@code --read-only}. */
    READ_ONLY("read-only"),
    /** The repository is not on the server's write allow-list. */
    REPOSITORY_NOT_WRITABLE("repository-not-writable"),
    /** The repository is on the allow-list, but only for other branches. */
    BRANCH_NOT_WRITABLE("branch-not-writable"),
    /** {@code push_directory} named a directory outside the server's roots. */
    DIRECTORY_NOT_ALLOWED("directory-not-allowed"),
    /** A local input is missing or unusable (no such directory, two inputs for one path, an invalid path). */
    INVALID_INPUT("invalid-input"),
    /** A safety check (secret, Terraform state) blocked the push; nothing was sent. */
    SAFETY_BLOCKED("safety-blocked"),
    /** The branch moved and the other change touched the same paths; nothing was committed. */
    CONFLICT("conflict"),
    /** The push cannot be done as asked (e.g. the base branch does not exist); nothing was written. */
    PUSH_REFUSED("push-refused"),
    /**
     * The branch kept moving on other paths (other writers) for the server's whole conflict budget; not a conflict,
     * nothing was committed, calling the tool again is safe.
     */
    BRANCH_BUSY("branch-busy"),
    /** A local file of {@code push_directory} could not be read, or changed while it was pushed; nothing committed. */
    LOCAL_INPUT_UNREADABLE("local-input-unreadable"),
    /**
     * The push was interrupted (the server is shutting down) while it waited to send the commit again, and every attempt
     * so far was refused: nothing was committed, calling the tool again is safe.
     */
    INTERRUPTED("interrupted"),
    /** The commit request got no answer and the branch could not be read: calling the tool again is safe. */
    OUTCOME_UNKNOWN("outcome-unknown"),
    /** The branch to read does not exist. */
    BRANCH_NOT_FOUND("branch-not-found"),
    /** The path to read does not exist on the branch. */
    PATH_NOT_FOUND("path-not-found"),
    /** {@code read_file} named a directory. */
    PATH_IS_DIRECTORY("path-is-directory"),
    /** {@code read_file}: the file is larger than the server returns inline. */
    FILE_TOO_LARGE("file-too-large"),
    /** No answer from Bitbucket (after retries) that the doctor could explain further. */
    NETWORK_FAILURE("network-failure"),
    /** Bitbucket answered with a server error, after retries. */
    SERVER_ERROR("server-error"),
    /** Bitbucket refused the request for a reason the doctor does not cover (e.g. 400). */
    REQUEST_REFUSED("request-refused"),
    /** Anything else: a bug or an unclassified failure. */
    UNEXPECTED("unexpected");

    private final String id;

    ToolCause(String id) {
        this.id = id;
    }

    /** The stable id, e.g. {@code repository-not-writable}. */
    public String id() {
        return id;
    }
}
