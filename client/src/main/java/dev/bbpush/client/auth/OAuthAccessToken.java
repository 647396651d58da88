package dev.bbpush.client.auth;

/**
 * A ready OAuth 2.0 access token (reference: bitbucket-cloud-auth.md §2.5): REST {@code Bearer} (the only accepted
 * form since 2026-05-04); Git user {@code x-token-auth}. bbpush cannot refresh it.
 *
 * @param token the access token
 */
public record OAuthAccessToken(Secret token) implements FixedCredentials {
    @Override
    public CredentialKind kind() {
        return CredentialKind.OAUTH_ACCESS_TOKEN;
    }

    @Override
    public Secret authorizationHeader() {
        return Secret.of("Bearer " + token.reveal());
    }

    @Override
    public String gitUsername() {
        return kind().fixedGitUsername();
    }

    @Override
    public Secret gitPassword() {
        return token;
    }

    @Override
    public String describe() {
        return "OAuth access token " + token.masked();
    }

    @Override
    public String toString() {
        return "OAuthAccessToken[token=" + token.masked() + "]";
    }
}
