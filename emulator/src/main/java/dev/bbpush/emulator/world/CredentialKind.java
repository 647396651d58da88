package dev.bbpush.emulator.world;

import java.util.Locale;

/**
 * The kinds of credential Bitbucket Cloud knows. {@link #wire()} is the value of the {@code kind}
 * field in world files and in {@code GET /_emulator/credentials}.
 */
public enum CredentialKind {
    /** Atlassian API token (with or without scopes): Basic {@code email:token} on REST. */
    API_TOKEN,
    /** Legacy app password: Basic {@code username:app_password}. Removed 2026-07-28. */
    APP_PASSWORD,
    /** Repository access token: Bearer; Git user {@code x-token-auth}. */
    REPOSITORY_ACCESS_TOKEN,
    /** Project access token (Premium): Bearer. */
    PROJECT_ACCESS_TOKEN,
    /** Workspace access token (Premium): Bearer. */
    WORKSPACE_ACCESS_TOKEN,
    /** OAuth 2.0 consumer: key and secret exchanged at {@code /site/oauth2/access_token}. */
    OAUTH_CONSUMER,
    /** The account's login password: refused by REST and Git since 2022. */
    ACCOUNT_PASSWORD;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CredentialKind parse(String s) {
        return valueOf(s.trim().replace('-', '_').toUpperCase(Locale.ROOT));
    }

    public boolean isAccessToken() {
        return this == REPOSITORY_ACCESS_TOKEN || this == PROJECT_ACCESS_TOKEN || this == WORKSPACE_ACCESS_TOKEN;
    }
}
