package dev.bbpush.client;

/**
 * A branch and the commit it points at (reference: bitbucket-cloud-rest.md §5.2).
 *
 * @param name the branch name, without {@code refs/heads/}
 * @param targetHash the full commit hash of the branch head
 */
public record Branch(String name, String targetHash) {}
