package dev.bbpush.client;

import java.util.Optional;

/**
 * The facts bbpush needs about a repository (from {@code GET /2.0/repositories/{ws}/{repo}}, reference:
 * bitbucket-cloud-rest.md §4.1).
 *
 * @param fullName {@code workspace/slug}
 * @param mainBranch the main branch name; empty when Bitbucket reports none (e.g. a repository without commits)
 * @param isPrivate whether the repository is private
 * @param uuid the repository UUID in braces
 */
public record Repository(String fullName, Optional<String> mainBranch, boolean isPrivate, String uuid) {}
