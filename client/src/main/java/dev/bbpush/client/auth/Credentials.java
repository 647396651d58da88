package dev.bbpush.client.auth;

import java.util.Objects;

/**
 * A Bitbucket credential: an immutable value that knows its {@link #kind()}, how it authenticates REST (see {@link
 * FixedCredentials#authorizationHeader()}) and its Git smart-HTTP username. {@code toString()} never shows a secret.
 *
 * <p>Create with the intention-revealing factories:
 *
 * <pre>{@code
 * Credentials.apiToken("rahul@acme.example", token)       // Basic email:token
 * Credentials.accessToken(token)                          // Bearer (repository/project/workspace access token)
 * Credentials.oauthClientCredentials(key, secret)         // Bearer from the token endpoint, cached and refreshed
 * Credentials.oauthAccessToken(token)                     // a ready OAuth Bearer token
 * Credentials.appPassword("rahul-dev", password)          // legacy Basic username:app_password
 * }</pre>
 *
 * <p>The factories reject null, blank and line-broken values with {@link IllegalArgumentException} naming the
 * argument. They do not repair pasted values: the credential chain does that and reports each repair.
 */
public sealed interface Credentials permits FixedCredentials, OAuthClientCredentials {

    /** What kind of credential this is. */
    CredentialKind kind();

    /** The username Git smart HTTP takes with this credential. */
    String gitUsername();

    /** A one-line description without secrets, e.g. {@code API token ATATT3x**** for rahul@acme.example}. */
    String describe();

    /** An Atlassian API token sent as HTTP Basic {@code email:token} (the email, not the Bitbucket username). */
    static ApiToken apiToken(String email, String token) {
        return new ApiToken(requireValue(email, "email"), Secret.of(requireValue(token, "token")));
    }

    /** A repository, project or workspace access token, sent as {@code Bearer}. */
    static AccessToken accessToken(String token) {
        return new AccessToken(Secret.of(requireValue(token, "token")));
    }

    /**
     * An OAuth consumer's key and secret, exchanged at the token endpoint with {@code grant_type=client_credentials}
     * (HTTP Basic {@code key:secret}). The token is cached and refreshed before it expires.
     */
    static OAuthClientCredentials oauthClientCredentials(String clientId, String clientSecret) {
        return new OAuthClientCredentials(
                requireValue(clientId, "clientId"), Secret.of(requireValue(clientSecret, "clientSecret")), null);
    }

    /** A ready OAuth 2.0 access token, sent as {@code Bearer}. */
    static OAuthAccessToken oauthAccessToken(String token) {
        return new OAuthAccessToken(Secret.of(requireValue(token, "token")));
    }

    /** A legacy app password, sent as HTTP Basic {@code username:password}. Bitbucket removed app passwords. */
    static AppPassword appPassword(String username, String password) {
        return new AppPassword(requireValue(username, "username"), Secret.of(requireValue(password, "password")));
    }

    /** Programmer-error checks shared by the factories. */
    static String requireValue(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is blank");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(name + " contains a line break");
        }
        return value;
    }
}
