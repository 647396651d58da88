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

  // ---- Bitbucket answered no (reference: bitbucket-cloud-rest.md §1.4) ----

  public static String unauthorized(ApiFailure f) {
    return request(f) + ": Bitbucket did not accept the credential (401" + said(f) + "). API tokens are sent with the "
        + "Atlassian account email (not the Bitbucket username); access and OAuth tokens as Bearer; app passwords no "
        + "longer work. Run 'bbpush auth doctor' to see why.";
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
