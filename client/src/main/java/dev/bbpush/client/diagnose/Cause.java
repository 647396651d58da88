package dev.bbpush.client.diagnose;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why Bitbucket refused (or would refuse) a credential: the doctor's verdicts. Each {@link #id()} is a stable public
 * contract (printed by {@code bbpush auth doctor --json}, matched by scripts, and an anchor in
 * {@code docs/troubleshooting.md}); new causes may be added, existing ids never change meaning.
 */
public enum Cause {
    /** Everything the doctor checked works. */
    OK("ok", "credential works"),
    /** No source supplied a credential. */
    NO_CREDENTIALS("no-credentials", "no credentials found"),
    /** An app password: Bitbucket removed them on 2026-07-28 (REST 401, Git 410). */
    APP_PASSWORD_REMOVED("app-password-removed", "app passwords no longer work"),
    /** An API token sent on REST with a Bitbucket username (or another non-email identity) instead of the email. */
    API_TOKEN_NEEDS_EMAIL("api-token-needs-email", "API token needs the Atlassian account email"),
    /** An API token sent as {@code Authorization: Bearer}; REST wants Basic {@code email:token}. */
    API_TOKEN_SENT_AS_BEARER("api-token-sent-as-bearer", "API token sent as Bearer"),
    /** An API token created without scopes (or otherwise not accepted: see the summary). */
    API_TOKEN_UNSCOPED("api-token-unscoped", "API token without scopes"),
    /** An access token (or OAuth token) sent with Basic; it must be sent as Bearer. */
    ACCESS_TOKEN_NEEDS_BEARER("access-token-needs-bearer", "access token must be sent as Bearer"),
    /** An access token used outside the repository, project or workspace it belongs to. */
    ACCESS_TOKEN_WRONG_RESOURCE("access-token-wrong-resource", "access token belongs to another resource"),
    /** An endpoint access tokens may not call (e.g. {@code /2.0/user}); expected, not a broken token. */
    ENDPOINT_NOT_FOR_ACCESS_TOKENS("endpoint-not-for-access-tokens", "endpoint not available to access tokens"),
    /** The credential authenticates but lacks scopes an operation needs. */
    MISSING_SCOPES("missing-scopes", "credential lacks scopes"),
    /** The token expired or was revoked (or is unknown to Bitbucket). */
    TOKEN_EXPIRED_OR_REVOKED("token-expired-or-revoked", "token expired or revoked"),
    /** An Atlassian account password, refused since 2022-03-01. */
    ACCOUNT_PASSWORD_REJECTED("account-password-rejected", "account passwords are refused"),
    /** Client credentials with a consumer marked public. */
    OAUTH_CONSUMER_NOT_PRIVATE("oauth-consumer-not-private", "OAuth consumer is not private"),
    /** An OAuth access token past its expiry. */
    OAUTH_TOKEN_EXPIRED("oauth-token-expired", "OAuth access token expired"),
    /** A refresh token that was already used (they rotate), expired, or belongs to another consumer. */
    OAUTH_REFRESH_TOKEN_INVALID("oauth-refresh-token-invalid", "OAuth refresh token invalid"),
    /** The repository does not exist, or the credential cannot see it. */
    REPOSITORY_NOT_FOUND_OR_NO_ACCESS("repository-not-found-or-no-access", "repository not found or no access"),
    /** The credential can read the repository but not write to it. */
    NO_WRITE_PERMISSION("no-write-permission", "no write permission"),
    /** The workspace admits only allowlisted IP addresses. */
    IP_NOT_ALLOWLISTED("ip-not-allowlisted", "IP address not allowlisted"),
    /** The workspace requires two-step verification and the account has none. */
    TWO_STEP_VERIFICATION_REQUIRED("two-step-verification-required", "two-step verification required"),
    /** The stored secret was damaged by pasting (quotes, whitespace, line breaks); bbpush repaired it for this run. */
    SECRET_PASTE_DAMAGE("secret-paste-damage", "secret damaged by pasting"),
    /** An OAuth consumer's key and secret sent straight to REST or Git as username and password. */
    OAUTH_CONSUMER_KEY_AS_CREDENTIAL("oauth-consumer-key-as-credential", "OAuth consumer key used as a credential"),
    /** A REST endpoint Bitbucket removed (410, CHANGE-2770). */
    ENDPOINT_REMOVED("endpoint-removed", "endpoint removed"),
    /** The API URL is not Bitbucket Cloud's REST 2.0 base. */
    WRONG_API_HOST("wrong-api-host", "wrong API URL"),
    /** Over the hourly request allowance. */
    RATE_LIMITED("rate-limited", "rate limited"),
    /** REST and Git disagree because of the username form each needs. */
    GIT_IDENTITY_MISMATCH("git-identity-mismatch", "Git and REST need different usernames"),
    /** No usable connection: TLS handshake, proxy or DNS failure. */
    TLS_OR_PROXY_FAILURE("tls-or-proxy-failure", "TLS, proxy or DNS failure"),
    /** The evidence does not support any verdict; the raw evidence is reported. */
    UNKNOWN("unknown", "unknown");

    /** Where the troubleshooting guide lives; each cause has an anchor named by its id. */
    public static final String DOCS_BASE = "docs/troubleshooting.md";

    private final String id;
    private final String title;

    Cause(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The stable id, e.g. {@code api-token-needs-email}. */
    public String id() {
        return id;
    }

    /** A short human title, e.g. {@code API token needs the Atlassian account email}. */
    public String title() {
        return title;
    }

    /** The troubleshooting guide's section for this cause, e.g. {@code docs/troubleshooting.md#rate-limited}. */
    public String docs() {
        return DOCS_BASE + "#" + id;
    }

    /** The cause with this id. */
    public static Optional<Cause> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
