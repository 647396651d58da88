package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.APP_PASSWORD;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.USERNAME;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.assertVerdict;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.error;
import static dev.bbpush.client.diagnose.RuleFixtures.git;
import static dev.bbpush.client.diagnose.RuleFixtures.rest;
import static dev.bbpush.client.diagnose.RuleFixtures.row;

import dev.bbpush.client.auth.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ServiceRules} through {@link Refusals#judge}: answers that say nothing about the credential (wrong host,
 * redirect, proxy, removed endpoint, rate limit, server failure).
 */
class ServiceRulesTest {
    private static final String REPO = "/repositories/acme/infra";

    static Stream<Arguments> table() {
        Credentials apiToken = Credentials.apiToken(EMAIL, API_TOKEN);
        return Stream.of(
                row(
                        "proxy asks for its own login",
                        context(apiToken),
                        rest(407, REPO).header("Proxy-Authenticate", "Basic realm=\"corp\""),
                        Cause.TLS_OR_PROXY_FAILURE,
                        "407 Proxy Authentication Required"),
                row(
                        "removed cross-workspace endpoint",
                        context(apiToken),
                        rest(410, "/workspaces").body(error("This API is no longer supported.")),
                        Cause.ENDPOINT_REMOVED,
                        "GET /2.0/user/workspaces (and GET"),
                row(
                        "Git 410 is an app password",
                        context(Credentials.appPassword(USERNAME, APP_PASSWORD)),
                        git(410, "acme/infra").body("App passwords are no longer supported (CHANGE-3222)."),
                        Cause.APP_PASSWORD_REMOVED,
                        "Git 410"),
                row(
                        "rate limited with Retry-After",
                        context(apiToken),
                        rest(429, REPO)
                                .header("Retry-After", "30")
                                .header("X-RateLimit-Limit", "1000")
                                .body("Rate limit for this resource has been exceeded"),
                        Cause.RATE_LIMITED,
                        "Bitbucket asked to wait 30 s"),
                row(
                        "rate limited without a reset time",
                        context(Credentials.accessToken(RuleFixtures.ACCESS_TOKEN)),
                        rest(429, REPO).body("Rate limit for this resource has been exceeded"),
                        Cause.RATE_LIMITED,
                        "this access token's own allowance"),
                row(
                        "server failure",
                        context(apiToken),
                        rest(503, REPO).body("Service Unavailable"),
                        Cause.UNKNOWN,
                        "A server-side problem says nothing about the credential"),
                row(
                        "redirect",
                        context(apiToken),
                        rest(302, REPO).header("Location", "https://example.test/login"),
                        Cause.UNKNOWN,
                        "redirect (302 to https://example.test/login)"),
                row(
                        "bare 403 Forbidden: a REST path without /2.0",
                        context(apiToken),
                        rest(403, REPO).body(error("Forbidden")),
                        Cause.WRONG_API_HOST,
                        "without /2.0 gets 403"),
                row(
                        "API URL of the website",
                        context(apiToken).apiUrl("https://bitbucket.org"),
                        rest(404, REPO).body("<html>not found</html>"),
                        Cause.WRONG_API_HOST,
                        "serves the website and Git"),
                row(
                        "2xx that is not the REST API's JSON",
                        context(apiToken),
                        rest(200, REPO).body("<html>hi</html>"),
                        Cause.UNKNOWN,
                        "not with the JSON the REST API documents"),
                row(
                        "a status no rule explains",
                        context(apiToken),
                        rest(418, REPO).body(error("I'm a teapot")),
                        Cause.UNKNOWN,
                        "which none of the doctor's rules explains"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answerInVerdictOut(RuleFixtures.Row row) {
        Verdict v = apply(row.context(), run -> Refusals.judge(run, row.answer(), RequestTarget.CHECK_URL));

        assertVerdict(v, row);
    }
}
