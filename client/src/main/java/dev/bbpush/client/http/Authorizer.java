package dev.bbpush.client.http;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Supplies the {@code Authorization} header for requests to the API origin. Implementations are thread-safe. May block
 * to fetch a token (OAuth client credentials) and then throws what that exchange throws ({@link
 * dev.bbpush.client.error.BbpushException} subtypes).
 */
public interface Authorizer {
    /** Sends no {@code Authorization}: anonymous requests. */
    Authorizer NONE = new Authorizer() {
        @Override
        public Secret authorization() {
            return null;
        }

        @Override
        public String toString() {
            return "Authorizer.NONE";
        }
    };

    /** The header value, e.g. {@code Bearer ...}; {@code null} to send none. */
    Secret authorization();

    /**
     * Called once after a 401: drops a cached token so the next {@link #authorization()} fetches a fresh one.
     *
     * @return true if resending with a fresh header could succeed (the transport then resends once)
     */
    default boolean refreshAfterUnauthorized() {
        return false;
    }

    /**
     * Called once after a 401 with the header that request carried: an authorizer with a cached token drops it only if
     * it is still the one that was sent, so concurrent 401s on an old token do not discard a fresh one another thread
     * already fetched. The default ignores {@code sent} and calls {@link #refreshAfterUnauthorized()}.
     *
     * @param sent the {@code Authorization} value the refused request carried, or null if none
     * @return true if resending with a fresh header could succeed (the transport then resends once)
     */
    default boolean refreshAfterUnauthorized(Secret sent) {
        return refreshAfterUnauthorized();
    }

    /**
     * The credential behind the header, so that a refusal can be explained in terms of what was sent (e.g. an API
     * token sent with a username instead of the account email). Empty for anonymous requests.
     */
    default Optional<Credentials> credentials() {
        return Optional.empty();
    }

    /** The fixed header of a credential that needs no token exchange. */
    static Authorizer fixed(FixedCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        Secret header = credentials.authorizationHeader();
        return new Authorizer() {
            @Override
            public Secret authorization() {
                return header;
            }

            @Override
            public Optional<Credentials> credentials() {
                return Optional.of(credentials);
            }

            @Override
            public String toString() {
                return "Authorizer[" + credentials.describe() + "]";
            }
        };
    }
}
