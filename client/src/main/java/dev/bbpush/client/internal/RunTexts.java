package dev.bbpush.client.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The auth doctor's texts about its run rather than a refusal: the labels of its probes, its observations (the URL,
 * the credential's shape and source, the account), the request budget, how it quotes Bitbucket's words, and the
 * wording of fix lines that set a setting where the credential came from, with the placeholders they hold.
 *
 * <p>Internal: not part of the public API.
 */
public final class RunTexts {
    private RunTexts() {}

    // ---- Placeholders in fix lines (the value a user fills in)

    /** A newly created token (access token or API token). */
    public static final String NEW_TOKEN = "<the new token>";

    /** A newly created access token, where the line names the kind. */
    public static final String NEW_ACCESS_TOKEN = "<the new access token>";

    /** The access token that was sent, set again the right way. */
    public static final String SAME_TOKEN = "<the same token>";

    /** The API token that was sent, set again the right way. */
    public static final String SAME_API_TOKEN = "<the same ATATT… token>";

    /** The API token again, after it was cut while pasting. */
    public static final String COMPLETE_TOKEN = "<the complete token>";

    /** The Atlassian account email, when it is not known. */
    public static final String ACCOUNT_EMAIL = "<your Atlassian account email>";

    /** The OAuth consumer's key, when it is not known. */
    public static final String CONSUMER_KEY = "<consumer key>";

    /** The end of every {@code unknown} verdict's summary: what the doctor does instead of guessing. */
    public static String unknown(String summary) {
        return summary + " The doctor does not guess: read the evidence below (raw "
                + "status, headers and Bitbucket's message).";
    }

    /** Who refused, for the OAuth token endpoint's verdicts. */
    public static final String OAUTH_TOKEN_ENDPOINT = "The OAuth token endpoint";

    // ---- Bitbucket's words as the doctor quotes them

    /** Bitbucket's message for a summary: {@code : "message"}, or {@code , no message} when it said nothing. */
    public static String said(String message) {
        return message.isEmpty() ? ", no message" : ": \"" + message + "\"";
    }

    /** An HTML page in place of Bitbucket's words. */
    public static String htmlPage(int length) {
        return "(HTML page, " + length + " characters)";
    }

    /** An answer none of the doctor's rules explains. */
    public static String unexplainedAnswer(int status, String said) {
        return "Bitbucket answered " + status + said + ", which none of the doctor's rules explains.";
    }

    // ---- Probe labels

    /** The label of the failure being explained, whose answer the caller got. */
    public static final String EXPLAINED_REQUEST = "the failed request being explained (made by the caller)";

    /** The label of the failure being explained that got no answer; {@code seen} is the transport's message. */
    public static String explainedRequestNoResponse(String seen) {
        return "the failed request being explained; no response: " + seen;
    }

    /** The label of a probe that got no answer; {@code seen} is the transport's message. */
    public static String noResponse(String purpose, String seen) {
        return purpose + "; no response: " + seen;
    }

    /** The observation for a request the budget did not allow. */
    public static String notSent(int budget, String method, String uri, String purpose) {
        return "not sent (request budget of " + budget + " spent): " + method + " " + uri + " (" + purpose + ")";
    }

    /** The verdict when the request budget ran out before one. */
    public static final String BUDGET_SPENT = "The request budget was spent before a verdict.";

    /** The label of {@code GET /user} for {@code auth status} and after a repository check. */
    public static final String PROBE_ACCOUNT = "which account is this? (GET /user)";

    /** The label of {@code GET /user} when no repository is examined. */
    public static final String PROBE_ACCOUNT_OF_CREDENTIAL = "which account is this credential? (GET /user)";

    /** The label of {@code GET /user/emails}. */
    public static final String PROBE_EMAILS = "the account's email addresses";

    /** The label of the URL a failing tool used ({@code --check-url}). */
    public static final String PROBE_CHECK_URL = "the URL a failing tool used";

    /** The label of the repository probe. */
    public static String probeRepository(String repository) {
        return "can the credential read " + repository + "?";
    }

    /** The label of the OAuth client-credentials exchange. */
    public static final String PROBE_TOKEN_EXCHANGE =
            "exchange the OAuth consumer's key and secret for an access token (client credentials)";

    // ---- Observations: the credential

    /** Without a credential, when the resolution has no story of its own. */
    public static final String NO_CREDENTIAL_GIVEN = "No credential was given.";

    /** The API URL, with why it cannot be Bitbucket Cloud's REST base when it cannot. */
    public static String apiUrl(String apiUrl, Optional<String> problem) {
        return "API URL: " + apiUrl + problem.map(p -> " — " + p).orElse("");
    }

