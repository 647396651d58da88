package dev.bbpush.client;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the emulator's request journal from the test JVM. The emulator records a request after its response has been
 * written, so the entry of the response the client just read can appear a moment later: callers say how many entries
 * they expect, and this waits (up to 5 s) until at least that many are there. The caller then asserts on the list.
 */
public final class EmulatorJournal {
  private EmulatorJournal() {}

  /** The entries matching {@code filter}, once there are at least {@code expected} of them (or after 5 s). */
  public static List<JournalEntry> entries(Emulator bb, Predicate<JournalEntry> filter, int expected) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      List<JournalEntry> found = bb.journal().entries().stream().filter(filter).toList();
      if (found.size() >= expected || System.nanoTime() > deadline) {
        return found;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return found;
      }
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
