package dev.bbpush.emulator.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One commit as the REST API renders it: its SHA, parents, author, committer and full message.
 *
 * @param sha the full 40-hex SHA-1
 * @param parents the parents' full SHAs, first parent first (empty for a root commit)
 * @param author who wrote the change, and when
 * @param committer who made the commit, and when
 * @param message the full message, verbatim
 */
public record Commit(String sha, List<String> parents, Person author, Person committer, String message) {
    public Commit {
        Objects.requireNonNull(sha, "sha");
        parents = List.copyOf(parents);
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(committer, "committer");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A commit's author or committer.
     *
     * @param name the name, as recorded
     * @param email the email address, as recorded
     * @param when the time of the signature
     */
    public record Person(String name, String email, Instant when) {}
}
