package dev.bbpush.client.error;

import java.util.Optional;

/**
 * 401: Bitbucket did not accept the credential (missing, wrong identity, invalid, expired or revoked). {@link
 * #wwwAuthenticate()} carries the challenge.
 */
public class AuthenticationException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message, ApiFailure failure) {
        super(message, failure);
    }

    /** The {@code WWW-Authenticate} challenge, when sent (e.g. {@code Basic realm="Bitbucket.org HTTP"}). */
    public Optional<String> wwwAuthenticate() {
        return header("WWW-Authenticate");
    }

    /** {@code X-Credential-Type}, when sent: how Bitbucket classified the credential. */
    public Optional<String> credentialType() {
        return header("X-Credential-Type");
    }
}
