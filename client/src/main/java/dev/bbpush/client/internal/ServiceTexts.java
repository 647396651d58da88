package dev.bbpush.client.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The auth doctor's texts for answers that say nothing about the credential: an API URL that is not Bitbucket Cloud's
 * REST API, a redirect, a proxy's 407, a removed endpoint (410), rate limiting (429), a server failure (5xx), and
 * requests that got no answer at all (TLS, proxy, DNS, refused connection, timeout). {@code said} is Bitbucket's
 * message as the doctor quotes it ({@code : "…"} or {@code , no message}); {@code where} is the request's origin and
 * {@code seen} the transport's own message.
 *
 * <p>Internal: not part of the public API.
 */
public final class ServiceTexts {
    private ServiceTexts() {}

    /** Bitbucket's whole message (403) for a REST path without {@code /2.0}. */
    public static final String SAYS_FORBIDDEN = "Forbidden";

    /** The fix line for an API URL that answered with something other than the REST API. */
    public static final String CHECK_API_URL =
            "Check --api-url / BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).";

    /** The fix line for a failure on Bitbucket's side or a slow network. */
    public static final String TRY_AGAIN_LATER =
            "Try again later; check https://bitbucket.status.atlassian.com for incidents.";

    // ---- The API URL's form (reference: bitbucket-cloud-auth.md §5)

    /** The URL problem for a Bitbucket Data Center/Server REST path. */
    @RefusalTexts.ForCause("wrong-api-host")
    public static String dataCenterPath(String path) {
        return "'" + path + "' is a Bitbucket Data Center/Server REST path; Bitbucket Cloud's REST API is "
                + "https://api.bitbucket.org/2.0";
    }

    /** The URL problem for the website's host (bitbucket.org) used as the API host. */
    @RefusalTexts.ForCause("wrong-api-host")
    public static String websiteHost(String host) {
        return "'" + host + "' serves the website and Git; the REST API is on api.bitbucket.org "
                + "(https://api.bitbucket.org/2.0)";
    }

    /** The URL problem for a path that does not end with {@code /2.0}; {@code path} is {@code /} when empty. */
    @RefusalTexts.ForCause("wrong-api-host")
    public static String pathWithout20(String path) {
        return "the path '" + path + "' does not end with /2.0; Bitbucket "
                + "Cloud's REST base is https://api.bitbucket.org/2.0 (answers 403 \"Forbidden\" without /2.0)";
    }

    /** The API URL is not Bitbucket Cloud's REST API; {@code urlProblem} is why, when its form shows it. */
    @RefusalTexts.ForCause("wrong-api-host")
    public static String wrongApiHost(String apiUrl, Optional<String> urlProblem, int status, String said) {
        return "The API URL " + apiUrl + " is not Bitbucket Cloud's REST API: "
                + urlProblem.orElse("a REST path without /2.0 gets 403 \"Forbidden\"")
                + ". It answered " + status + said + ".";
    }

    /** The fix lines for {@link #wrongApiHost}, given the line setting the API URL to Bitbucket Cloud's. */
    @RefusalTexts.ForCause("wrong-api-host")
    public static List<String> wrongApiHostFix(String setApiUrl) {
        return List.of(
                setApiUrl + "   # or unset it: that is the default",
                "A local emulator's URL is http://127.0.0.1:<port>/2.0 (printed by: bbpush emulator)");
    }

    // ---- Answers that are not refusals

    /** The failure being explained succeeded: nothing to explain. */
    public static String explainedRequestSucceeded(int status) {
        return "The request being explained succeeded (" + status + "); nothing to explain.";
    }

    /** A 2xx that is not the JSON the REST API documents. */
    public static String notRestApiJson(int status) {
        return "Bitbucket answered " + status + " but not with the JSON the REST API "
                + "documents: the API URL may point at something else (a proxy, a web page).";
    }

    /** A 3xx; {@code location} is the redirect's target, when it names one. */
    public static String redirect(int status, Optional<String> location) {
        return "The API URL answered with a redirect (" + status
                + location.map(l -> " to " + l).orElse("")
                + "); Bitbucket's REST API does not redirect.";
    }

    /** A 5xx. */
    public static String serverError(int status, String said) {
        return "Bitbucket failed with " + status + said + ". A server-side problem "
                + "says nothing about the credential.";
    }

    // ---- 407: a proxy

