package dev.bbpush.client.auth;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An OAuth 2.0 consumer's key and secret (reference: bitbucket-cloud-auth.md §2.5). The client exchanges them at the
 * token endpoint ({@code grant_type=client_credentials}, HTTP Basic {@code key:secret}) for a Bearer token, caches it
 * and refreshes it before it expires. Git user {@code x-token-auth} with the current access token.
 *
 * @param clientId the consumer key
 * @param clientSecret the consumer secret
 * @param tokenEndpoint the token endpoint, or {@code null} to derive it from the API URL (see {@code BitbucketClient})
 */
public record OAuthClientCredentials(String clientId, Secret clientSecret, URI tokenEndpoint) implements Credentials {
    /** {@code https://bitbucket.org/site/oauth2/access_token}. */
    public static final URI BITBUCKET_TOKEN_ENDPOINT = URI.create("https://bitbucket.org/site/oauth2/access_token");

    public OAuthClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    /** The same credentials with an explicit token endpoint. */
    public OAuthClientCredentials withTokenEndpoint(URI endpoint) {
        return new OAuthClientCredentials(clientId, clientSecret, Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** The explicit token endpoint, if one was set. */
    public Optional<URI> explicitTokenEndpoint() {
        return Optional.ofNullable(tokenEndpoint);
    }

    @Override
    public CredentialKind kind() {
        return CredentialKind.OAUTH_CLIENT_CREDENTIALS;
    }

    @Override
    public String gitUsername() {
        return kind().fixedGitUsername();
    }

    @Override
    public String describe() {
        return "OAuth client credentials " + clientId + " (secret " + clientSecret.masked() + ")";
    }

    @Override
    public String toString() {
        return "OAuthClientCredentials[clientId=" + clientId + ", clientSecret=" + clientSecret.masked()
                + (tokenEndpoint == null ? "" : ", tokenEndpoint=" + tokenEndpoint) + "]";
    }
}
