package dev.bbpush.emulator.world;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A repository as the world declares it. Its Git content lives in the store; this is the metadata.
 *
 * @param workspace the workspace slug
 * @param slug the repository slug
 * @param name the display name
 * @param uuid the repository UUID in braces
 * @param projectKey the key of the project that holds it
 * @param isPrivate whether the repository is private
 * @param mainBranch the main branch name, also for an empty repository (its first commit's branch)
 * @param permissions explicit grants, by account username
 * @param seedFiles files of the initial commit on the main branch (empty map: no commit)
 * @param seedExecutables paths among {@code seedFiles} that are executable
 */
public record Repo(
        String workspace,
        String slug,
        String name,
        String uuid,
        String projectKey,
        boolean isPrivate,
        String mainBranch,
        Map<String, Permission> permissions,
        Map<String, String> seedFiles,
        Set<String> seedExecutables) {

    public Repo {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(slug, "slug");
        permissions = Map.copyOf(permissions);
        seedFiles = Map.copyOf(seedFiles);
        seedExecutables = Set.copyOf(seedExecutables);
    }

    public String fullName() {
        return workspace + "/" + slug;
    }

    /** The explicit permission an account holds on this repository. */
    public Permission permissionOf(String username) {
        return permissions.getOrDefault(username, Permission.NONE);
    }
}
