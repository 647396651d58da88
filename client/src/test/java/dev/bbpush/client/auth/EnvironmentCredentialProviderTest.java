package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.ProviderOutcome.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The environment's precedence, as a table: variables set → kind chosen and the variables it came from. */
class EnvironmentCredentialProviderTest {
    private static final String API = "ATATT3xapiapiapiapiapiapiapi";
    private static final String API2 = "ATATT3xotherotherotherother";
    private static final String ACCESS = "ATCTT3xaccessaccessaccess";

    private static Map<String, String> env(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                Arguments.of(
                        "bbpush API token",
                        env("BBPUSH_EMAIL", "r@a.example", "BBPUSH_API_TOKEN", API),
                        CredentialKind.API_TOKEN,
                        List.of("BBPUSH_EMAIL", "BBPUSH_API_TOKEN")),
                Arguments.of(
                        "bbpush API token with Bitbucket email",
                        env("BITBUCKET_EMAIL", "r@a.example", "BBPUSH_API_TOKEN", API),
                        CredentialKind.API_TOKEN,
                        List.of("BITBUCKET_EMAIL", "BBPUSH_API_TOKEN")),
                Arguments.of(
                        "bbpush API token beats bbpush access token",
                        env("BBPUSH_ACCESS_TOKEN", ACCESS, "BBPUSH_EMAIL", "r@a.example", "BBPUSH_API_TOKEN", API),
                        CredentialKind.API_TOKEN,
                        List.of("BBPUSH_EMAIL", "BBPUSH_API_TOKEN")),
                Arguments.of(
                        "bbpush access token beats Bitbucket API token",
                        env(
                                "BITBUCKET_EMAIL",
                                "r@a.example",
                                "BITBUCKET_API_TOKEN",
                                API2,
                                "BBPUSH_ACCESS_TOKEN",
                                ACCESS),
                        CredentialKind.ACCESS_TOKEN,
                        List.of("BBPUSH_ACCESS_TOKEN")),
                Arguments.of(
                        "bbpush OAuth beats Bitbucket access token",
                        env(
                                "BITBUCKET_ACCESS_TOKEN",
                                ACCESS,
                                "BBPUSH_OAUTH_CLIENT_ID",
                                "key",
                                "BBPUSH_OAUTH_CLIENT_SECRET",
                                "secretsecretsecret"),
                        CredentialKind.OAUTH_CLIENT_CREDENTIALS,
                        List.of("BBPUSH_OAUTH_CLIENT_ID", "BBPUSH_OAUTH_CLIENT_SECRET")),
                Arguments.of(
                        "Bitbucket API token",
                        env("BITBUCKET_EMAIL", "r@a.example", "BITBUCKET_API_TOKEN", API2),
                        CredentialKind.API_TOKEN,
                        List.of("BITBUCKET_EMAIL", "BITBUCKET_API_TOKEN")),
                Arguments.of(
                        "Atlassian API token and email",
                        env("ATLASSIAN_EMAIL", "r@a.example", "ATLASSIAN_API_TOKEN", API2),
                        CredentialKind.API_TOKEN,
                        List.of("ATLASSIAN_EMAIL", "ATLASSIAN_API_TOKEN")),
                Arguments.of(
                        "Bitbucket API token beats Atlassian API token",
                        env("ATLASSIAN_EMAIL", "r@a.example", "ATLASSIAN_API_TOKEN", API, "BITBUCKET_API_TOKEN", API2),
                        CredentialKind.API_TOKEN,
                        List.of("ATLASSIAN_EMAIL", "BITBUCKET_API_TOKEN")),
                Arguments.of(
                        "Bitbucket API token beats Bitbucket access token",
                        env(
                                "BITBUCKET_ACCESS_TOKEN",
                                ACCESS,
                                "BITBUCKET_EMAIL",
                                "r@a.example",
                                "BITBUCKET_API_TOKEN",
                                API2),
                        CredentialKind.API_TOKEN,
                        List.of("BITBUCKET_EMAIL", "BITBUCKET_API_TOKEN")),
                Arguments.of(
                        "Bitbucket access token beats app password",
                        env(
                                "BITBUCKET_USERNAME",
                                "rahul-dev",
                                "BITBUCKET_APP_PASSWORD",
                                "ATBBpassword",
                                "BITBUCKET_ACCESS_TOKEN",
                                ACCESS),
                        CredentialKind.ACCESS_TOKEN,
                        List.of("BITBUCKET_ACCESS_TOKEN")),
                Arguments.of(
                        "app password",
                        env("BITBUCKET_USERNAME", "rahul-dev", "BITBUCKET_APP_PASSWORD", "ATBBpassword"),
                        CredentialKind.APP_PASSWORD,
                        List.of("BITBUCKET_USERNAME", "BITBUCKET_APP_PASSWORD")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void choosesByPrecedence(String name, Map<String, String> vars, CredentialKind kind, List<String> names) {
        ProviderOutcome o = new EnvironmentCredentialProvider(Environment.of(vars)).resolve();

        assertThat(o.status()).isEqualTo(Status.FOUND);
        ResolvedCredentials r = o.resolved().orElseThrow();
        assertThat(r.credentials().kind()).isEqualTo(kind);
        assertThat(r.source().type()).isEqualTo(CredentialSource.Type.ENVIRONMENT);
        assertThat(r.source().names()).containsExactlyElementsOf(names);
    }

    @Test
    void nothingSetIsSkippedNamingTheVariables() {
        ProviderOutcome o = new EnvironmentCredentialProvider(Environment.of(Map.of("PATH", "/bin"))).resolve();

        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.reason()).contains("BBPUSH_API_TOKEN").contains("BBPUSH_ACCESS_TOKEN");
    }

    @Test
    void apiTokenWithoutAnyEmailFailsNamingTheVariableToSet() {
        ProviderOutcome o = new EnvironmentCredentialProvider(Environment.of(env("BBPUSH_API_TOKEN", API))).resolve();

        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.reason())
                .isEqualTo("BBPUSH_API_TOKEN is set but BBPUSH_EMAIL is not: set BBPUSH_EMAIL to the "
                        + "Atlassian account email");
        assertThat(o.reason()).doesNotContain(API);
    }

