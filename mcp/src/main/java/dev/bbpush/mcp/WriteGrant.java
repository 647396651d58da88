package dev.bbpush.mcp;

import dev.bbpush.client.diagnose.RepositoryRef;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * One entry of the server's write allow-list ({@code --allow-repo WORKSPACE/REPO[:BRANCH-GLOB]}): the repository the
 * server may push to and, optionally, the branches. In the glob, {@code *} matches any characters (slashes included);
 * everything else is literal, e.g. {@code acme/infra:bbpush/*}. Without a glob every branch is writable.
 *
 * @param repository the repository
 * @param branches the branch glob; empty = every branch
 */
public record WriteGrant(RepositoryRef repository, Optional<String> branches) {
    public WriteGrant {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(branches, "branches");
        if (branches.isPresent() && branches.get().isBlank()) {
            throw new IllegalArgumentException("the branch glob after ':' is empty");
        }
    }

    /**
     * Parses {@code WORKSPACE/REPO} or {@code WORKSPACE/REPO:BRANCH-GLOB} (a colon cannot occur in a branch name).
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static WriteGrant parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int colon = t.indexOf(':');
        String repo = colon < 0 ? t : t.substring(0, colon);
        Optional<String> glob = colon < 0 ? Optional.empty() : Optional.of(t.substring(colon + 1));
        try {
            return new WriteGrant(RepositoryRef.parse(repo), glob);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--allow-repo takes WORKSPACE/REPO or WORKSPACE/REPO:BRANCH-GLOB, e.g. "
                            + "acme/infra or 'acme/infra:bbpush/*'; got '" + text + "' (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Whether this grant covers {@code repo}. */
    public boolean covers(RepositoryRef repo) {
        return repository.workspace().equalsIgnoreCase(repo.workspace())
                && repository.slug().equalsIgnoreCase(repo.slug());
    }

    /** Whether this grant lets the server write {@code branch} of {@code repo}. */
    public boolean permits(RepositoryRef repo, String branch) {
        return covers(repo)
                && branches.map(g -> glob(g).matcher(branch).matches()).orElse(true);
    }

    /** The command-line flag that gives this grant: {@code --allow-repo acme/infra[:glob]}. */
    public String flag() {
        String value = repository.fullName() + branches.map(b -> ":" + b).orElse("");
        return "--allow-repo " + (value.contains("*") ? "'" + value + "'" : value);
    }

    private static Pattern glob(String glob) {
        StringJoiner re = new StringJoiner(".*");
        for (String literal : glob.split("\\*", -1)) {
            re.add(Pattern.quote(literal));
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public String toString() {
        return repository.fullName() + branches.map(b -> ":" + b).orElse("");
    }
}
