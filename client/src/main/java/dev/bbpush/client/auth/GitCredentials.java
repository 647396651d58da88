package dev.bbpush.client.auth;

import java.util.Objects;

/**
 * The username and password Git smart HTTP takes for a credential (reference: bitbucket-cloud-auth.md §8):
 * {@code x-bitbucket-api-token-auth} + API token, {@code x-token-auth} + access or OAuth token, username + app
 * password. {@code toString()} masks the password.
 */
public record GitCredentials(String username, Secret password) {
    public GitCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "GitCredentials[username=" + username + ", password=" + password.masked() + "]";
    }
}
