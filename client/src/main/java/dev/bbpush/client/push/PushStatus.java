package dev.bbpush.client.push;

/** The outcome of a push. {@link #wireName()} is the value of {@code "status"} in the CLI's JSON output. */
public enum PushStatus {
    /** A new commit was created on the branch. */
    COMMITTED("committed"),
    /** Nothing differed from the branch head: no commit was created ("nothing to commit"). */
    UNCHANGED("unchanged"),
    /** Planned only; nothing was written. */
    DRY_RUN("dry-run");

    private final String wireName;

    PushStatus(String wireName) {
        this.wireName = wireName;
    }

    /** {@code committed}, {@code unchanged} or {@code dry-run}. */
    public String wireName() {
        return wireName;
    }
}
