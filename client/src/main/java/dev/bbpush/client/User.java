package dev.bbpush.client;

/**
 * The authenticated account (from {@code GET /2.0/user}, reference: bitbucket-cloud-rest.md §8.1).
 *
 * @param type {@code user}, or {@code app_user} for bots and client-credentials tokens
 * @param uuid the account UUID in braces
 * @param accountId the Atlassian account id, when present
 * @param displayName the display name
 * @param nickname the nickname (not unique), when present
 */
public record User(String type, String uuid, String accountId, String displayName, String nickname) {}
