package dev.bbpush.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An Atlassian API token (reference: bitbucket-cloud-auth.md §2.1): REST takes HTTP Basic with the Atlassian account
 * email; Git takes the static user {@code x-bitbucket-api-token-auth}.
 *
 * @param email the Atlassian account email (the REST identity)
 * @param token the token ({@code ATATT3x...})
 */
public record ApiToken(String email, Secret token) implements FixedCredentials {
    @Override
    public CredentialKind kind() {
        return CredentialKind.API_TOKEN;
    }

    @Override
    public Secret authorizationHeader() {
        return Secret.of("Basic "
                + Base64.getEncoder().encodeToString((email + ":" + token.reveal()).getBytes(StandardCharsets.UTF_8)));
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
        return "API token " + token.masked() + " for " + email;
    }

    @Override
    public String toString() {
        return "ApiToken[email=" + email + ", token=" + token.masked() + "]";
    }
}
