package dev.bbpush.client.auth;

/**
 * A repository, project or workspace access token (reference: bitbucket-cloud-auth.md §2.4): REST {@code Bearer};
 * Git user {@code x-token-auth}.
 *
 * @param token the token ({@code ATCTT3x...})
 */
public record AccessToken(Secret token) implements FixedCredentials {
    @Override
    public CredentialKind kind() {
        return CredentialKind.ACCESS_TOKEN;
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
        return "access token " + token.masked();
    }

    @Override
    public String toString() {
        return "AccessToken[token=" + token.masked() + "]";
    }
}
