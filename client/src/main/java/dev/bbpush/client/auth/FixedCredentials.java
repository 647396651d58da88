package dev.bbpush.client.auth;

/**
 * A credential whose {@code Authorization} header is known without asking anyone: everything except {@link
 * OAuthClientCredentials} (whose Bearer token is fetched from the token endpoint).
 */
public sealed interface FixedCredentials extends Credentials
        permits ApiToken, AccessToken, OAuthAccessToken, AppPassword {

    /** The REST {@code Authorization} header value, e.g. {@code Basic ...} or {@code Bearer ...}. */
    Secret authorizationHeader();

    /** The Git smart-HTTP password that goes with {@link #gitUsername()}. */
    Secret gitPassword();
}
