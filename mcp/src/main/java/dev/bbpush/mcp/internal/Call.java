package dev.bbpush.mcp.internal;

import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.push.PushEvent;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What one tool call is about, as far as its handler got before failing: the repository and the operations, so the
 * auth doctor can explain a refusal in context (as {@code bbpush push} does with {@code --repo} and {@code --pr}).
 * Written by the call's thread; {@link #describe()} may be read by another (the server shutting down).
 */
final class Call {
    private final String tool;
    private volatile RepositoryRef repository;
    private Set<Operation> operations = EnumSet.of(Operation.READ);
    /** What a push has got to, for the shutdown log (written by the call's thread, read by the one shutting down). */
    private volatile String branch;

    private volatile String plannedHead;
    private volatile boolean uploading;
    private volatile String commit;

    Call(String tool) {
        this.tool = tool;
    }

    /** Follows a push's progress (a {@link dev.bbpush.client.push.PushListener}). */
    void onPushEvent(PushEvent event) {
        if (event instanceof PushEvent.Planning p) {
            branch = p.branch();
        } else if (event instanceof PushEvent.PlanReady r) {
            branch = r.plan().branch();
            plannedHead = r.plan().head().orElse("none (empty repository)");
        } else if (event instanceof PushEvent.Uploading) {
            uploading = true;
        } else if (event instanceof PushEvent.CommitCreated c) {
            commit = c.commit();
        }
    }

    /**
     * The call for a log line, e.g. {@code push_files on acme/infra, branch 'main', planned against 1a2b…, commit request
     * sent}; names no content and no credential.
     */
    String describe() {
        StringBuilder b = new StringBuilder(tool);
        RepositoryRef r = repository;
        if (r != null) {
            b.append(" on ").append(r.fullName());
        }
        if (branch != null) {
            b.append(", branch '").append(branch).append('\'');
        }
        if (plannedHead != null) {
            b.append(", planned against ").append(plannedHead);
        }
        if (commit != null) {
            b.append(", committed ").append(commit).append(" (the pull request step was still running)");
        } else if (uploading) {
            b.append(", commit request sent");
        }
        return b.toString();
    }

    void about(RepositoryRef repository, Set<Operation> operations) {
        this.repository = repository;
        this.operations = EnumSet.copyOf(operations);
    }

    Optional<RepositoryRef> repository() {
        return Optional.ofNullable(repository);
    }

    Set<Operation> operations() {
        return operations;
    }
}
