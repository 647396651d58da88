package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.CredentialKind;
import dev.bbpush.emulator.world.WorldSettings.AppPasswordState;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Who a REST request is, from its {@code Authorization} header (reference: bitbucket-cloud-auth.md
 * §1–§3, §10). The scheme decides first: Basic carries API tokens ({@code email:token}), app
 * passwords ({@code username:password}) and, wrongly, everything else; Bearer carries access tokens
 * and OAuth access tokens. A request without {@code Authorization}, or with a bare token and no
 * scheme, is anonymous.
 */
final class RestAuthenticator {
    private final EmulatorContext ctx;
    private final OAuthTokens tokens;

    RestAuthenticator(EmulatorContext ctx, OAuthTokens tokens) {
        this.ctx = ctx;
        this.tokens = tokens;
    }

    /** @throws ApiError the 401 Bitbucket would send */
    Principal authenticate(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        String client = req.getRemoteAddr();
        if (header == null || header.isBlank()) {
            if (hasQueryParameter(req.getQueryString(), "access_token")) {
                // Since 2026-05-04 only the Authorization header carries OAuth tokens (§2.5).
                AuthLog.note(
                        "?access_token= in the query is no longer accepted (2026-05-04); treating the request as anonymous");
            }
            return Principal.anonymous(client);
        }
        Optional<String> scheme = BasicCredentials.scheme(header);
        if (scheme.isEmpty()) {
            // A raw token without a scheme: Bitbucket treats the request as anonymous (§3, [58]).
            AuthLog.note("Authorization header without a scheme; treating the request as anonymous");
            return Principal.anonymous(client);
        }
        String value = BasicCredentials.credentialsPart(header);
        if (scheme.get().equalsIgnoreCase("Basic")) {
            return basic(value);
        }
        if (scheme.get().equalsIgnoreCase("Bearer")) {
            return bearer(value);
        }
        throw basicChallenge(
                "unsupported-scheme", "request", "Authorization scheme " + scheme.get() + " is not supported");
    }

    private Principal basic(String value) {
        BasicCredentials bc = BasicCredentials.parse(value).orElse(null);
        if (bc == null) {
            throw basicChallenge("basic-malformed", "request", "Basic value is not base64 of user:secret");
        }
        Instant now = ctx.clock().now();
        Credential c = ctx.world().credentialBySecret(bc.secret()).orElse(null);
        if (c == null) {
            Optional<Account> byPassword = accountWithPassword(bc);
            if (byPassword.isPresent()) {
                throw accountPassword(byPassword.get().username());
            }
            if (tokens.accessToken(bc.secret()).isPresent()) {
                throw basicChallenge(
                        "oauth-token-as-basic",
                        "an OAuth access token",
                        "OAuth access tokens go in Authorization: Bearer");
            }
            throw basicChallenge(
                    "unknown-secret",
                    "user '" + bc.displayUser(ctx.world()) + "'",
                    "no credential has secret " + BasicCredentials.mask(bc.secret()));
        }
        String who = c.name();
        switch (c.kind()) {
            case API_TOKEN -> {
                Account owner = owner(c);
                if (!owner.email().equalsIgnoreCase(bc.user())) {
                    throw basicChallenge(
                            "api-token-identity",
                            who,
                            "API token sent with identity '" + bc.displayUser(ctx.world())
                                    + "'; REST needs the Atlassian account email " + owner.email());
                }
                requireUsableApiToken(c, now);
                if (c.scopes().isEmpty()) {
                    throw basicChallenge(
                            "api-token-unscoped", who, "API tokens without scopes do not work with Bitbucket");
                }
                return new Principal(Principal.Type.API_TOKEN, c, owner, c.scopes(), "user:" + owner.username());
            }
            case APP_PASSWORD -> {
                Account owner = owner(c);
                AppPasswordState state = ctx.world().settings().appPasswords();
                if (state == AppPasswordState.REMOVED) {
                    throw AuthLog.rest(
                            new ApiError(401, AuthMessages.APP_PASSWORDS_DEPRECATED)
                                    .header("WWW-Authenticate", AuthMessages.BASIC_CHALLENGE),
                            "app-password-removed",
                            who,
                            "app passwords were removed on 2026-07-28 (world setting appPasswords=removed)");
                }
                if (state == AppPasswordState.BROWNOUT) {
                    throw basicChallenge(
                            "app-password-brownout",
                            who,
                            "app passwords fail during brownouts (world setting appPasswords=brownout)");
                }
                if (!owner.username().equals(bc.user())) {
                    throw basicChallenge(
                            "app-password-identity",
                            who,
                            "app password sent with identity '" + bc.displayUser(ctx.world())
                                    + "'; it needs the Bitbucket username " + owner.username());
                }
                requireUsable(c, now);
                return new Principal(Principal.Type.APP_PASSWORD, c, owner, c.scopes(), "user:" + owner.username());
            }
            case ACCOUNT_PASSWORD -> throw accountPassword(c.owner());
            case REPOSITORY_ACCESS_TOKEN, PROJECT_ACCESS_TOKEN, WORKSPACE_ACCESS_TOKEN ->
                throw basicChallenge(
                        "access-token-as-basic", who, "access tokens are accepted only as Authorization: Bearer");
            case OAUTH_CONSUMER ->
                throw basicChallenge(
                        "oauth-consumer-as-basic",
                        who,
                        "an OAuth consumer's key and secret are not credentials; exchange them at /site/oauth2/access_token");
            default ->
                throw basicChallenge(
                        "unknown-kind", who, "credential kind " + c.kind().wire());
        }
    }

