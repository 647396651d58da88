package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RuleFixtures.ACCESS_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.API_TOKEN;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_KEY;
import static dev.bbpush.client.diagnose.RuleFixtures.CONSUMER_SECRET;
import static dev.bbpush.client.diagnose.RuleFixtures.EMAIL;
import static dev.bbpush.client.diagnose.RuleFixtures.apply;
import static dev.bbpush.client.diagnose.RuleFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ScopeRules#missing}: granted scopes in, the missing ones (or none) and the fix for the credential out. */
class ScopeRulesTest {
    private static final Set<Operation> PUSH = EnumSet.of(Operation.READ, Operation.PUSH);
    private static final Set<Operation> PR = EnumSet.of(Operation.READ, Operation.PUSH, Operation.PULL_REQUEST);

    static Stream<Arguments> table() {
        Credentials apiToken = Credentials.apiToken(EMAIL, API_TOKEN);
        Credentials accessToken = Credentials.accessToken(ACCESS_TOKEN);
        Credentials consumer = Credentials.oauthClientCredentials(CONSUMER_KEY, CONSUMER_SECRET);
        return Stream.of(
                Arguments.of(
                        Named.of("API token with read and write", apiToken),
                        PUSH,
                        List.of("read:repository:bitbucket", "write:repository:bitbucket"),
                        true,
                        "",
                        ""),
                Arguments.of(
                        Named.of("API token with write only: write does not imply read", apiToken),
                        PUSH,
                        List.of("write:repository:bitbucket"),
                        true,
                        "Missing: read:repository:bitbucket.",
                        "API tokens cannot be edited"),
                Arguments.of(
                        Named.of("API token without pull-request scopes", apiToken),
                        PR,
                        List.of("read:repository:bitbucket", "write:repository:bitbucket"),
                        true,
                        "Missing: read:pullrequest:bitbucket, write:pullrequest:bitbucket.",
                        "write:pullrequest:bitbucket"),
                Arguments.of(
                        Named.of("access token with repository (read) only", accessToken),
                        PUSH,
                        List.of("repository"),
                        false,
                        "Missing: repository:write.",
                        "Access tokens cannot be edited"),
                Arguments.of(
                        Named.of("access token with repository:write", accessToken),
                        PUSH,
                        List.of("repository:write"),
                        false,
                        "",
                        ""),
                Arguments.of(
                        Named.of("OAuth consumer without write", consumer),
                        PUSH,
                        List.of("repository"),
                        false,
                        "Missing: repository:write.",
                        "Edit the OAuth consumer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void grantedScopesInMissingScopesOut(
            Credentials credentials,
            Set<Operation> ops,
            List<String> granted,
            boolean fine,
            String missing,
            String fix) {
        Optional<Verdict> v =
                apply(context(credentials), run -> ScopeRules.missing(run, ops, granted, fine, List.of()));

        if (missing.isEmpty()) {
            assertThat(v).isEmpty();
        } else {
            assertThat(v).hasValueSatisfying(verdict -> {
                assertThat(verdict.cause()).isEqualTo(Cause.MISSING_SCOPES);
                assertThat(verdict.summary()).contains(missing);
                assertThat(verdict.fix()).contains(fix);
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void scopesTheFailedEndpointNamedAreRequiredToo(
            Credentials credentials, Set<Operation> ops, List<String> granted, boolean fine) {
        Optional<Verdict> v = apply(
                context(credentials),
                run -> ScopeRules.missing(run, ops, granted, fine, List.of("read:user:bitbucket")));

        assertThat(v)
                .hasValueSatisfying(verdict -> assertThat(verdict.summary())
                        .contains("To make the failed request it needs read:user:bitbucket."));
    }
}
