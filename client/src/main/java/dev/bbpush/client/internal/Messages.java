package dev.bbpush.client.internal;

import dev.bbpush.client.error.ApiFailure;
import java.net.URI;
import java.util.Optional;

/**
 * The user-facing texts of the library, in one place so they stay consistent and testable. Each says what happened,
 * why (Bitbucket's own words when it gave some), and the fix. None may contain a secret: callers pass masked values.
 * The texts of refusals (a credential Bitbucket did not accept, shared with the auth doctor) are in {@link
 * RefusalTexts}.
 *
 * <p>Internal: not part of the public API.
 */
public final class Messages {
    private Messages() {}

    // ---- Bitbucket answered (refusals: 401, 403, 404, 429 and the OAuth token endpoint's are in RefusalTexts) ----

    public static String conflict(ApiFailure f) {
        return request(f) + ": conflict (" + f.status() + said(f) + "). The state changed or already exists; read it "
                + "again and decide.";
    }

    public static String serverError(ApiFailure f, int attempts) {
        return request(f) + ": Bitbucket failed (" + f.status() + said(f) + ")"
                + (attempts > 1 ? " on all " + attempts + " attempts" : "") + ". Try again later.";
    }

    public static String otherStatus(ApiFailure f) {
        String fields =
                f.error().fields().isEmpty() ? "" : " Fields: " + f.error().fields() + ".";
        return request(f) + ": Bitbucket answered " + f.status() + said(f) + "." + fields;
    }

    public static String unexpectedBody(String method, URI uri, int status, String what) {
        return method + " " + uri + ": Bitbucket answered " + status + " but " + what
                + ". Check the API URL: it must be Bitbucket's REST base (https://api.bitbucket.org/2.0).";
    }

    // ---- The exchange did not complete ----

    public static String transportFailure(
            String method, URI uri, String failure, boolean mayHaveReached, int attempts) {
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

    /** {@code METHOD uri}: how every text about a response starts. */
    static String request(ApiFailure f) {
        return f.method() + " " + f.uri();
    }

    /** Bitbucket's own words in parentheses' tail: {@code : "message" — detail}, else the reason phrase. */
    static String said(ApiFailure f) {
        Optional<String> m = f.error().message();
        String detail = f.error()
                .detail()
                .filter(d ->
                        f.error().granted().isEmpty() && f.error().required().isEmpty())
                .map(d -> " — " + d)
                .orElse("");
        String phrase = f.reasonPhrase().isEmpty() ? "" : " " + f.reasonPhrase();
        return m.map(s -> ": \"" + clip(s) + "\"" + detail).orElse(phrase);
    }

    private static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
