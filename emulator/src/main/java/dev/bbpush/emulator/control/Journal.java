package dev.bbpush.emulator.control;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@link #CAPACITY} requests of one emulator, oldest first. Thread-safe. */
public final class Journal {
  public static final int CAPACITY = 1000;

  private final Deque<JournalEntry> entries = new ArrayDeque<>();

  synchronized void record(JournalEntry e) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(e);
  }

  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }
}
