package dev.bbpush.emulator.store;

/**
 * A branch and the commit it points at.
 *
 * @param name the name without {@code refs/heads/}; may contain {@code /}
 * @param tip the commit at its tip
 */
public record Branch(String name, Commit tip) {}
