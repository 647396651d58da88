package dev.bbpush.client;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the emulator's request journal from the test JVM through its waits ({@code Journal.await}): callers say how
 * many matching requests they expect, and this returns once that many have <em>completed</em> on the server (side
 * effects included), or with fewer after 30 s, so the caller's assertion shows what arrived. No sleeping.
 */
public final class EmulatorJournal {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private EmulatorJournal() {}

    /** The completed entries matching {@code filter}, once there are at least {@code expected} of them (or after 30 s). */
    public static List<JournalEntry> entries(Emulator bb, Predicate<JournalEntry> filter, int expected) {
        try {
            return bb.journal().await(filter, expected, WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + expected + " journal entries", e);
        }
    }

    /** The REST requests ({@code /2.0/...}), once there are at least {@code expected}. */
    public static List<JournalEntry> api(Emulator bb, int expected) {
        return entries(bb, e -> e.path().startsWith("/2.0/"), expected);
    }

    /** The OAuth token requests, once there are at least {@code expected}. */
    public static List<JournalEntry> tokenRequests(Emulator bb, int expected) {
        return entries(bb, e -> e.path().equals("/site/oauth2/access_token"), expected);
    }

    /** Every entry, once there are at least {@code expected}. */
    public static List<JournalEntry> all(Emulator bb, int expected) {
        return entries(bb, e -> true, expected);
    }
}
