package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.ACCESS_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.APP_PASSWORD;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_KEY;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_SECRET;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.USERNAME;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.assertVerdict;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.git;
import static dev.bbpush.client.diagnose.RuleFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GitRules}: Git's refusals (plain-text bodies) in, verdicts out; the documented Git username per kind. */
class GitRulesTest {
    private static final String REPO = "acme/infra";

    static Stream<Arguments> table() {
        Credentials apiToken = Credentials.apiToken(EMAIL, API_TOKEN);
        return Stream.of(
                row(
                        "410 means an app password",
                        context(Credentials.appPassword(USERNAME, APP_PASSWORD)),
                        git(410, REPO).body("remote: App passwords are no longer supported."),
                        Cause.APP_PASSWORD_REMOVED,
                        "App passwords stopped working"),
                row(
                        "consumer key as Git username",
                        context(Credentials.appPassword(CONSUMER_KEY, CONSUMER_SECRET)),
                        git(401, REPO)
                                .body(
                                        "remote: Invalid username or password. If you log in via a third party service..."),
                        Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL,
                        "exchange them for an access token first"),
                row(
                        "missing scopes on Git",
                        context(apiToken),
                        git(403, REPO).body("Your credentials lack one or more required privilege scopes."),
                        Cause.MISSING_SCOPES,
                        "clone needs read:repository:bitbucket"),
                row(
                        "repository invisible to Git",
                        context(apiToken),
                        git(403, REPO)
                                .body(
                                        "remote: The requested repository either does not exist or you do not have access."),
                        Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                        "Git refused: the repository does not exist"),
                row(
                        "two-step verification on Git",
                        context(apiToken),
                        git(403, REPO).body("This workspace requires two-step verification."),
                        Cause.TWO_STEP_VERIFICATION_REQUIRED,
                        "two-step verification"),
                row(
                        "rate limited on Git",
                        context(apiToken),
                        git(429, REPO).body("Rate limit exceeded"),
                        Cause.RATE_LIMITED,
                        "Git operations (60,000 requests/hour)"),
                row(
                        "a bare Git 401",
                        context(apiToken),
                        git(401, REPO),
                        Cause.UNKNOWN,
                        "Git refused the credential (401"),
                row(
                        "another Git status",
                        context(apiToken),
                        git(500, REPO).body("boom"),
                        Cause.UNKNOWN,
                        "Git answered 500"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answerInVerdictOut(RuleFixtures.Row row) {
        Verdict v = apply(row.context(), run -> GitRules.judge(run, row.answer(), false));

        assertVerdict(v, row);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource({
        "API token with the email, api, x-bitbucket-api-token-auth",
        "API token as an app password, app-api, x-bitbucket-api-token-auth",
        "app password, app, rahul-dev",
        "access token, access, x-token-auth"
    })
    void documentedGitUsernamePerKind(String name, String kind, String expected) {
        Credentials c = switch (kind) {
            case "api" -> Credentials.apiToken(EMAIL, API_TOKEN);
            case "app-api" -> Credentials.appPassword(USERNAME, API_TOKEN);
            case "app" -> Credentials.appPassword(USERNAME, APP_PASSWORD);
            default -> Credentials.accessToken(ACCESS_TOKEN);
        };

        assertThat(GitRules.documentedUser(Facts.of(c))).isEqualTo(expected);
    }
}