    private Principal bearer(String token) {
        Instant now = ctx.clock().now();
        Credential c = ctx.world().credentialBySecret(token).orElse(null);
        if (c != null) {
            if (c.kind().isAccessToken()) {
                if (c.revoked() || c.isExpiredAt(now)) {
                    throw tokenInvalid("access-token-unusable", c.name(), c.revoked() ? "revoked" : "expired");
                }
                return new Principal(accessTokenType(c.kind()), c, null, c.scopes(), "token:" + c.name());
            }
            if (c.kind() == CredentialKind.API_TOKEN) {
                throw tokenInvalid("api-token-as-bearer", c.name(), "API tokens go in Basic email:token, not Bearer");
            }
            throw tokenInvalid("not-a-bearer-token", c.name(), c.kind().wire() + " sent as Bearer");
        }
        Optional<OAuthTokens.Grant> grant = tokens.accessToken(token);
        if (grant.isEmpty()) {
            throw tokenInvalid("unknown-bearer-token", "Bearer " + BasicCredentials.mask(token), "no such token");
        }
        OAuthTokens.Grant g = grant.get();
        Credential consumer = ctx.world().credential(g.consumer()).orElse(null);
        if (consumer == null || consumer.revoked()) {
            throw tokenInvalid("oauth-consumer-revoked", g.consumer(), "the consumer is revoked");
        }
        if (!now.isBefore(g.expires())) {
            throw AuthLog.rest(
                    new ApiError(401, AuthMessages.ACCESS_TOKEN_EXPIRED)
                            .header("WWW-Authenticate", AuthMessages.OAUTH_CHALLENGE),
                    "oauth-token-expired",
                    consumer.name() + " (oauth2)",
                    "access token expired at " + g.expires());
        }
        Account account =
                g.account() == null ? null : ctx.world().account(g.account()).orElse(null);
        return new Principal(Principal.Type.OAUTH_TOKEN, consumer, account, g.scopes(), "consumer:" + consumer.name());
    }

    /** Reads only the query string, never the body (reading form parameters would consume an upload). */
    private static boolean hasQueryParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equals(name) || pair.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    static Principal.Type accessTokenType(CredentialKind kind) {
        return switch (kind) {
            case REPOSITORY_ACCESS_TOKEN -> Principal.Type.REPO_ACCESS_TOKEN;
            case PROJECT_ACCESS_TOKEN -> Principal.Type.PROJECT_ACCESS_TOKEN;
            case WORKSPACE_ACCESS_TOKEN -> Principal.Type.WORKSPACE_ACCESS_TOKEN;
            default -> throw new IllegalArgumentException("not an access token kind: " + kind);
        };
    }

    private void requireUsable(Credential c, Instant now) {
        if (c.revoked()) {
            throw basicChallenge("credential-revoked", c.name(), "revoked");
        }
        if (c.isExpiredAt(now)) {
            throw basicChallenge("credential-expired", c.name(), "expired at " + c.expires());
        }
    }

    /**
     * An expired or revoked API token sent correctly (Basic, account email) gets 401 with the JSON
     * {@code Token is invalid, expired, or not supported for this endpoint.} and the Basic challenge.
     * The reference did not capture this body for Basic (auth.md §10: "401, body not captured"); the
     * emulator uses the token message Bitbucket sends for unusable tokens (§5, §13), so an expired token
     * is not answered exactly like an unscoped one (empty 401). Listed in docs/emulator-fidelity.md.
     */
    private void requireUsableApiToken(Credential c, Instant now) {
        if (c.revoked() || c.isExpiredAt(now)) {
            throw AuthLog.rest(
                    new ApiError(401, AuthMessages.TOKEN_INVALID)
                            .header("WWW-Authenticate", AuthMessages.BASIC_CHALLENGE),
                    c.revoked() ? "credential-revoked" : "credential-expired",
                    c.name(),
                    c.revoked() ? "revoked" : "expired at " + c.expires());
        }
    }

    private Account owner(Credential c) {
        return ctx.world()
                .account(c.owner())
                .orElseThrow(() -> new IllegalStateException("credential " + c.name() + " has no owner account"));
    }

    /** The account whose login password this is, if the Basic identity names that account. */
    private Optional<Account> accountWithPassword(BasicCredentials bc) {
        return ctx.world().accounts().stream()
                .filter(a -> bc.secret().equals(a.password()))
                .filter(a -> a.username().equals(bc.user()) || a.email().equalsIgnoreCase(bc.user()))
                .findFirst();
    }

    private ApiError accountPassword(String username) {
        return AuthLog.rest(
                new ApiError(401, "Unauthorized")
                        .plain(AuthMessages.ACCOUNT_PASSWORD_REST)
                        .header("WWW-Authenticate", AuthMessages.BASIC_CHALLENGE),
                "account-password",
                "account password of " + username,
                "account passwords are refused since 2022-03-01");
    }

    /** 401 with the Basic challenge and an empty body: Bitbucket's answer to wrong Basic credentials. */
    static ApiError basicChallenge(String rule, String who, String why) {
        return AuthLog.rest(
                new ApiError(401, "Unauthorized").noBody().header("WWW-Authenticate", AuthMessages.BASIC_CHALLENGE),
                rule,
                who,
                why);
    }

    private static ApiError tokenInvalid(String rule, String who, String why) {
        return AuthLog.rest(new ApiError(401, AuthMessages.TOKEN_INVALID), rule, who, why);
    }
}
