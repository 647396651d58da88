package dev.bbpush.mcp.internal;

import java.util.Objects;

/**
 * A tool call that fails for a reason the server knows how to explain: a cause id, what happened (summary) and the
 * exact fix. Becomes an MCP tool error ({@code isError: true}). Messages never hold a secret.
 */
public final class ToolFailure extends RuntimeException {
    private final String cause;
    private final String fix;

    public ToolFailure(ToolCause cause, String summary, String fix) {
        this(cause.id(), summary, fix);
    }

    ToolFailure(String cause, String summary, String fix) {
        super(Objects.requireNonNull(summary, "summary"), null, false, false);
        this.cause = Objects.requireNonNull(cause, "cause");
        this.fix = Objects.requireNonNull(fix, "fix");
    }

    /** The cause id. */
    public String causeId() {
        return cause;
    }

    public String summary() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
