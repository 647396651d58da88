package dev.bbpush.client.internal;

import dev.bbpush.client.error.ApiFailure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of refusal texts: what bbpush says when Bitbucket refuses a credential, in one place, keyed by the
 * auth doctor's cause ids ({@code dev.bbpush.client.diagnose.Cause#id()}, marked {@link ForCause}). Two audiences read
 * them, with two wordings that tests pin separately:
 *
 * <ul>
 *   <li>{@link Failed}: the message of the exception a failed request throws ({@code ApiErrors}, the OAuth token
 *       exchange): one paragraph starting with the request, naming the cause and the fix;
 *   <li>{@link Doctor}: the auth doctor's verdict, a summary of the evidence and copy-pasteable fix lines (the lines
 *       that set a setting are worded by the doctor for where the credential came from, and passed in).
 * </ul>
 *
 * <p>Also the facts both share: where API tokens are created, which scopes bbpush needs, and Bitbucket's own words
 * that identify a refusal. None of the texts may contain a secret: callers pass masked values.
 *
 * <p>Internal: not part of the public API.
 */
public final class RefusalTexts {
    private RefusalTexts() {}

    /** The doctor cause a text explains; texts without it are general (several causes, or none in particular). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface ForCause {
        /** The cause id, e.g. {@code app-password-removed}. */
        String value();
    }

    // ---- Facts the texts share (reference: bitbucket-cloud-auth.md §2.1, §2.3, §2.7) ----

    /** Where Atlassian API tokens are created. */
    public static final String API_TOKEN_PAGE = "https://id.atlassian.com/manage-profile/security/api-tokens";

    /** The API token scopes bbpush needs, for messages that tell the user to create one. */
    public static final String API_TOKEN_SCOPES = "read:repository:bitbucket and write:repository:bitbucket (plus "
            + "read:user:bitbucket for 'bbpush auth status', and read:pullrequest:bitbucket and write:pullrequest:bitbucket "
            + "for pull requests)";

    /** Bitbucket's words (401 body) when it was sent an Atlassian account password. */
    public static final String SAYS_ACCOUNT_PASSWORD = "stopped supporting account passwords";

    /** The start of Bitbucket's message (401) for an app password, during the brownouts and after the removal. */
    public static final String SAYS_APP_PASSWORD_DEPRECATED = "App passwords are deprecated";

    /** The fix line that sets the OAuth consumer secret (never suggested as a flag). */
    public static final String EXPORT_CONSUMER_SECRET = "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'";

    /** The texts of the exception a refused request throws. */
    public static final class Failed {
        private Failed() {}

        /** A 401 whose cause is not recognisable from the response and the kind of credential. */
        public static String unauthorized(ApiFailure f) {
            return Messages.request(f) + ": Bitbucket did not accept the credential (401" + Messages.said(f) + "). API "
                    + "tokens are sent with the Atlassian account email (not the Bitbucket username); access and OAuth tokens "
                    + "as Bearer; app passwords no longer work. Run 'bbpush auth doctor' to see why.";
        }

        /** An Atlassian API token sent with a username (or anything but an email) as the Basic identity. */
        @ForCause("api-token-needs-email")
        public static String apiTokenWithUsername(ApiFailure f, String identity) {
            return Messages.request(f) + ": Bitbucket refused the API token (401" + Messages.said(f)
                    + ", Basic challenge) "
                    + "because it was sent with the identity '" + identity
                    + "', which is not an email address. Bitbucket REST "
                    + "accepts an API token only with the Atlassian account email (the Bitbucket username works for Git only). "
                    + "Fix: use the account email for REST: set BBPUSH_EMAIL (or --email) to the Atlassian account email of the "
                    + "token's owner.";
        }

        /** An app password after Bitbucket removed them (reference: bitbucket-cloud-auth.md §2.3). */
        @ForCause("app-password-removed")
        public static String appPasswordRemoved(ApiFailure f) {
            return Messages.request(f) + ": Bitbucket refused the app password (401" + Messages.said(f) + "): app "
                    + "passwords were removed on 2026-07-28, create an API token with scopes " + API_TOKEN_SCOPES
                    + " at "
                    + API_TOKEN_PAGE + " and use it instead: set BBPUSH_EMAIL (the Atlassian account email) and "
                    + "BBPUSH_API_TOKEN, and unset BITBUCKET_APP_PASSWORD.";
        }

        /** An API token sent as {@code Bearer} (reference: bitbucket-cloud-auth.md §2.1). */
        @ForCause("api-token-sent-as-bearer")
        public static String apiTokenAsBearer(ApiFailure f) {
            return Messages.request(f) + ": Bitbucket refused the token (401" + Messages.said(f)
                    + "): it is an Atlassian "
                    + "API token (ATATT…) sent as a Bearer token, but API tokens use Basic email:token. Fix: pass it as an API "
                    + "token together with the account email (BBPUSH_EMAIL + BBPUSH_API_TOKEN; or --email with the token piped "
                    + "to --token-stdin), not as an access token.";
        }

        /** An account (login) password (reference: bitbucket-cloud-auth.md §2.7). */
        @ForCause("account-password-rejected")
        public static String accountPassword(ApiFailure f) {
            return Messages.request(f) + ": Bitbucket does not accept account passwords for the API (401"
                    + Messages.said(f) + "). Fix: create an API token with scopes " + API_TOKEN_SCOPES + " at "
                    + API_TOKEN_PAGE
                    + " and set BBPUSH_EMAIL (the Atlassian account email) and BBPUSH_API_TOKEN.";
        }

        /** A 403 naming the scopes the endpoint requires and those the credential has. */
        @ForCause("missing-scopes")
        public static String missingScopes(ApiFailure f, List<String> required, List<String> granted) {
            List<String> missing =
                    required.stream().filter(s -> !granted.contains(s)).toList();
            return Messages.request(f) + ": the credential lacks scopes (403" + Messages.said(f) + "). Required: "
                    + required + "; granted: " + granted + ". Create a credential that also has " + missing + ".";
        }

        /** A 403 without scope details: permission, IP allowlist or credential type. */
        public static String accessDenied(ApiFailure f) {
            return Messages.request(f) + ": access denied (403" + Messages.said(f)
                    + "). The credential is valid but may "
                    + "not do this: check its permission on the repository, the workspace's IP allowlist, and whether this "
                    + "credential type may use this endpoint.";
        }

        /** A 404: absent, or private and invisible to this credential. */
        @ForCause("repository-not-found-or-no-access")
        public static String notFound(ApiFailure f) {
            return Messages.request(f) + ": not found (404" + Messages.said(f)
                    + "). It does not exist, or it is private "
                    + "and this credential cannot see it: check the workspace, repository and branch names and the "
                    + "credential's access.";
        }

        /** A 429. */
        @ForCause("rate-limited")
        public static String rateLimited(ApiFailure f) {
            return Messages.request(f) + ": rate limited (429" + Messages.said(f) + ")"
                    + f.retryAfterSeconds()
                            .map(s -> "; Bitbucket asked to wait " + s + " s")
                            .orElse("")
                    + ". Bitbucket counts requests per hour per credential; wait and try again.";
        }

        // ---- OAuth token endpoint (reference: bitbucket-cloud-auth.md §2.5) ----

        /** 401 {@code invalid_client}: the consumer key or secret is wrong. */
        @ForCause("token-expired-or-revoked")
        public static String oauthClientRefused(ApiFailure f, String clientId) {
            return Messages.request(f) + ": Bitbucket refused the OAuth consumer key '" + clientId
                    + "' with its secret "
                    + "(401" + Messages.said(f)
                    + "): the key or the secret is wrong, or the consumer was deleted. Fix: copy "
                    + "both from Workspace settings > OAuth consumers and set BBPUSH_OAUTH_CLIENT_ID (or --oauth-client-id) "
                    + "and BBPUSH_OAUTH_CLIENT_SECRET (the secret is never taken on the command line).";
        }

        /** 400 {@code invalid_grant} for a consumer marked public: client credentials need a private consumer. */
        @ForCause("oauth-consumer-not-private")
        public static String oauthPublicConsumer(ApiFailure f, String clientId) {
            return Messages.request(f) + ": Bitbucket will not issue a client-credentials token to OAuth consumer '"
                    + clientId + "' because the consumer is marked as public (400" + Messages.said(f) + "). Client "
                    + "credentials work only with a private consumer. Fix: in Workspace settings > OAuth consumers, edit the "
                    + "consumer, tick 'This is a private consumer' and save; or use an API token or access token instead.";
        }

        /** Any other refusal by the token endpoint. */
        public static String oauthTokenRefused(ApiFailure f, String clientId) {
            return Messages.request(f) + ": Bitbucket refused to issue a token to OAuth consumer '" + clientId + "' ("
                    + f.status() + Messages.said(f)
                    + "). Check the consumer in Workspace settings > OAuth consumers, and the "
                    + "token URL (BBPUSH_OAUTH_TOKEN_URL; default https://bitbucket.org/site/oauth2/access_token).";
        }
    }

    /**
     * The auth doctor's verdict texts. {@code said} is Bitbucket's message as the doctor quotes it ({@code : "…"} or
     * {@code , no message}); fix lines that set a setting come worded for the credential's source.
     */
    public static final class Doctor {
        private Doctor() {}

        /** No source supplied a credential. */
        @ForCause("no-credentials")
        public static String noCredentials() {
            return "No Bitbucket credential was found, so nothing could be checked.";
        }

        /** The fix for no credential: what to create and the variables to set. */
        @ForCause("no-credentials")
        public static List<String> noCredentialsFix() {
            return List.of(
                    "Create an API token with scopes at " + API_TOKEN_PAGE + " (app Bitbucket; "
                            + "read:repository:bitbucket, write:repository:bitbucket), then:",
                    "export BBPUSH_EMAIL='<your Atlassian account email>'",
                    "export BBPUSH_API_TOKEN='<the token>'   # or pipe it with --token-stdin",
                    "Or a repository access token: export BBPUSH_ACCESS_TOKEN='<token>'");
        }

        /** The first step of every "create a new API token" fix. */
        public static String createApiToken(List<String> scopes) {
            return "Create an API token with scopes: " + API_TOKEN_PAGE + " -> 'Create API token with scopes' -> app "
                    + "'Bitbucket' -> select " + String.join(", ", scopes);
        }

        /** Bitbucket's account-password notice. */
        @ForCause("account-password-rejected")
        public static String accountPassword() {
            return "Bitbucket refused an Atlassian account password (401: \"Bitbucket Cloud recently stopped supporting "
                    + "account passwords for API authentication.\"). Account passwords are refused for REST and Git since "
                    + "2022-03-01.";
        }

        /** An app password, refused on REST (401) or Git (410). */
        @ForCause("app-password-removed")
        public static String appPasswordRemoved(String maskedSecret, int status, String said) {
            return "This is an app password (" + maskedSecret + "); Bitbucket answered " + status + said + ". App "
                    + "passwords stopped working on 2026-07-28 (REST 401, Git 410; failing in brownouts since 2026-06-09) and "
                    + "cannot be renewed.";
        }

        /** Appended to the new-API-token fix for an app password: the username each protocol needs. */
        @ForCause("app-password-removed")
        public static String appPasswordRemovedFixTail() {
            return "\nFor REST use the email; for Git your Bitbucket username or x-bitbucket-api-token-auth.";
        }

        /** An API token sent as Bearer. */
        @ForCause("api-token-sent-as-bearer")
        public static String apiTokenAsBearer(String said) {
            return "An Atlassian API token (ATATT…) was sent as 'Authorization: Bearer'; Bitbucket answered 401" + said
                    + ". REST takes API tokens only as HTTP Basic with the Atlassian account email: Basic base64(email:token).";
        }

        /** The fix lines for an API token sent as Bearer, after the lines setting the email and the token. */
        @ForCause("api-token-sent-as-bearer")
        public static String apiTokenAsBearerCurl() {
            return "With curl: curl -u \"$BBPUSH_EMAIL:$BBPUSH_API_TOKEN\" https://api.bitbucket.org/2.0/user";
        }

        /** An API token sent with a non-email identity. */
        @ForCause("api-token-needs-email")
        public static String apiTokenNeedsEmail(String identity, String said, boolean configuredAsAppPassword) {
            return "Bitbucket refused the API token sent with '" + identity + "' (401" + said
                    + "). On REST an API token "
                    + "works only with the Atlassian account email as the username, not the Bitbucket username"
                    + (configuredAsAppPassword ? " (the token was configured as an app password)" : "") + ".";
        }

        /** The token endpoint refused the client-credentials grant: the consumer is public. */
        @ForCause("oauth-consumer-not-private")
        public static String oauthConsumerNotPrivate(String who, int status, String said) {
            return who + " refused the client-credentials grant (" + status + said + "): the consumer is marked "
                    + "public. Only private consumers may use client credentials.";
        }

        /** The fix for a public consumer. */
        @ForCause("oauth-consumer-not-private")
        public static String oauthConsumerNotPrivateFix() {
            return "Workspace settings -> OAuth consumers -> Edit the consumer -> tick 'This is a private consumer' -> "
                    + "Save.\nThen run the command again (the key and secret stay the same).";
        }

        /** The token endpoint refused the consumer's key and secret. */
        @ForCause("token-expired-or-revoked")
        public static String oauthConsumerRefused(String who, int status, String said) {
            return who + " refused the consumer key and secret (" + status + said + "): the consumer was deleted, its "
                    + "secret was regenerated, or a value is mistyped.";
        }

        /** The fix for a refused consumer, given the line setting the consumer key. */
        @ForCause("token-expired-or-revoked")
        public static String oauthConsumerRefusedFix(String setClientId) {
            return "Copy the key and secret again from Workspace settings -> OAuth consumers:\n" + setClientId + "\n"
                    + EXPORT_CONSUMER_SECRET;
        }

        /** The token endpoint refused a refresh token. */
        @ForCause("oauth-refresh-token-invalid")
        public static String refreshTokenInvalid(String who, int status, String said) {
            return who + " refused the refresh token (" + status + said
                    + "). Refresh tokens rotate: each use returns a new "
                    + "one and the old one dies; an unused one expires after 3 months.";
        }

        /** The fix for a refused refresh token, given the line setting the consumer key. */
        @ForCause("oauth-refresh-token-invalid")
        public static String refreshTokenInvalidFix(String setClientId) {
            return "Store the refresh_token from each token response and use only the newest one.\nIf it is lost, authorize "
                    + "again (authorization code grant), or use client credentials with a private consumer:\n"
                    + setClientId
                    + "\n" + EXPORT_CONSUMER_SECRET;
        }

        // ---- 401 without a recognised cause

        /** A 401 for a secret of none of Bitbucket's shapes. */
        public static String unrecognisedSecret(String said) {
            return "Bitbucket refused the credential (401" + said
                    + "). The secret has none of Bitbucket's token shapes "
                    + "(API token ATATT…, access token ATCTT…), so the doctor cannot tell what it is: check that it is the value "
                    + "you meant.";
        }

        /** A 401 without Bitbucket's signature. */
        public static String notFromBitbucket(String said) {
            return "The 401" + said + " carries neither Bitbucket's challenge (WWW-Authenticate: Basic/OAuth "
                    + "realm=\"Bitbucket.org HTTP\") nor its JSON error body, so something else may have answered (a proxy or "
                    + "gateway asking for its own login, or another server at the API URL). It says nothing certain about the "
                    + "Bitbucket credential.";
        }

        // ---- Bearer tokens

        /** The access token Bitbucket just issued for an OAuth consumer is refused. */
        @ForCause("token-expired-or-revoked")
        public static String consumerTokenRefused(String said) {
            return "Bitbucket refused the access token it just issued for the OAuth consumer (401" + said + "): the "
                    + "consumer was probably deleted or disabled.";
        }

        /** A Bearer token refused without a more specific sign. */
        @ForCause("token-expired-or-revoked")
        public static String bearerTokenRefused(String maskedToken, String said, Optional<Instant> payloadExpiry) {
            return "Bitbucket did not accept the Bearer token " + maskedToken + " (401" + said
                    + "). It has expired or been "
                    + "revoked (or its resource was deleted), or the value is wrong"
                    + payloadExpiry
                            .map(e -> "; its payload says it expires " + e)
                            .orElse("") + ".";
        }

        /** The first fix line for a refused OAuth access token. */
        @ForCause("token-expired-or-revoked")
        public static String newOauthAccessToken() {
            return "Get a new access token from the OAuth consumer, or let bbpush fetch and renew tokens itself:";
        }

        /** The first fix line for a refused access token. */
        @ForCause("token-expired-or-revoked")
        public static String newAccessToken() {
            return "Create a new access token (Repository/Project/Workspace settings -> Access tokens) with the scopes you "
                    + "need, e.g. repository:write";
        }

        /** An access token or OAuth access token sent with Basic. */
        @ForCause("access-token-needs-bearer")
        public static String accessTokenAsBasic(boolean accessToken, String identity, String said) {
            return "A" + (accessToken ? "n access token (ATCTT…)" : "n OAuth access token")
                    + " was sent with HTTP Basic ('"
                    + identity + "'); Bitbucket answered 401" + said
                    + ". REST takes access tokens only as 'Authorization: "
                    + "Bearer <token>' (Git uses the user x-token-auth).";
        }

        /** The curl line of the fix for an access token sent with Basic. */
        @ForCause("access-token-needs-bearer")
        public static String accessTokenAsBasicCurl() {
            return "With curl: curl -H \"Authorization: Bearer $BBPUSH_ACCESS_TOKEN\" "
                    + "https://api.bitbucket.org/2.0/repositories/WORKSPACE/REPO";
        }

        /** An expired OAuth access token; {@code when} is {@code " It expired at …."} or empty. */
        @ForCause("oauth-token-expired")
        public static String oauthTokenExpired(String said, Optional<String> challenge, String when) {
            return "The OAuth access token has expired (401" + said
                    + challenge.map(h -> ", " + h).orElse("") + ")." + when
                    + " Bitbucket's access tokens live 1-2 hours (trust expires_in).";
        }

        /** The first fix line for an expired OAuth access token. */
        @ForCause("oauth-token-expired")
        public static String oauthTokenExpiredFix() {
            return "Get a new access token (refresh token grant, or client credentials), or let bbpush fetch and renew it "
                    + "from the consumer:";
        }

        /** A consumer's key and secret sent as a username and password. */
        @ForCause("oauth-consumer-key-as-credential")
        public static String consumerKeyAsCredential(String identity, int status, String said) {
            return "An OAuth consumer's key and secret were sent as username and password (Basic '" + identity
                    + "' + a "
                    + "32-character secret); Bitbucket answered " + status + said
                    + ". A consumer's key and secret are not "
                    + "credentials for REST or Git: exchange them for an access token first.";
        }

        /** The first fix line for a consumer key used as a credential. */
        @ForCause("oauth-consumer-key-as-credential")
        public static String consumerKeyAsCredentialFix() {
            return "Let bbpush exchange them (client credentials; the consumer must be private):";
        }

        /** The last fix line for a consumer key used as a credential: the exchange by hand. */
        @ForCause("oauth-consumer-key-as-credential")
        public static String consumerKeyAsCredentialCurl() {
            return "By hand: curl -u \"KEY:SECRET\" -d grant_type=client_credentials "
                    + "https://bitbucket.org/site/oauth2/access_token";
        }

        // ---- API tokens sent as Basic

        /** An API token refused as Bearer and, as a variant, as Basic {@code email:token} too. */
        @ForCause("api-token-unscoped")
        public static String apiTokenUnscopedEitherWay(String said, String email, String saidToBasic) {
            return "An Atlassian API token (ATATT…) was sent as 'Authorization: Bearer' (401" + said + "), and sent "
                    + "correctly as Basic '" + email + ":token' it is refused too (401" + saidToBasic
                    + "): Bitbucket does not "
                    + "accept the token itself. Most often it was created with 'Create API token' (no scopes), which Bitbucket "
                    + "never accepts; it may also have expired, been revoked, or belong to another account than this email "
                    + "(Bitbucket answers all alike).";
        }

        /** Appended to the new-API-token fix when the token was sent as Bearer. */
        @ForCause("api-token-unscoped")
        public static String apiTokenAsBasicNotBearer() {
            return "\nSend it as Basic (email:token), not Bearer.";
        }

        /** A well-sent API token refused with the bare challenge. */
        @ForCause("api-token-unscoped")
        public static String apiTokenUnscoped(String email, String said) {
            return "Bitbucket refused the API token for '" + email + "' (401" + said
                    + "). The token is well formed and "
                    + "sent correctly (Basic email:token), so Bitbucket does not accept the token itself: most often it was "
                    + "created with 'Create API token' (no scopes), which Bitbucket never accepts. It may also belong to "
                    + "another account than this email; Bitbucket gives the same answer for both.";
        }

        /** A well-sent API token refused with "Token is invalid, expired…". */
        @ForCause("token-expired-or-revoked")
        public static String apiTokenExpired(String email, String said) {
            return "Bitbucket refused the API token for '" + email + "' (401" + said
                    + "). The token is well formed and "
                    + "sent correctly (Basic email:token), and Bitbucket says it is invalid or expired: it has passed its "
                    + "expiry date (API tokens last at most one year) or was revoked by you or an organization admin. The same "
                    + "message has also been seen for a token created without scopes; the fix (a new token with scopes) cures "
                    + "both.";
        }

        /** An API token shorter than any Bitbucket issues. */
        @ForCause("secret-paste-damage")
        public static String apiTokenTruncated(String said, int length) {
            return "Bitbucket refused the API token (401" + said + "); the token is only " + length + " characters, "
                    + "shorter than any API token Bitbucket issues (about 190): it was probably cut while pasting.";
        }

        /** The first fix line for a cut API token. */
        @ForCause("secret-paste-damage")
        public static String apiTokenTruncatedFix() {
            return "Copy the whole token again (it is shown once; if lost, create a new one at " + API_TOKEN_PAGE + ")";
        }

        /** An API token with an email Git proves is not its owner's. */
        @ForCause("api-token-needs-email")
        public static String apiTokenWrongEmail(String email, String said) {
            return "Git accepts this API token, but REST refused it with the email '" + email + "' (401" + said
                    + "): the email is not the Atlassian account email of the token's owner.";
        }

        /** Comment appended to the fix line setting the email. */
        @ForCause("api-token-needs-email")
        public static String whichEmail() {
            return "   # the email you log in to Atlassian with (Bitbucket -> Personal settings -> Email aliases)";
        }

        /** The fix lines about Git's username for an API token. */
        @ForCause("api-token-needs-email")
        public static List<String> gitUsernameForApiToken() {
            return List.of(
                    "For Git keep the Bitbucket username or use x-bitbucket-api-token-auth (bbpush does this itself):",
                    "  git clone https://x-bitbucket-api-token-auth@bitbucket.org/WORKSPACE/REPO.git");
        }

        /** REST refused an API token that Git accepts with its username. */
        @ForCause("git-identity-mismatch")
        public static String gitIdentityMismatch(String said, String identity) {
            return "Git accepts this API token but REST refused it (401" + said + ") because it was sent with '"
                    + identity
                    + "': REST needs the Atlassian account email, Git the Bitbucket username or x-bitbucket-api-token-auth. One "
                    + "username cannot serve both.";
        }

        // ---- 403

        /** A 403 none of the rules explains. */
        public static String unexplained403(String said) {
            return "Bitbucket refused with 403" + said + ", which none of the doctor's rules explains.";
        }

        /** A 403 naming the scopes required and granted (the fix comes from the scope table). */
        @ForCause("missing-scopes")
        public static String missingScopes(String said, List<String> required, List<String> granted) {
            return "Bitbucket refused for missing scopes (403" + said + "). Required: " + String.join(", ", required)
                    + "; granted: " + String.join(", ", granted) + ".";
        }

        /** An access token that authenticates but may not call {@code GET /2.0/user}: expected. */
        @ForCause("endpoint-not-for-access-tokens")
        public static String userNotForAccessTokens(String credentialType, String said) {
            return "The token authenticates (X-Credential-Type " + credentialType
                    + "), but GET /2.0/user is not for access "
                    + "tokens (403" + said
                    + "): they have no account. That is expected; check a repository the token belongs "
                    + "to instead.";
        }

        /** The fix (a suggestion) for {@link #userNotForAccessTokens}. */
        @ForCause("endpoint-not-for-access-tokens")
        public static String userNotForAccessTokensFix() {
            return "bbpush auth doctor --repo WORKSPACE/REPO";
        }

        /** An account endpoint called with an access token; {@code request} is {@code METHOD /path}. */
        @ForCause("endpoint-not-for-access-tokens")
        public static String endpointNotForAccessTokens(String request, String said) {
            return request + " is not available to access tokens (403" + said + "): user and cross-workspace endpoints "
                    + "(/2.0/user, /2.0/workspaces, /2.0/users/…) need an account. The token itself may be fine.";
        }

        /** The fix for {@link #endpointNotForAccessTokens}. */
        @ForCause("endpoint-not-for-access-tokens")
        public static String endpointNotForAccessTokensFix() {
            return "Check the repository instead: bbpush auth doctor --repo WORKSPACE/REPO\nFor account endpoints use an "
                    + "API token with read:user:bitbucket (and read:workspace:bitbucket), or OAuth with the account scope.";
        }

        /** The workspace's IP allowlist refused the request. */
        @ForCause("ip-not-allowlisted")
        public static String ipNotAllowlisted(String said) {
            return "The workspace admits only allowlisted IP addresses, and this request came from outside the list (403"
                    + said + "). The credential itself was accepted.";
        }

        /** The fix for {@link #ipNotAllowlisted}. */
        @ForCause("ip-not-allowlisted")
        public static String ipNotAllowlistedFix() {
            return "Ask a workspace admin to add your public IP address (or your CI's egress range): Workspace settings -> "
                    + "IP allowlisting. Find your address: curl https://checkip.amazonaws.com";
        }

        /** The workspace requires two-step verification. */
        @ForCause("two-step-verification-required")
        public static String twoStepRequired(String said) {
            return "The workspace requires two-step verification and the account has none (403" + said + "). The "
                    + "credential itself was accepted.";
        }

        /** The fix for {@link #twoStepRequired}. */
        @ForCause("two-step-verification-required")
        public static String twoStepRequiredFix() {
            return "Enable two-step verification for the account: Bitbucket -> Personal settings -> Two-step verification "
                    + "(https://bitbucket.org/account/settings/two-step-verification/), then try again.\nOr use an access token "
                    + "of the repository/workspace, which has no account to verify.";
        }

        /** The credential may read but not write the repository. */
        @ForCause("no-write-permission")
        public static String noWritePermission(String repository, String said) {
            return "The credential is valid but may not write " + repository + " (403" + said + ").";
        }

        /** The fix for {@link #noWritePermission}. */
        @ForCause("no-write-permission")
        public static String noWritePermissionFix() {
            return "Ask a workspace admin to grant Write on the repository (Repository settings -> Repository permissions), "
                    + "or use an access token with repository:write.";
        }

        /** The account is not a member of the workspace. */
        @ForCause("repository-not-found-or-no-access")
        public static String notWorkspaceMember(String said) {
            return "The account is not a member of the workspace (403" + said + ").";
        }

        /** The fix for {@link #notWorkspaceMember}. */
        @ForCause("repository-not-found-or-no-access")
        public static String notWorkspaceMemberFix() {
            return "Check the workspace name; ask a workspace admin to invite your account.";
        }
    }
}
