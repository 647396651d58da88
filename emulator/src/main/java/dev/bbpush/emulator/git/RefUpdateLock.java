package dev.bbpush.emulator.git;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.transport.PostReceiveHook;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Holds the store's per-repository write lock while one push moves its refs, so a push and a REST commit
 * ({@code POST /src}) never interleave their branch moves.
 *
 * <p>JGit calls the pre-receive hook after the pack is received and checked and before any ref moves, and the
 * post-receive hook after the refs moved, on the request's thread; so the lock covers exactly the ref-update
 * phase, not the (possibly slow) upload. If the ref update fails with an exception the post-receive hook is
 * skipped, so the Git filter also calls {@link #release()} when the request ends. Even without the lock no
 * update is lost: both sides move refs by compare-and-swap ({@code RefUpdate} with the expected old id).
 */
final class RefUpdateLock implements PreReceiveHook, PostReceiveHook {
    /** Longer than any REST commit holds the lock; a push waiting longer is refused, not hung. */
    static final long WAIT_SECONDS = 60;

    private final ReentrantLock lock;
    private boolean held;

    RefUpdateLock(ReentrantLock lock) {
        this.lock = lock;
    }

    @Override
    public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            held = lock.tryLock(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!held) {
            for (ReceiveCommand c : commands) {
                c.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, "repository is busy, try again");
            }
        }
    }

    @Override
    public void onPostReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
        release();
    }

    /** Releases the lock if this push holds it; safe to call more than once. */
    void release() {
        if (held) {
            held = false;
            lock.unlock();
        }
    }
}
