package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.ACCESS_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.APP_PASSWORD;
import static dev.bbpush.client.diagnose.RuleFixtures.BASIC_CHALLENGE;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_KEY;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_SECRET;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.SHORT_API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.USERNAME;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.assertVerdict;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.error;
import static dev.bbpush.client.diagnose.RuleFixtures.rest;
import static dev.bbpush.client.diagnose.RuleFixtures.row;

import dev.bbpush.client.auth.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Unauthorized401Rules} and {@link ApiTokenRules}: a 401 in, by Bitbucket's words, scheme and shape. */
class Unauthorized401RulesTest {
    private static final String REPO = "/repositories/acme/infra";

    private static RuleFixtures.AnswerBuilder challenge() {
        return rest(401, REPO).header("WWW-Authenticate", BASIC_CHALLENGE);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                row(
                        "account password notice",
                        context(Credentials.appPassword(USERNAME, "correct-horse-battery")),
                        rest(401, REPO)
                                .body("Bitbucket Cloud recently stopped supporting account passwords for API "
                                        + "authentication."),
                        Cause.ACCOUNT_PASSWORD_REJECTED,
                        "since 2022-03-01"),
                row(
                        "app password deprecation message",
                        context(Credentials.apiToken(EMAIL, API_TOKEN)),
                        challenge().body(error("App passwords are deprecated. Use API tokens instead.")),
                        Cause.APP_PASSWORD_REMOVED,
                        "2026-07-28"),
                row(
                        "401 without Bitbucket's challenge or JSON body",
                        context(Credentials.apiToken(EMAIL, API_TOKEN)),
                        rest(401, REPO).body("<html>login</html>"),
                        Cause.UNKNOWN,
                        "proxy or gateway"),
                row(
                        "OAuth realm challenge",
                        context(Credentials.oauthAccessToken("eyJhbGciOiJIUzI1NiJ9.e30.c2ln")),
                        rest(401, REPO)
                                .header("WWW-Authenticate", "OAuth realm=\"Bitbucket.org HTTP\"")
                                .body(error("Access token expired.")),
                        Cause.OAUTH_TOKEN_EXPIRED,
                        "BBPUSH_OAUTH_CLIENT_SECRET"),
                row(
                        "token issued to an OAuth consumer refused",
                        context(Credentials.oauthClientCredentials(CONSUMER_KEY, CONSUMER_SECRET)),
                        challenge().body(error("Token is invalid, expired, or not supported for this endpoint.")),
                        Cause.TOKEN_EXPIRED_OR_REVOKED,
                        "consumer was probably deleted"),
                row(
                        "API token sent as Bearer",
                        context(Credentials.accessToken(API_TOKEN)),
                        challenge().body(error("Token is invalid, expired, or not supported for this endpoint.")),
                        Cause.API_TOKEN_SENT_AS_BEARER,
                        "curl -u \"$BBPUSH_EMAIL:$BBPUSH_API_TOKEN\""),
                row(
                        "app password sent as Bearer",
                        context(Credentials.accessToken(APP_PASSWORD)),
                        challenge(),
                        Cause.APP_PASSWORD_REMOVED,
                        "cannot be renewed"),
                row(
                        "access token sent as Bearer and refused",
                        context(Credentials.accessToken(ACCESS_TOKEN)),
                        challenge().body(error("Token is invalid, expired, or not supported for this endpoint.")),
                        Cause.TOKEN_EXPIRED_OR_REVOKED,
                        "Create a new access token"),
                row(
                        "access token sent as Basic",
                        context(Credentials.appPassword(USERNAME, ACCESS_TOKEN)),
                        challenge(),
                        Cause.ACCESS_TOKEN_NEEDS_BEARER,
                        "Authorization: Bearer $BBPUSH_ACCESS_TOKEN"),
                row(
                        "consumer key and secret sent as Basic",
                        context(Credentials.appPassword(CONSUMER_KEY, CONSUMER_SECRET)),
                        challenge(),
                        Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL,
                        "grant_type=client_credentials"),
                row(
                        "app password (ATBB) sent as Basic",
                        context(Credentials.appPassword(USERNAME, APP_PASSWORD)),
                        challenge(),
                        Cause.APP_PASSWORD_REMOVED,
                        "x-bitbucket-api-token-auth"),
                row(
                        "password-like app password with the bare challenge",
                        context(Credentials.appPassword(USERNAME, "correct-horse-battery")),
                        challenge(),
                        Cause.APP_PASSWORD_REMOVED,
                        "App passwords stopped working"),
                row(
                        "API token cut while pasting",
                        context(Credentials.apiToken(EMAIL, SHORT_API_TOKEN)),
                        challenge(),
                        Cause.SECRET_PASTE_DAMAGE,
                        "Copy the whole token again"),
                row(
                        "API token with the username",
                        context(Credentials.apiToken(USERNAME, API_TOKEN)),
                        challenge(),
                        Cause.API_TOKEN_NEEDS_EMAIL,
                        "Atlassian account email"),
                row(
                        "API token configured as an app password",
                        context(Credentials.appPassword(USERNAME, API_TOKEN)),
                        challenge(),
                        Cause.API_TOKEN_NEEDS_EMAIL,
                        "configured as an app password"),
                row(
                        "API token with the email, said to be invalid or expired",
                        context(Credentials.apiToken(EMAIL, API_TOKEN)),
                        challenge().body(error("Token is invalid, expired, or not supported for this endpoint.")),
                        Cause.TOKEN_EXPIRED_OR_REVOKED,
                        "last at most one year"),
                row(
                        "API token with the email and the bare challenge",
                        context(Credentials.apiToken(EMAIL, API_TOKEN)),
                        challenge(),
                        Cause.API_TOKEN_UNSCOPED,
                        "'Create API token' (no scopes)"),
                row(
                        "a secret of no known shape, with a message",
                        context(Credentials.appPassword(USERNAME, "correct-horse-battery")),
                        challenge().body(error("Invalid credentials")),
                        Cause.UNKNOWN,
                        "none of Bitbucket's token shapes"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answerInVerdictOut(RuleFixtures.Row row) {
        Verdict v = apply(row.context(), run -> Unauthorized401Rules.judge(run, row.answer()));

        assertVerdict(v, row);
    }
}