    /** A proxy asked for its own authentication (407). */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String proxyAuthentication() {
        return "A proxy asked for authentication (407 Proxy Authentication "
                + "Required); the request never reached Bitbucket.";
    }

    /** The fix for {@link #proxyAuthentication}. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String proxyAuthenticationFix() {
        return "Configure the proxy's credentials, or run from a network that reaches api.bitbucket.org directly.";
    }

    // ---- 410: a removed endpoint (CHANGE-2770)

    /** The replacement for {@code GET /2.0/workspaces} and {@code GET /2.0/user/permissions/workspaces}. */
    public static final String REPLACEMENT_FOR_WORKSPACES =
            "GET /2.0/user/workspaces (and GET /2.0/user/workspaces/{workspace}/permission for your role)";

    /** The replacement for {@code GET /2.0/user/permissions/repositories}. */
    public static final String REPLACEMENT_FOR_REPOSITORY_PERMISSIONS =
            "GET /2.0/user/workspaces/{workspace}/permissions/repositories, once per workspace";

    /** The replacement for {@code GET /2.0/repositories}. */
    public static final String REPLACEMENT_FOR_REPOSITORIES =
            "GET /2.0/user/workspaces, then GET /2.0/repositories/{workspace}?role=member per workspace";

    /** The replacement for a removed endpoint the doctor has no entry for. */
    public static final String REPLACEMENT_IN_CHANGELOG = "see the changelog entry";

    /** A REST endpoint answered 410: Bitbucket removed it; {@code replacement} is what to call instead. */
    @RefusalTexts.ForCause("endpoint-removed")
    public static String endpointRemoved(String method, String path, String said, String replacement) {
        return method + " " + path + " answered 410 Gone" + said
                + ": Bitbucket removed the cross-workspace endpoints "
                + "(CHANGE-2770, from April 2026). This is not a credential problem. Replacement: "
                + replacement + ".";
    }

    /** The fix for {@link #endpointRemoved}. */
    @RefusalTexts.ForCause("endpoint-removed")
    public static String endpointRemovedFix(String path, String replacement) {
        return "Update the tool (or script) that calls " + path + " to use " + replacement + ".\n"
                + "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770";
    }

    // ---- 429: rate limited

    /** The allowance a Git request counts against. */
    public static final String RATE_CLASS_GIT = "Git operations (60,000 requests/hour)";

    /** The allowance a request for repository data counts against. */
    public static final String RATE_CLASS_REPOSITORY_DATA =
            "repository data, the \"api\" group (1,000 requests/hour; 1,000-10,000 scaled for access tokens)";

    /** The allowance any other REST request counts against. */
    public static final String RATE_CLASS_API = "API requests (1,000/hour)";

    /** Whose allowance an access token's requests count against. */
    public static final String COUNTED_ACCESS_TOKEN = "this access token's own allowance";

    /** Whose allowance an OAuth consumer's requests count against. */
    public static final String COUNTED_OAUTH_CONSUMER = "the OAuth consumer (all its users together)";

    /** Whose allowance an account's requests count against. */
    public static final String COUNTED_ACCOUNT = "the account (every API token and app password of the user together)";

    /** When the allowance frees up, when Bitbucket said how long to wait. */
    @RefusalTexts.ForCause("rate-limited")
    public static String rateLimitWait(long seconds, Instant until) {
        return "Bitbucket asked to wait " + seconds + " s (until about " + until + ").";
    }

    /** When the allowance frees up, when Bitbucket did not say. */
    @RefusalTexts.ForCause("rate-limited")
    public static String rateLimitRollingWindow() {
        return "The window is a rolling hour: requests become possible again as older ones age out (within an hour).";
    }

    /** A 429: the allowance, whose it is, when it frees up and the limit (X-RateLimit-Limit) when reported. */
    @RefusalTexts.ForCause("rate-limited")
    public static String rateLimited(
            String said, String resourceClass, String countedAgainst, String reset, Optional<String> limit) {
        return "Rate limited (429" + said + ") on " + resourceClass + ", counted against " + countedAgainst + ". "
                + reset
                + limit.map(l -> " Limit: " + l + "/hour.").orElse("")
                + " The doctor stopped probing.";
    }