    /** The credential, where it came from and how it is sent (an OAuth consumer: exchanged for a token). */
    public static String credential(
            String kind, String maskedSecret, String source, boolean consumer, String identity, String scheme) {
        return "credential: " + kind + " " + maskedSecret + " from " + source
                + (consumer
                        ? "; consumer key '" + identity + "', exchanged for a Bearer token at the token endpoint"
                        : "; sent as " + scheme + (identity.isEmpty() ? "" : " with identity '" + identity + "'"));
    }

    /** The secret's shape and length, and whether it is shorter than any API token. */
    public static String secretShape(String description, int length, boolean truncated) {
        return "secret shape: " + description + ", " + length + " characters"
                + (truncated
                        ? " — shorter than any API token Bitbucket issues (about 190): probably cut while pasting"
                        : "");
    }

    /** Whether the identity is an email address (and whether it has an OAuth consumer key's shape). */
    public static String identity(String identity, boolean email, boolean consumerKeyShape) {
        return "identity '" + identity + "' "
                + (email
                        ? "is an email address"
                        : "is not an email address"
                                + (consumerKeyShape
                                        ? " (18 letters and digits: the shape of an OAuth consumer key)"
                                        : ""));
    }

    /** A paste damage the resolution repaired. */
    public static String pasteDamageRepaired(String repair) {
        return "paste damage repaired for this run: " + repair;
    }

    /** A note of the resolution. */
    public static String note(String note) {
        return "note: " + note;
    }

    /** An OAuth token's expiry, read from its payload. */
    public static String tokenPayloadExpiry(Instant expiry, boolean past) {
        return "OAuth token expiry (from its payload): " + expiry + (past ? " — already past" : "");
    }

    /** A credential source that failed. */
    public static String sourceProblem(String outcome) {
        return "credential source problem: " + outcome;
    }

    /** What an OAuth access token from a consumer is, when reused from an earlier run. */
    public static final String OAUTH_TOKEN_REUSED = "OAuth access token reused (issued earlier in this command)";

    /** What an OAuth access token from a consumer is, when just issued. */
    public static final String OAUTH_TOKEN_ISSUED = "OAuth access token issued";

    /** An OAuth access token from a consumer: its lifetime and scopes. */
    public static String oauthToken(String what, long expiresIn, Instant expiresAt, Optional<String> scope) {
        return what + ": expires in " + expiresIn + " s (" + expiresAt + "), scope: " + scope.orElse("(not reported)");
    }

    // ---- Observations: the probes

    /** The URL to check answered with success: the run goes on to the credential. */
    public static String checkUrlSucceeded(int status) {
        return "the URL to check answered " + status + ": not the failure; examining the credential";
    }

    /** Bitbucket authenticated the credential, with its X-Credential-Type and X-OAuth-Scopes when reported. */
    public static String authenticated(Optional<String> credentialType, Optional<List<String>> granted) {
        return "Bitbucket authenticated the credential"
                + credentialType.map(t -> ": X-Credential-Type " + t).orElse("")
                + granted.map(g -> ", X-OAuth-Scopes " + (g.isEmpty() ? "(none)" : String.join(", ", g)))
                        .orElse("");
    }

    /** Bitbucket did not report the granted scopes. */
    public static final String SCOPES_NOT_REPORTED =
            "Bitbucket did not report the granted scopes (no X-OAuth-Scopes); scopes not checked";

    /** The Git check needs a repository. */
    public static final String GIT_CHECK_NEEDS_REPOSITORY =
            "Git check skipped: it needs a repository (--repo WORKSPACE/REPO)";

    /** The credential acts as an app_user. */
    public static String appUser(String displayName) {
        return "acts as an app_user (no Bitbucket account): " + displayName;
    }

    /** The account, with its two-step verification when reported. */
    public static String account(String username, String displayName, Optional<Boolean> twoStep) {
        return "account: " + username + " (" + displayName + ")"
                + twoStep.map(on -> ", two-step verification " + (on ? "on" : "off"))
                        .orElse("");
    }

    // ---- Fix lines that set a setting

    /** A setting in the config file the credential came from. */
    public static String setInConfigFile(String location, String key, String value) {
        return "In " + location + " set:  " + key + " = " + value;
    }

    /** A secret piped on stdin. */
    public static String pipeSecret(String value) {
        return "Pipe " + value + ": printf '%s' \"$TOKEN\" | bbpush ... --token-stdin";
    }

    /** A setting passed as a flag. */
    public static String passFlag(String flag, String value) {
        return "Pass " + flag + " " + value;
    }

    /** A setting exported as an environment variable. */
    public static String export(String variable, String value) {
        return "export " + variable + "='" + value + "'";
    }

    /** Unsetting the environment variables that are not bbpush's own. */
    public static String unset(List<String> variables) {
        return "unset " + String.join(" ", variables);
    }

    /** Appended to a line exporting a new API token: it may be piped instead. */
    public static final String OR_PIPE_IT = "   # or pipe it: printf '%s' \"$TOKEN\" | bbpush ... --token-stdin";
}
