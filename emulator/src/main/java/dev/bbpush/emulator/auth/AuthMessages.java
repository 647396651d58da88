package dev.bbpush.emulator.auth;

import java.util.List;

/**
 * Every text the emulator's authentication sends to clients, in one place so they stay consistent
 * and testable. Texts marked "observed" are Bitbucket's own words (reference:
 * bitbucket-cloud-auth.md §5, §13); the others are the emulator's choice where no capture exists
 * (listed in docs/emulator-fidelity.md).
 */
public final class AuthMessages {
    private AuthMessages() {}

    /** Observed: the Basic challenge on REST and Git 401s. */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Bitbucket.org HTTP\"";

    /** Observed: the challenge on an expired OAuth access token. */
    public static final String OAUTH_CHALLENGE = "OAuth realm=\"Bitbucket.org HTTP\"";

    /** Observed: a Bearer token Bitbucket does not accept (API token as Bearer, unknown or revoked token). */
    public static final String TOKEN_INVALID = "Token is invalid, expired, or not supported for this endpoint.";

    /** Observed [S]: a workspace access token on {@code /2.0/users/{workspace}}. */
    public static final String TOKEN_NOT_SUPPORTED = "Token is invalid or not supported for this endpoint.";

    /** Observed: an expired OAuth access token. */
    public static final String ACCESS_TOKEN_EXPIRED = "Access token expired.";

    /** Observed (§13): REST with an app password after the 2026-07-28 removal. */
    public static final String APP_PASSWORDS_DEPRECATED =
            "App passwords are deprecated and must be replaced with API tokens.";

    /** Observed: Git with an app password after removal (HTTP 410), as {@code remote:} lines. */
    public static final List<String> GIT_APP_PASSWORD_GONE = List.of(
            "CHANGE-3222 - Functionality has been deprecated",
            APP_PASSWORDS_DEPRECATED,
            "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-3222");

    /** Observed (2022 capture, §2.7): the plain-text REST body for an account password. */
    public static final String ACCOUNT_PASSWORD_REST =
            "Bitbucket Cloud recently stopped supporting account passwords for API authentication.\n"
                    + "See our community post for more details: https://atlassian.community/t5/x/x/ba-p/1948231\n"
                    + "App passwords are recommended for most use cases and can be created in your Personal settings:\n"
                    + "https://bitbucket.org/account/settings/app-passwords/\n"
                    + "For more details on API authentication methods see our documentation:\n"
                    + "https://developer.atlassian.com/cloud/bitbucket/rest/intro/#authentication\n";

    /** Observed: the Git {@code remote:} line for an account password. */
    public static final String ACCOUNT_PASSWORD_GIT =
            "Bitbucket Cloud recently stopped supporting account passwords for Git authentication.";

    /** Observed: Git with an OAuth consumer's key and secret as username and password. */
    public static final String GIT_INVALID_USERNAME_OR_PASSWORD = "Invalid username or password";

    /** Observed: access tokens (and, by the emulator's choice, client-credentials tokens) on user endpoints. */
    public static final String NOT_ACCESSIBLE = "This API is not accessible by this authentication mechanism";

    /** Observed: a missing scope, REST (403 with {@code detail}) and Git (403). */
    public static final String MISSING_SCOPES = "Your credentials lack one or more required privilege scopes.";

    /** Observed: a private repository the caller cannot see (REST, 404). */
    public static final String REPO_NO_ACCESS =
            "You may not have access to this repository or it no longer exists in this workspace. "
                    + "If you think this repository exists and you have access, make sure you are authenticated.";

    /** Observed: Git, no access to the repository (403). */
    public static final String GIT_REPO_NO_ACCESS =
            "The requested repository either does not exist or you do not have access. If you believe this "
                    + "repository exists and you have access, make sure you're authenticated.";

    /** Observed: Git from an address outside the workspace's IP allowlist. */
    public static final String IP_NOT_ALLOWED = "To access this repository, an admin must whitelist your IP.";

    /** Observed: Git when the workspace requires two-step verification and the account lacks it. */
    public static final String GIT_TWO_STEP_REQUIRED = "To access this repository, enable two-step authentication.";

    /** Observed (Git LFS JSON): the REST text the emulator uses for the 2SV requirement. */
    public static final String REST_TWO_STEP_REQUIRED = "To access this repository, enable two-step verification.";

    /** Emulator's choice: REST write by a caller holding only read. */
    public static final String REST_WRITE_DENIED = "You do not have write access to this repository.";

    /** Emulator's choice: REST admin operation by a caller without admin. */
    public static final String REST_ADMIN_DENIED = "You do not have admin access to this repository.";

    /** Emulator's choice: Git push by a caller holding only read. */
    public static final String GIT_WRITE_DENIED = "You do not have write access to this repository.";

    /** Observed (JSON; older captures as text/plain): over the hourly allowance. */
    public static final String RATE_LIMITED = "Rate limit for this resource has been exceeded";

    // ---- OAuth token endpoint (RFC 6749 error bodies) ----

    /** Observed: client credentials with a public consumer. */
    public static final String OAUTH_PUBLIC_CONSUMER =
            "Cannot use client_credentials with a consumer marked as \"public\". "
                    + "Calls for auto generated consumers should use urn:bitbucket:oauth2:jwt instead.";

    /** Observed: authorization code flow for a consumer without a callback URL. */
    public static final String OAUTH_NO_CALLBACK = "No callback uri defined for the OAuth client.";
}
