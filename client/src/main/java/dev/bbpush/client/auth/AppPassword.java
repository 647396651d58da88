package dev.bbpush.client.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A legacy app password (reference: bitbucket-cloud-auth.md §2.3): HTTP Basic with the Bitbucket username, for REST
 * and Git. Bitbucket removed app passwords on 2026-07-28; bbpush still sends one so that the refusal can be shown and
 * explained.
 *
 * @param username the Bitbucket username (not the email)
 * @param password the app password ({@code ATBB...})
 */
public record AppPassword(String username, Secret password) implements FixedCredentials {
    @Override
    public CredentialKind kind() {
        return CredentialKind.APP_PASSWORD;
    }

    @Override
    public Secret authorizationHeader() {
        return Secret.of("Basic "
                + Base64.getEncoder()
                        .encodeToString((username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String gitUsername() {
        return username;
    }

    @Override
    public Secret gitPassword() {
        return password;
    }

    @Override
    public String describe() {
        return "app password " + password.masked() + " for " + username;
    }

    @Override
    public String toString() {
        return "AppPassword[username=" + username + ", password=" + password.masked() + "]";
    }
}
