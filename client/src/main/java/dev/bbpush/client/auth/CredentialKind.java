package dev.bbpush.client.auth;

/** The kinds of credential bbpush can send (reference: bitbucket-cloud-auth.md §1). */
public enum CredentialKind {
    /** Atlassian API token with scopes: REST Basic {@code email:token}; Git user {@code x-bitbucket-api-token-auth}. */
    API_TOKEN("API token", "x-bitbucket-api-token-auth"),
    /** Repository, project or workspace access token: REST Bearer; Git user {@code x-token-auth}. */
    ACCESS_TOKEN("access token", "x-token-auth"),
    /**
     * OAuth consumer key and secret, exchanged for a Bearer token (client-credentials grant); Git {@code x-token-auth}.
     */
    OAUTH_CLIENT_CREDENTIALS("OAuth client credentials", "x-token-auth"),
    /** A ready OAuth 2.0 access token: REST Bearer; Git user {@code x-token-auth}. */
    OAUTH_ACCESS_TOKEN("OAuth access token", "x-token-auth"),
    /**
     * Legacy app password: REST Basic {@code username:password}; Git user = the Bitbucket username. Removed by Bitbucket
     * on 2026-07-28; still sendable so bbpush can show and explain the refusal.
     */
    APP_PASSWORD("app password", null);

    private final String label;
    private final String fixedGitUsername;

    CredentialKind(String label, String fixedGitUsername) {
        this.label = label;
        this.fixedGitUsername = fixedGitUsername;
    }

    /** Human label, e.g. {@code "API token"}. */
    public String label() {
        return label;
    }

    /** The static Git username of this kind, or {@code null} when it is the account's username (app passwords). */
    String fixedGitUsername() {
        return fixedGitUsername;
    }
}
