package dev.bbpush.emulator.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The last {@link #CAPACITY} requests of one emulator, oldest first. Thread-safe.
 *
 * <p>A request is <em>recorded</em> before the first byte of its response can reach the client (so a client that
 * has read its response always finds it in {@link #entries()}), and <em>completed</em> when the emulator has
 * finished with it: the handler has returned, every side effect (a commit, a branch move) has happened, and the
 * connection has been answered, reset or found broken. A request whose client went away mid-body is completed too.
 *
 * <p>Tests wait on completion instead of sleeping, in the style of OkHttp's MockWebServer:
 * {@link #takeRequest(Duration)} hands out completed requests one by one in completion order, and
 * {@link #await(Predicate, Duration)} waits for a completed request that matches. After either returns an entry,
 * whatever that request did to the repositories is visible, so "nothing was committed" can be asserted at once.
 */
public final class Journal {
    public static final int CAPACITY = 1000;

    private final Deque<Slot> entries = new ArrayDeque<>();
    /** Completed entries not yet handed out by {@link #takeRequest}, in completion order. */
    private final Deque<JournalEntry> untaken = new ArrayDeque<>();
    /** The callers of {@link #await} waiting now; each gets every completion, whatever the journal evicts. */
    private final Set<Waiter> waiters = new LinkedHashSet<>();
    /** Bumped by {@link #clear()}, so a request recorded before a clear does not complete into the new journal. */
    private long generation;

    /** One recorded request and whether the emulator has finished with it. */
    static final class Slot {
        private final JournalEntry entry;
        private final long generation;
        private boolean complete;

        private Slot(JournalEntry entry, long generation) {
            this.entry = entry;
            this.generation = generation;
        }
    }

    /**
     * One {@link #await} call: the completions since it started, not yet looked at. Guarded by the journal's
     * monitor; the caller's predicate runs outside it, on what it drained.
     */
    private static final class Waiter {
        private final List<JournalEntry> fresh = new ArrayList<>();
        /** Set by {@link #clear()}: what the waiter matched before is forgotten. */
        private boolean cleared;
    }

    /**
     * Records {@code e} (in progress); {@link #complete(Slot)} must follow when the request is done. At
     * {@link #CAPACITY} the oldest completed entry is evicted (the oldest entry only when every one is in progress).
     */
    synchronized Slot record(JournalEntry e) {
        if (entries.size() >= CAPACITY) {
            evictOne();
        }
        Slot s = new Slot(Objects.requireNonNull(e, "e"), generation);
        entries.addLast(s);
        return s;
    }

    private void evictOne() {
        for (Iterator<Slot> it = entries.iterator(); it.hasNext(); ) {
            if (it.next().complete) {
                it.remove();
                return;
            }
        }
        entries.removeFirst();
    }

    /** Marks the request of {@code s} as finished and wakes waiters. Idempotent. */
    synchronized void complete(Slot s) {
        if (s.complete || s.generation != generation) {
            return;
        }
        s.complete = true;
        if (untaken.size() == CAPACITY) {
            untaken.removeFirst();
        }
        untaken.addLast(s.entry);
        for (Waiter w : waiters) {
            w.fresh.add(s.entry);
        }
        notifyAll();
    }

    /** Every recorded request, in progress or complete, oldest first. */
    public synchronized List<JournalEntry> entries() {
        List<JournalEntry> out = new ArrayList<>(entries.size());
        entries.forEach(s -> out.add(s.entry));
        return List.copyOf(out);
    }

    /** The completed requests, oldest first. */
    public synchronized List<JournalEntry> completed() {
        return entries.stream().filter(s -> s.complete).map(s -> s.entry).toList();
    }

    /**
     * Forgets every request, including those not yet taken. Requests in flight at this moment are not listed when
     * they complete, and an {@link #await} in progress forgets what it matched so far.
     */
    public synchronized void clear() {
        entries.clear();
        untaken.clear();
        for (Waiter w : waiters) {
            w.fresh.clear();
            w.cleared = true;
        }
        generation++;
        notifyAll();
    }

    /**
     * The next completed request not yet taken, waiting up to {@code timeout} for one (MockWebServer's
     * {@code takeRequest(timeout, unit)}). Requests come out in the order they completed; {@link #clear()} (and an
     * emulator reset) drops the ones not yet taken.
     *
     * @return the entry, or {@code null} when none completed in time
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public synchronized JournalEntry takeRequest(Duration timeout) throws InterruptedException {
        long deadline = deadline(timeout);
        while (untaken.isEmpty()) {
            if (!waitUntil(deadline)) {
                return null;
            }
        }
        return untaken.removeFirst();
    }

    /**
     * The first completed request (oldest first: those in the journal when the call starts, then those completing
     * during it) that {@code filter} accepts, waiting up to {@code timeout} for one to complete. Does not affect
     * {@link #takeRequest}.
     *
     * @return the entry, or empty when none matched in time
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Optional<JournalEntry> await(Predicate<? super JournalEntry> filter, Duration timeout)
            throws InterruptedException {
        List<JournalEntry> found = await(filter, 1, timeout);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The completed requests that {@code filter} accepts, once there are at least {@code count} of them, waiting up
     * to {@code timeout}: those in the journal when the call starts (oldest first), then those completing during
     * the call in completion order. A request completing during the wait counts even if the journal has evicted it
     * by then (it keeps only the last {@link #CAPACITY}). On timeout it returns the fewer that did complete, so the
     * caller's assertion shows what was there.
     *
     * <p>{@code filter} runs on the caller's thread without the journal's lock, so a slow filter holds up no
     * request; it must not call back into a journal method that waits.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public List<JournalEntry> await(Predicate<? super JournalEntry> filter, int count, Duration timeout)
            throws InterruptedException {
        Objects.requireNonNull(filter, "filter");
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 or more, was " + count);
        }
        long deadline = deadline(timeout);
        Waiter w = new Waiter();
        List<JournalEntry> batch;
        synchronized (this) {
            batch = completed();
            waiters.add(w);
        }
        List<JournalEntry> found = new ArrayList<>();
        try {
            while (true) {
                for (JournalEntry e : batch) {
                    if (filter.test(e)) {
                        found.add(e);
                    }
                }
                synchronized (this) {
                    while (true) {
                        if (w.cleared) {
                            w.cleared = false;
                            found.clear();
                        }
                        if (found.size() >= count) {
                            return List.copyOf(found);
                        }
                        if (!w.fresh.isEmpty()) {
                            break;
                        }
                        if (!waitUntil(deadline)) {
                            return List.copyOf(found);
                        }
                    }
                    batch = List.copyOf(w.fresh);
                    w.fresh.clear();
                }
            }
        } finally {
            synchronized (this) {
                waiters.remove(w);
            }
        }
    }

    private static long deadline(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
        }
        long now = System.nanoTime();
        long nanos =
                timeout.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos() : timeout.toNanos();
        return now + nanos;
    }

    /** Waits for a change until {@code deadline}; false once the deadline has passed. Caller holds the monitor. */
    private boolean waitUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        long ms = Math.max(1, left / 1_000_000);
        wait(ms);
        return true;
    }
}
