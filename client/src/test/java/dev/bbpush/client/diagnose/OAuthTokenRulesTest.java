package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_KEY;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_SECRET;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.assertVerdict;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.row;
import static dev.bbpush.client.diagnose.RuleFixtures.tokenEndpoint;

import dev.bbpush.client.auth.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link OAuthTokenRules}: the token endpoint's refusals in ({@code {"error", "error_description"}}), verdicts out. */
class OAuthTokenRulesTest {
    private static String oauthError(String error, String description) {
        return "{\"error\": \"" + error + "\", \"error_description\": \"" + description + "\"}";
    }

    static Stream<Arguments> table() {
        DoctorContext.Builder consumer = context(Credentials.oauthClientCredentials(CONSUMER_KEY, CONSUMER_SECRET));
        return Stream.of(
                row(
                        "public consumer",
                        consumer,
                        tokenEndpoint(400)
                                .body(oauthError(
                                        "unauthorized_client",
                                        "Client credentials grant is not available for public consumers")),
                        Cause.OAUTH_CONSUMER_NOT_PRIVATE,
                        "tick 'This is a private consumer'"),
                row(
                        "rotated refresh token",
                        consumer,
                        tokenEndpoint(400).body(oauthError("invalid_grant", "Invalid refresh_token")),
                        Cause.OAUTH_REFRESH_TOKEN_INVALID,
                        "use only the newest one"),
                row(
                        "rate limited",
                        consumer,
                        tokenEndpoint(429).body("Rate limit exceeded"),
                        Cause.RATE_LIMITED,
                        "counted against the OAuth consumer"),
                row(
                        "unknown client",
                        consumer,
                        tokenEndpoint(400).body(oauthError("invalid_client", "No such consumer")),
                        Cause.TOKEN_EXPIRED_OR_REVOKED,
                        "its secret was regenerated"),
                row(
                        "401 from the token endpoint",
                        consumer,
                        tokenEndpoint(401),
                        Cause.TOKEN_EXPIRED_OR_REVOKED,
                        "Copy the key and secret again"),
                row(
                        "a server failure",
                        consumer,
                        tokenEndpoint(500).body("oops"),
                        Cause.UNKNOWN,
                        "The OAuth token endpoint answered 500"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answerInVerdictOut(RuleFixtures.Row row) {
        Verdict v = apply(row.context(), run -> OAuthTokenRules.judge(run, row.answer(), "The OAuth token endpoint"));

        assertVerdict(v, row);
    }
}
