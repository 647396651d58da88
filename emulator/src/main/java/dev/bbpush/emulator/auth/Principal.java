package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import java.util.List;
import java.util.Optional;

/**
 * Who a request acts as, after authentication.
 *
 * @param type the credential type, which is also the {@code X-Credential-Type} header value
 * @param credential the world credential used ({@code null} when anonymous; for OAuth access tokens,
 *     the consumer)
 * @param account the account acted as ({@code null} for anonymous, access tokens and client-credentials
 *     OAuth tokens, which act as an {@code app_user})
 * @param scopes the granted scopes (fine-grained for API tokens, classic otherwise)
 * @param rateBucket the key of the rate-limit bucket this request counts against
 */
public record Principal(Type type, Credential credential, Account account, List<String> scopes, String rateBucket) {

    public Principal {
        scopes = List.copyOf(scopes);
    }

    public static Principal anonymous(String clientAddress) {
        return new Principal(Type.ANONYMOUS, null, null, List.of(), "anonymous:" + clientAddress);
    }

    public boolean isAnonymous() {
        return type == Type.ANONYMOUS;
    }

    public Optional<Account> accountOpt() {
        return Optional.ofNullable(account);
    }

    /**
     * The resource this principal is confined to: {@code ws/repo}, {@code ws/PROJECTKEY} or {@code ws}
     * for access tokens, the consumer's workspace for client-credentials OAuth tokens; {@code null} when
     * it acts as an account (or anonymously) and reaches whatever that account reaches.
     */
    public String confinedTo() {
        if (type.isAccessToken() || isAppUser()) {
            return credential.resource();
        }
        return null;
    }

    /** Whether this is a client-credentials OAuth token, which acts as an {@code app_user} (no account). */
    public boolean isAppUser() {
        return type == Type.OAUTH_TOKEN && account == null;
    }

    /** A name for logs: the credential's name, never its secret. */
    public String describe() {
        return credential == null ? type.header() : credential.name() + " (" + type.header() + ")";
    }

    /**
     * Credential types. {@link #header()} is the {@code X-Credential-Type} value: Bitbucket's observed
     * values for API and access tokens; for OAuth ({@code oauth2}) and app passwords
     * ({@code app_password}) no value has been captured, so these are the emulator's choice, documented
     * in {@code docs/emulator-fidelity.md}.
     */
    public enum Type {
        ANONYMOUS("anonymous"),
        API_TOKEN("api_token"),
        APP_PASSWORD("app_password"),
        REPO_ACCESS_TOKEN("repo_access_token"),
        PROJECT_ACCESS_TOKEN("project_access_token"),
        WORKSPACE_ACCESS_TOKEN("workspace_access_token"),
        OAUTH_TOKEN("oauth2");

        private final String header;

        Type(String header) {
            this.header = header;
        }

        public String header() {
            return header;
        }

        /** Whether the credential uses the fine-grained ({@code read:repository:bitbucket}) scope family. */
        public boolean fineGrainedScopes() {
            return this == API_TOKEN;
        }

        public boolean isAccessToken() {
            return this == REPO_ACCESS_TOKEN || this == PROJECT_ACCESS_TOKEN || this == WORKSPACE_ACCESS_TOKEN;
        }
    }
}