    @Test
    void halfOAuthConfigurationNamesTheMissingHalf() {
        ProviderOutcome o =
                new EnvironmentCredentialProvider(Environment.of(env("BBPUSH_OAUTH_CLIENT_ID", "key"))).resolve();

        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.reason()).contains("set BBPUSH_OAUTH_CLIENT_SECRET");
    }

    @Test
    void appPasswordWithoutUsernameNamesBitbucketUsername() {
        ProviderOutcome o = new EnvironmentCredentialProvider(
                        Environment.of(env("BITBUCKET_APP_PASSWORD", "ATBBpassword")))
                .resolve();

        assertThat(o.reason()).contains("set BITBUCKET_USERNAME");
    }

    @Test
    void emailAloneIsSkippedWithHint() {
        ProviderOutcome o =
                new EnvironmentCredentialProvider(Environment.of(env("BBPUSH_EMAIL", "r@a.example"))).resolve();

        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.reason()).contains("BBPUSH_EMAIL is set but no token").contains("--token-stdin");
    }

    @Test
    void halfConfiguredHigherGroupIsReportedWhenALowerGroupWins() {
        ProviderOutcome o = new EnvironmentCredentialProvider(
                        Environment.of(env("BBPUSH_API_TOKEN", API, "BITBUCKET_ACCESS_TOKEN", ACCESS)))
                .resolve();

        assertThat(o.status()).isEqualTo(Status.FOUND);
        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("BBPUSH_API_TOKEN is set but BBPUSH_EMAIL"));
    }

    @Test
    void shadowedValuesAreNoted() {
        ProviderOutcome o = new EnvironmentCredentialProvider(
                        Environment.of(env("BBPUSH_ACCESS_TOKEN", ACCESS, "BITBUCKET_ACCESS_TOKEN", ACCESS + "x")))
                .resolve();

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("BITBUCKET_ACCESS_TOKEN is also set and ignored"));
    }

    @Test
    void pasteDamageIsRepairedAndReported() {
        ProviderOutcome o = new EnvironmentCredentialProvider(Environment.of(
                        env("BBPUSH_EMAIL", "mailto:r@a.example", "BBPUSH_API_TOKEN", "\"" + API + "\"\n")))
                .resolve();

        ResolvedCredentials r = o.resolved().orElseThrow();
        assertThat(((ApiToken) r.credentials()).email()).isEqualTo("r@a.example");
        assertThat(((ApiToken) r.credentials()).token().reveal()).isEqualTo(API);
        assertThat(r.repairs())
                .extracting(Repair::describe)
                .containsExactlyInAnyOrder(
                        "BBPUSH_API_TOKEN: removed surrounding whitespace",
                        "BBPUSH_API_TOKEN: removed surrounding quotes",
                        "BBPUSH_EMAIL: removed a 'mailto:' prefix");
    }

    @Test
    void usernameInsteadOfEmailIsNoted() {
        ProviderOutcome o = new EnvironmentCredentialProvider(
                        Environment.of(env("BBPUSH_EMAIL", "rahul-dev", "BBPUSH_API_TOKEN", API)))
                .resolve();

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("does not look like an email"));
    }
}