    /** The fix for {@link #rateLimited}. */
    @RefusalTexts.ForCause("rate-limited")
    public static String rateLimitedFix() {
        return "Wait, then try again; spread automated jobs out.\nAtlassian support cannot raise the limits. Access tokens "
                + "get their own, scaled allowance on Standard/Premium workspaces (1,000 + 10 per paid seat above 100, "
                + "up to 10,000 requests/hour), so a CI job with an access token does not eat your account's allowance.";
    }

    // ---- No answer (reference: the transport's exception chain)

    /** The JDK's word (lower-cased {@code SSLException} message) for an untrusted certificate. */
    public static final String TLS_SAYS_PKIX = "pkix";

    /** The JDK's words (lower-cased {@code SSLException} message) for an untrusted certificate. */
    public static final String TLS_SAYS_CERTIFICATION_PATH = "certification path";

    /** The JDK's word (lower-cased {@code SSLException} message) for a certificate problem. */
    public static final String TLS_SAYS_CERTIFICATE = "certificate";

    /** The transport's words (lower-cased) for a timeout. */
    public static final String SAYS_TIMED_OUT = "timed out";

    /** The server's certificate is not trusted (TLS inspection). */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String tlsUntrusted(String where, String seen) {
        return "The TLS connection to " + where + " failed: the server's certificate is not trusted (" + seen + "). A "
                + "corporate proxy or firewall that inspects TLS presents its own certificate; Bitbucket's is publicly "
                + "trusted.";
    }

    /** The fix for {@link #tlsUntrusted}. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String tlsUntrustedFix() {
        return "Ask your network team for the proxy's CA certificate and add it to the Java trust store:\n"
                + "  keytool -importcert -alias corp-proxy -file proxy-ca.pem -cacerts\n"
                + "Or run bbpush from a network without TLS inspection.";
    }

    /** The TLS handshake failed for another reason (a port that does not speak TLS, a proxy). */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String tlsHandshakeFailed(String where, String seen) {
        return "The TLS handshake with " + where + " failed (" + seen + "). The port may not speak TLS (an https URL "
                + "pointing at a plain-http port), or a proxy/firewall interferes. Nothing reached Bitbucket, so this "
                + "says nothing about the credential.";
    }

    /** The fix for {@link #tlsHandshakeFailed}. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String tlsHandshakeFailedFix() {
        return "Check the URL's scheme and port (Bitbucket Cloud: --api-url https://api.bitbucket.org/2.0; a local "
                + "emulator: http://127.0.0.1:<port>/2.0).\n"
                + "If a proxy is required, run from a network that reaches api.bitbucket.org directly.";
    }

    /** The host name could not be resolved. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String dnsFailed(String host, String seen) {
        return "The host name " + host + " could not be resolved (DNS: " + seen + "). Nothing reached Bitbucket.";
    }

    /** The fix for {@link #dnsFailed}. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String dnsFailedFix(String host) {
        return "Check the host in --api-url / BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).\n"
                + "Check DNS and proxy settings: nslookup " + host;
    }

    /** A proxy refused the connection. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String proxyRefused(String where, String seen) {
        return "A proxy refused the connection to " + where + " (" + seen + ").";
    }

    /** The fix for {@link #proxyRefused}. */
    @RefusalTexts.ForCause("tls-or-proxy-failure")
    public static String proxyRefusedFix() {
        return "Check the proxy settings, or run from a network that reaches api.bitbucket.org directly.";
    }

    /** Nothing accepted the connection (refused, no route to host). */
    public static String connectionRefused(String where, String seen) {
        return "Nothing accepted a connection at " + where + " (" + seen
                + "). Nothing reached Bitbucket, so this says nothing about the credential.";
    }

    /** The fix for {@link #connectionRefused}. */
    public static String connectionRefusedFix() {
        return "Check the URL's host and port (Bitbucket Cloud: https://api.bitbucket.org/2.0); for a local emulator, "
                + "start it with: bbpush emulator";
    }

    /** No answer in time (the fix is {@link #TRY_AGAIN_LATER}). */
    public static String timedOut(String where, String seen) {
        return "No answer from " + where + " in time (" + seen
                + "). The network or Bitbucket is slow or down; this says nothing about the credential.";
    }

    /** A request that failed without an answer for a reason none of the others names. */
    public static String noAnswer(String where, String seen) {
        return "The request to " + where + " failed without an answer (" + seen + "); this says nothing about the "
                + "credential.";
    }

    /** The fix for {@link #noAnswer}. */
    public static String noAnswerFix(String host) {
        return "Try again; if it persists, check the network path to " + host + ".";
    }
}
