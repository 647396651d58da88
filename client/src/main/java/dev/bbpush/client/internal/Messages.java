package dev.bbpush.client.internal;

import dev.bbpush.client.error.ApiFailure;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The user-facing texts of the library, in one place so they stay consistent and testable. Each says what happened,
 * why (Bitbucket's own words when it gave some), and the fix. None may contain a secret: callers pass masked values.
 *
 * <p>Internal: not part of the public API.
 */
public final class Messages {
  private Messages() {}

  /** The API token scopes bbpush needs, for messages that tell the user to create one. */
  static final String API_TOKEN_SCOPES = "read:repository:bitbucket and write:repository:bitbucket (plus "
      + "read:user:bitbucket for 'bbpush auth status', and read:pullrequest:bitbucket and write:pullrequest:bitbucket "
      + "for pull requests)";

  /** Where API tokens are created. */
  static final String API_TOKEN_PAGE = "https://id.atlassian.com/manage-profile/security/api-tokens";

  // ---- Bitbucket answered no (reference: bitbucket-cloud-rest.md §1.4) ----

  public static String unauthorized(ApiFailure f) {
    return request(f) + ": Bitbucket did not accept the credential (401" + said(f) + "). API tokens are sent with the "
        + "Atlassian account email (not the Bitbucket username); access and OAuth tokens as Bearer; app passwords no "
        + "longer work. Run 'bbpush auth doctor' to see why.";
  }

  /** An Atlassian API token sent with a username (or anything but an email) as the Basic identity. */
  public static String apiTokenWithUsername(ApiFailure f, String identity) {
    return request(f) + ": Bitbucket refused the API token (401" + said(f) + ", Basic challenge) because it was sent "
        + "with the identity '" + identity + "', which is not an email address. Bitbucket REST accepts an API token "
        + "only with the Atlassian account email (the Bitbucket username works for Git only). Fix: use the account "
        + "email for REST: set BBPUSH_EMAIL (or --email) to the Atlassian account email of the token's owner.";
  }

  /** An app password after Bitbucket removed them (reference: bitbucket-cloud-auth.md §2.3). */
  public static String appPasswordRemoved(ApiFailure f) {
    return request(f) + ": Bitbucket refused the app password (401" + said(f) + "): app passwords were removed on "
        + "2026-07-28, create an API token with scopes " + API_TOKEN_SCOPES + " at " + API_TOKEN_PAGE
        + " and use it instead: set BBPUSH_EMAIL (the Atlassian account email) and BBPUSH_API_TOKEN, and unset "
        + "BITBUCKET_APP_PASSWORD.";
  }

  /** An API token sent as {@code Bearer} (reference: bitbucket-cloud-auth.md §2.1). */
  public static String apiTokenAsBearer(ApiFailure f) {
    return request(f) + ": Bitbucket refused the token (401" + said(f) + "): it is an Atlassian API token (ATATT…) "
        + "sent as a Bearer token, but API tokens use Basic email:token. Fix: pass it as an API token together with "
        + "the account email (BBPUSH_EMAIL + BBPUSH_API_TOKEN; or --email with the token piped to --token-stdin), not as an "
        + "access token.";
  }

  /** An account (login) password (reference: bitbucket-cloud-auth.md §2.7). */
  public static String accountPassword(ApiFailure f) {
    return request(f) + ": Bitbucket does not accept account passwords for the API (401" + said(f) + "). Fix: "
        + "create an API token with scopes " + API_TOKEN_SCOPES + " at " + API_TOKEN_PAGE + " and set BBPUSH_EMAIL "
        + "(the Atlassian account email) and BBPUSH_API_TOKEN.";
  }

  public static String missingScopes(ApiFailure f, List<String> required, List<String> granted) {
    List<String> missing = required.stream().filter(s -> !granted.contains(s)).toList();
    return request(f) + ": the credential lacks scopes (403" + said(f) + "). Required: " + required + "; granted: "
        + granted + ". Create a credential that also has " + missing + ".";
  }

  public static String accessDenied(ApiFailure f) {
    return request(f) + ": access denied (403" + said(f) + "). The credential is valid but may not do this: check its "
        + "permission on the repository, the workspace's IP allowlist, and whether this credential type may use this "
        + "endpoint.";
  }

  public static String notFound(ApiFailure f) {
    return request(f) + ": not found (404" + said(f) + "). It does not exist, or it is private and this credential "
        + "cannot see it: check the workspace, repository and branch names and the credential's access.";
  }

  public static String conflict(ApiFailure f) {
    return request(f) + ": conflict (" + f.status() + said(f) + "). The state changed or already exists; read it "
        + "again and decide.";
  }

  public static String rateLimited(ApiFailure f) {
    return request(f) + ": rate limited (429" + said(f) + ")"
        + f.retryAfterSeconds().map(s -> "; Bitbucket asked to wait " + s + " s").orElse("")
        + ". Bitbucket counts requests per hour per credential; wait and try again.";
  }

  public static String serverError(ApiFailure f, int attempts) {
    return request(f) + ": Bitbucket failed (" + f.status() + said(f) + ")"
        + (attempts > 1 ? " on all " + attempts + " attempts" : "") + ". Try again later.";
  }

  public static String otherStatus(ApiFailure f) {
    String fields = f.error().fields().isEmpty() ? "" : " Fields: " + f.error().fields() + ".";
    return request(f) + ": Bitbucket answered " + f.status() + said(f) + "." + fields;
  }

  public static String unexpectedBody(String method, URI uri, int status, String what) {
    return method + " " + uri + ": Bitbucket answered " + status + " but " + what + ". Check the API URL: it must be "
        + "Bitbucket's REST base (https://api.bitbucket.org/2.0).";
  }

  // ---- OAuth token endpoint (reference: bitbucket-cloud-auth.md §2.5) ----

  /** 401 {@code invalid_client}: the consumer key or secret is wrong. */
  public static String oauthClientRefused(ApiFailure f, String clientId) {
    return request(f) + ": Bitbucket refused the OAuth consumer key '" + clientId + "' with its secret (401" + said(f)
        + "): the key or the secret is wrong, or the consumer was deleted. Fix: copy both from Workspace settings > "
        + "OAuth consumers and set BBPUSH_OAUTH_CLIENT_ID (or --oauth-client-id) and BBPUSH_OAUTH_CLIENT_SECRET (the "
        + "secret is never taken on the command line).";
  }

  /** 400 {@code invalid_grant} for a consumer marked public: client credentials need a private consumer. */
  public static String oauthPublicConsumer(ApiFailure f, String clientId) {
    return request(f) + ": Bitbucket will not issue a client-credentials token to OAuth consumer '" + clientId
        + "' because the consumer is marked as public (400" + said(f) + "). Client credentials work only with a "
        + "private consumer. Fix: in Workspace settings > OAuth consumers, edit the consumer, tick 'This is a private "
        + "consumer' and save; or use an API token or access token instead.";
  }

  /** Any other refusal by the token endpoint. */
  public static String oauthTokenRefused(ApiFailure f, String clientId) {
    return request(f) + ": Bitbucket refused to issue a token to OAuth consumer '" + clientId + "' (" + f.status()
        + said(f) + "). Check the consumer in Workspace settings > OAuth consumers, and the token URL "
        + "(BBPUSH_OAUTH_TOKEN_URL; default https://bitbucket.org/site/oauth2/access_token).";
  }

  // ---- The exchange did not complete ----

  public static String transportFailure(String method, URI uri, String failure, boolean mayHaveReached, int attempts) {
    return method + " " + uri + ": no response from Bitbucket (" + failure + ")"
        + (attempts > 1 ? " after " + attempts + " attempts" : "")
        + (mayHaveReached
            ? ". The request may have reached Bitbucket: check the result before repeating it."
            : ". The request was not sent.")
        + " Check the network, proxy and API URL.";
  }

  public static String interrupted(String method, URI uri) {
    return method + " " + uri + ": interrupted while waiting to retry.";
  }

  // ---- Client configuration ----

  public static String insecureApiUrl(URI uri) {
    return "API URL " + uri + " uses plain http to a non-loopback host, which would send credentials unencrypted. "
        + "Use https (e.g. https://api.bitbucket.org/2.0); plain http is allowed only for loopback addresses "
        + "(127.0.0.0/8, ::1, localhost), such as a local emulator.";
  }

  private static String request(ApiFailure f) {
    return f.method() + " " + f.uri();
  }

  private static String said(ApiFailure f) {
    Optional<String> m = f.error().message();
    String detail = f.error().detail().filter(d -> f.error().granted().isEmpty() && f.error().required().isEmpty())
        .map(d -> " — " + d).orElse("");
    String phrase = f.reasonPhrase().isEmpty() ? "" : " " + f.reasonPhrase();
    return m.map(s -> ": \"" + clip(s) + "\"" + detail).orElse(phrase);
  }

  private static String clip(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
