package dev.bbpush.client.diagnose;

import java.util.Objects;

/**
 * A repository named as {@code WORKSPACE/REPO}.
 *
 * @param workspace the workspace slug
 * @param slug the repository slug
 */
public record RepositoryRef(String workspace, String slug) {
    public RepositoryRef {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(slug, "slug");
        if (workspace.isBlank() || slug.isBlank() || workspace.contains("/") || slug.contains("/")) {
            throw new IllegalArgumentException(
                    "repository must be WORKSPACE/REPO, e.g. acme/infra; got " + workspace + "/" + slug);
        }
    }

    /**
     * Parses {@code WORKSPACE/REPO}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static RepositoryRef parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int slash = t.indexOf('/');
        if (slash <= 0 || slash == t.length() - 1 || t.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException(
                    "repository must be WORKSPACE/REPO, e.g. acme/infra; got '" + text + "'");
        }
        return new RepositoryRef(t.substring(0, slash), t.substring(slash + 1));
    }

    /** {@code workspace/slug}. */
    public String fullName() {
        return workspace + "/" + slug;
    }

    @Override
    public String toString() {
        return fullName();
    }
}
