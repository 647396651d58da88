package dev.bbpush.emulator.control;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of a {@link Fault.Action#HOLD} or {@link Fault.Action#COMMIT_THEN_HOLD} fault: matching requests park on
 * it until {@link #release()}. Tests use it to keep a request in flight for exactly as long as they need, instead
 * of racing a delay against a client timeout. Thread-safe.
 *
 * <p>Once released, the gate stays open: requests the fault still matches afterwards pass without parking. Removing
 * the fault ({@code DELETE /_emulator/faults/{id}}, {@link Faults#clear()}), resetting the emulator and closing it
 * release it too, so no request stays parked. As a last resort a request never parks longer than
 * {@link Fault#MAX_LATENCY_MS}.
 */
public final class Hold {
    private static final Logger LOG = LoggerFactory.getLogger(Hold.class);

    private final int faultId;
    private boolean released;
    /** Requests parked at this moment. */
    private int parked;
    /** Requests that parked at some point. */
    private int arrived;
    /** Requests that parked and that the emulator has since finished with (journal entry completed). */
    private int finished;

    Hold(int faultId) {
        this.faultId = faultId;
    }

    /** Opens the gate: every parked request goes on, and later matches pass without parking. Idempotent. */
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /** Whether {@link #release()} was called (directly or by removing the fault, a reset or closing the emulator). */
    public synchronized boolean released() {
        return released;
    }

    /** How many requests are parked right now. */
    public synchronized int held() {
        return parked;
    }

    /**
     * Waits until at least one request has parked on this gate (it may have been released since), up to
     * {@code timeout}.
     *
     * @return true once a request has parked, false on timeout
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public synchronized boolean awaitHeld(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrived == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Waits until at least one request has parked and every request that parked has been finished by the emulator
     * (handled, answered or found disconnected, and completed in the {@link Journal}), up to {@code timeout}.
     *
     * @return true once they are finished, false on timeout
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public synchronized boolean awaitFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (arrived == 0 || finished < arrived) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /**
     * Parks the calling request thread until released (or {@link Fault#MAX_LATENCY_MS} passed, or the thread is
     * interrupted). Returns at once when already released.
     *
     * @return whether the request parked (then {@link #finish()} must follow when the emulator is done with it)
     */
    synchronized boolean park() {
        if (released) {
            return false;
        }
        arrived++;
        parked++;
        notifyAll();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Fault.MAX_LATENCY_MS);
        try {
            while (!released) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn(
                            "fault {}: a request was held for {} ms without release; letting it go",
                            faultId,
                            Fault.MAX_LATENCY_MS);
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping: go on so the thread can end
        } finally {
            parked--;
        }
        return true;
    }

    /** The emulator has finished with a request that {@link #park() parked}. */
    synchronized void finish() {
        finished++;
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return "Hold[fault " + faultId + (released ? " released" : " closed") + ", " + parked + " parked]";
    }
}
