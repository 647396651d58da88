package dev.bbpush.client.push;

import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * The meta fields of {@code POST /src} (reference §2.1): commit message, author, the single expected parent and
 * the target branch. Every field is optional; absent fields are not sent and Bitbucket applies its defaults (main
 * branch, the caller as author, a canned message). Immutable; use the {@code with*} methods.
 *
 * @param message the commit message, sent verbatim
 * @param author {@code Full Name <email@example.com>}
 * @param parent the SHA-1 the branch tip must be (optimistic concurrency: Bitbucket answers 409 otherwise, §2.2);
 *     multi-parent is deprecated and not offered
 * @param branch the branch name without {@code refs/heads/}; slashes allowed
 */
record CommitMetadata(String message, String author, String parent, String branch) {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern AUTHOR = Pattern.compile("[^<>\\r\\n]*\\S[^<>\\r\\n]* <[^<>\\s]+>");

    /**
     * @throws IllegalArgumentException for an author not shaped {@code Name <email>}, a parent that is not 40 hex
     *     digits, or a branch name git would refuse (or one starting with {@code refs/})
     */
    public CommitMetadata {
        if (author != null && !AUTHOR.matcher(author).matches()) {
            throw new IllegalArgumentException("author must look like 'Full Name <email@example.com>', got '"
                    + author.replaceAll("[\\r\\n]", " ") + "'");
        }
        if (parent != null) {
            parent = parent.toLowerCase(Locale.ROOT);
            if (!SHA1.matcher(parent).matches()) {
                throw new IllegalArgumentException(
                        "parent must be a full 40-hex-digit commit SHA, got '" + parent + "'");
            }
        }
        if (branch != null) {
            if (branch.startsWith("refs/")) {
                throw new IllegalArgumentException(
                        "branch must be a plain name such as 'feature/x', not '" + branch + "'");
            }
            if (!Repository.isValidRefName("refs/heads/" + branch)) {
                throw new IllegalArgumentException("'" + branch + "' is not a valid git branch name");
            }
        }
    }

    /** No fields: Bitbucket's defaults for everything. */
    public static CommitMetadata empty() {
        return new CommitMetadata(null, null, null, null);
    }

    /** Only a message. */
    public static CommitMetadata message(String message) {
        return new CommitMetadata(message, null, null, null);
    }

    /** The same fields with another message (e.g. after adding a trailer). */
    public CommitMetadata withMessage(String m) {
        return new CommitMetadata(m, author, parent, branch);
    }

    public CommitMetadata withAuthor(String a) {
        return new CommitMetadata(message, a, parent, branch);
    }

    public CommitMetadata withParent(String p) {
        return new CommitMetadata(message, author, p, branch);
    }

    public CommitMetadata withBranch(String b) {
        return new CommitMetadata(message, author, parent, b);
    }
}
