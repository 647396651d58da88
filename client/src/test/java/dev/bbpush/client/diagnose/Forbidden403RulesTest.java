package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.ACCESS_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.assertVerdict;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static dev.bbpush.client.diagnose.RuleFixtures.error;
import static dev.bbpush.client.diagnose.RuleFixtures.rest;
import static dev.bbpush.client.diagnose.RuleFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Forbidden403Rules}: a 403 in, read by Bitbucket's message; the credential authenticated in every row. */
class Forbidden403RulesTest {
    private static final String REPO = "/repositories/acme/infra";
    private static final String MECHANISM = "This API is not accessible by this authentication mechanism.";

    private static String scopeError(String granted, String required) {
        return "{\"type\": \"error\", \"error\": {\"message\": \"Your credentials lack one or more required privilege "
                + "scopes.\", \"detail\": {\"granted\": [\"" + granted + "\"], \"required\": [\"" + required + "\"]}}}";
    }

    static Stream<Arguments> table() {
        Credentials apiToken = Credentials.apiToken(EMAIL, API_TOKEN);
        return Stream.of(
                row(
                        "missing scopes: the whole set for the operation",
                        context(apiToken),
                        rest(403, REPO).body(scopeError("write:repository:bitbucket", "read:repository:bitbucket")),
                        Cause.MISSING_SCOPES,
                        "Missing: read:repository:bitbucket."),
                row(
                        "access-token-only endpoint called for a repository",
                        context(Credentials.accessToken(ACCESS_TOKEN)),
                        rest(403, "/workspaces")
                                .header("X-Credential-Type", "repo_access_token")
                                .body(error(MECHANISM)),
                        Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS,
                        "GET /workspaces is not available to access tokens"),
                row(
                        "IP allowlist",
                        context(apiToken),
                        rest(403, REPO).body(error("To access this repository, whitelist your IP address.")),
                        Cause.IP_NOT_ALLOWLISTED,
                        "IP allowlisting"),
                row(
                        "two-step verification required",
                        context(apiToken),
                        rest(403, REPO).body(error("This workspace requires two-step verification to be enabled.")),
                        Cause.TWO_STEP_VERIFICATION_REQUIRED,
                        "two-step-verification"),
                row(
                        "no write access",
                        context(apiToken),
                        rest(403, REPO + "/src").body(error("You do not have write access to this repository.")),
                        Cause.NO_WRITE_PERMISSION,
                        "may not write acme/infra"),
                row(
                        "not a workspace member",
                        context(apiToken),
                        rest(403, "/workspaces/acme").body(error("You do not have access to this workspace.")),
                        Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                        "invite your account"),
                row(
                        "a 403 no rule explains",
                        context(apiToken),
                        rest(403, REPO).body(error("Something else entirely.")),
                        Cause.UNKNOWN,
                        "none of the doctor's rules"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void answerInVerdictOut(RuleFixtures.Row row) {
        Verdict v = apply(row.context(), run -> Forbidden403Rules.judge(run, row.answer(), RequestTarget.EXPLAINED));

        assertVerdict(v, row);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void accessTokenRefusedOnUserWithoutARepositoryWorksAsExpected() {
        Answer a = rest(403, "/user")
                .header("X-Credential-Type", "repo_access_token")
                .body(error(MECHANISM))
                .build();

        Verdict v = apply(
                context(Credentials.accessToken(ACCESS_TOKEN)),
                run -> Forbidden403Rules.judge(run, a, RequestTarget.USER));

        assertThat(v.cause()).isEqualTo(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS);
        assertThat(v.ok()).isTrue();
        assertThat(v.fix()).isEqualTo("bbpush auth doctor --repo WORKSPACE/REPO");
    }

    @Test
    void scopeErrorOnUserIsFineWhenBbpushHasItsScopes() {
        Answer a = rest(403, "/user")
                .header("X-OAuth-Scopes", "read:repository:bitbucket, write:repository:bitbucket")
                .body(scopeError("read:repository:bitbucket", "read:user:bitbucket"))
                .build();

        Verdict v = apply(
                context(Credentials.apiToken(EMAIL, API_TOKEN)),
                run -> Forbidden403Rules.judge(run, a, RequestTarget.USER));

        assertThat(v.cause()).isEqualTo(Cause.OK);
        assertThat(v.ok()).isTrue();
    }
}
