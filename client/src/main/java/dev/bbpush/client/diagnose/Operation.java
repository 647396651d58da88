package dev.bbpush.client.diagnose;

/**
 * What the user wants to do with a repository; each needs the scopes of every endpoint it calls (see {@link
 * ScopeTable}) and a repository permission.
 */
public enum Operation {
    /** Read the repository (clone, {@code GET /src}). Needs read permission. */
    READ("read", "read the repository"),
    /** Commit files with {@code POST /src} (and create branches). Needs write permission. */
    PUSH("push", "push (commit with POST /src)"),
    /** Create a pull request. Needs read permission. */
    PULL_REQUEST("pull-request", "create pull requests");

    private final String id;
    private final String label;

    Operation(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The table key, e.g. {@code pull-request}. */
    public String id() {
        return id;
    }

    /** For messages, e.g. {@code push (commit with POST /src)}. */
    public String label() {
        return label;
    }
}
