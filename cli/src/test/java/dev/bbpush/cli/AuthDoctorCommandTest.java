package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class AuthDoctorCommandTest {
    private static Map<String, String> env(Emulator bb, String... namesAndValues) {
        Map<String, String> m = new HashMap<>();
        m.put("BBPUSH_API_URL", bb.apiUrl());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    @Test
    void rendersApiTokenWithUsernameAsText(Emulator bb) {
        CliRun r = CliRun.run(
                env(bb, "BBPUSH_EMAIL", "rahul-dev", "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")),
                "auth",
                "doctor",
                "--repo",
                "acme/infra");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.outNormalized(bb.port())).isEqualTo("""
        ✗ api-token-needs-email: API token needs the Atlassian account email
          Bitbucket refused the API token sent with 'rahul-dev' (401, no message). On REST an API token works only \
        with the Atlassian account email as the username, not the Bitbucket username.

        Fix:
          export BBPUSH_EMAIL='<your Atlassian account email>'   # the email you log in to Atlassian with \
        (Bitbucket -> Personal settings -> Email aliases)
          For Git keep the Bitbucket username or use x-bitbucket-api-token-auth (bbpush does this itself):
            git clone https://x-bitbucket-api-token-auth@bitbucket.org/WORKSPACE/REPO.git

        Credential: API token ATATT3x**** from environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN)

        Evidence:
          - API URL: http://127.0.0.1:PORT/2.0
          - credential: API token ATATT3x**** from environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN); sent as Basic with \
        identity 'rahul-dev'
          - secret shape: an Atlassian API token (ATATT…), 186 characters
          - identity 'rahul-dev' is not an email address
          - note: BBPUSH_EMAIL 'rahul-dev' does not look like an email: API tokens authenticate REST with the \
        Atlassian account email, not the Bitbucket username
          - GET http://127.0.0.1:PORT/2.0/repositories/acme/infra -> 401   (can the credential read acme/infra?)
              WWW-Authenticate: Basic realm="Bitbucket.org HTTP"
              message: (empty body)

        Docs: docs/troubleshooting.md#api-token-needs-email
        """);
        assertThat(r.out() + r.err()).doesNotContain(bb.secret("rahul-api-token"));
    }

    @Test
    void rendersWriteOnlyTokenAsOneJsonObject(Emulator bb) {
        CliRun r = CliRun.run(
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("rahul-write-only-token")),
                "auth",
                "doctor",
                "--repo",
                "acme/infra",
                "--json");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.outNormalized(bb.port())).isEqualTo("""
        {
          "ok" : false,
          "cause" : "missing-scopes",
          "summary" : "The credential authenticates but lacks scopes. Granted: write:repository:bitbucket. To push \
        (commit with POST /src) it needs read:repository:bitbucket and write:repository:bitbucket. Missing: \
        read:repository:bitbucket. API-token scopes imply nothing: write does not imply read. (Scopes per operation \
        from Bitbucket's OpenAPI document, x-revision b62ea302637b; a scope error may name only one missing scope at \
        a time.)",
          "fix" : "API tokens cannot be edited; create a new one with every scope listed:\\nCreate an API token with \
        scopes: https://id.atlassian.com/manage-profile/security/api-tokens -> 'Create API token with scopes' -> app \
        'Bitbucket' -> select read:repository:bitbucket, write:repository:bitbucket\\nexport BBPUSH_EMAIL='<your \
        Atlassian account email>'\\nexport BBPUSH_API_TOKEN='<the new token>'   # or pipe it: printf '%s' \\"$TOKEN\\" \
        | bbpush ... --token-stdin",
          "evidence" : [ {
            "type" : "local",
            "text" : "API URL: http://127.0.0.1:PORT/2.0"
          }, {
            "type" : "local",
            "text" : "credential: API token ATATT3x**** from environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN); sent as Basic \
        with identity 'rahul@acme.example'"
          }, {
            "type" : "local",
            "text" : "secret shape: an Atlassian API token (ATATT…), 186 characters"
          }, {
            "type" : "local",
            "text" : "identity 'rahul@acme.example' is an email address"
          }, {
            "type" : "http",
            "method" : "GET",
            "url" : "http://127.0.0.1:PORT/2.0/repositories/acme/infra",
            "status" : 403,
            "headers" : {
              "X-Accepted-OAuth-Scopes" : "read:repository:bitbucket",
              "X-Credential-Type" : "api_token",
              "X-OAuth-Scopes" : "write:repository:bitbucket"
            },
            "message" : "Your credentials lack one or more required privilege scopes.",
            "note" : "can the credential read acme/infra?"
          } ],
          "credential" : {
            "kind" : "API token",
            "source" : "environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN)",
            "masked" : "ATATT3x****"
          },
          "docs" : "docs/troubleshooting.md#missing-scopes"
        }
        """);
    }

    @Test
    void workingCredentialExitsZeroWithOkJson(Emulator bb) throws Exception {
        CliRun r = CliRun.run(
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")),
                "auth",
                "doctor",
                "--repo",
                "acme/infra",
                "--git",
                "--json");

        assertThat(r.code()).as(r.out()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("ok").asBoolean()).isTrue();
        assertThat(json.path("cause").asText()).isEqualTo("ok");
        assertThat(json.path("credential").path("masked").asText()).isEqualTo("ATATT3x****");
    }

    @Test
    void tokenFromStdinWithEmailFlagWorks(Emulator bb) {
        CliRun r = CliRun.withStdin(
                env(bb),
                bb.secret("rahul-api-token") + "\n",
                "auth",
                "doctor",
                "--token-stdin",
                "--email",
                "rahul@acme.example",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("✓ ok:").contains("from stdin");
    }

    @Test
    void oauthClientIdFlagPairsWithTheSecretFromTheEnvironment(Emulator bb) {
        CliRun r = CliRun.run(
                env(bb, "BBPUSH_OAUTH_CLIENT_SECRET", bb.secret("acme-agent")),
                "auth",
                "doctor",
                "--oauth-client-id",
                bb.credential("acme-agent").key(),
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("OAuth access token issued");
        assertThat(r.out()).doesNotContain(bb.secret("acme-agent"));
    }

    @Test
    void urlOfARemovedEndpointIsEndpointRemoved(Emulator bb) {
        CliRun r = CliRun.run(
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")),
                "auth",
                "doctor",
                "--url",
                bb.apiUrl() + "/workspaces");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).startsWith("✗ endpoint-removed:").contains("GET /2.0/user/workspaces");
    }

    @Test
    void apiUrlWithoutTwoPointZeroIsWrongApiHost(Emulator bb) {
        Map<String, String> e =
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("rahul-api-token"));
        CliRun r = CliRun.run(e, "auth", "doctor", "--api-url", bb.baseUrl().toString(), "--repo", "acme/infra");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).startsWith("✗ wrong-api-host:");
    }

    @Test
    void badRepositoryArgumentIsAUsageError(Emulator bb) {
        CliRun r = CliRun.run(env(bb), "auth", "doctor", "--repo", "just-a-name");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("WORKSPACE/REPO");
    }

    @Test
    void noSecretInAnyOutputAcrossCauses(Emulator bb) {
        List<Map<String, String>> envs = List.of(
                env(bb, "BITBUCKET_USERNAME", "rahul-dev", "BITBUCKET_APP_PASSWORD", bb.secret("rahul-app-password")),
                env(
                        bb,
                        "BITBUCKET_USERNAME",
                        bb.credential("acme-agent").key(),
                        "BITBUCKET_APP_PASSWORD",
                        bb.secret("acme-agent")),
                env(bb, "BBPUSH_ACCESS_TOKEN", bb.secret("rahul-api-token")),
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("infra-repo-token")),
                env(
                        bb,
                        "BITBUCKET_USERNAME",
                        "rahul-dev",
                        "BITBUCKET_APP_PASSWORD",
                        bb.secret("rahul-account-password")),
                env(
                        bb,
                        "BBPUSH_EMAIL",
                        "rahul@acme.example",
                        "BBPUSH_API_TOKEN",
                        "'" + bb.secret("rahul-api-token") + "'"));
        List<String> secrets = List.of(
                bb.secret("rahul-app-password"),
                bb.secret("acme-agent"),
                bb.secret("rahul-api-token"),
                bb.secret("infra-repo-token"),
                bb.secret("rahul-account-password"));
        for (Map<String, String> e : envs) {
            for (String format : List.of("--json", "--verbose")) {
                CliRun r = CliRun.run(e, "auth", "doctor", "--repo", "acme/infra", "--git", "--probe-variants", format);
                assertThat(r.code()).isIn(0, 3);
                for (String s : secrets) {
                    assertThat(r.out() + r.err()).doesNotContain(s);
                }
                assertThat(r.out()).doesNotContainPattern("(Basic|Bearer) [A-Za-z0-9+/=_.-]{12,}");
            }
        }
    }

    @Test
    void connectionRefusedExitsSixLikeEveryNetworkFailure(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        "http://127.0.0.1:1/2.0",
                        "BBPUSH_ACCESS_TOKEN",
                        bb.secret("infra-repo-token")),
                "auth",
                "doctor",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out()).isEqualTo(6);
        assertThat(r.out()).contains("Nothing accepted a connection");
    }

    @Test
    void rateLimitedExitsSix(Emulator bb) throws Exception {
        bb.faults().add(Fault.onAnyMethod("/repositories/acme/infra$").rateLimit(Duration.ofSeconds(120)));

        CliRun r = CliRun.run(
                env(bb, "BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")),
                "auth",
                "doctor",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out()).isEqualTo(6);
        assertThat(r.out()).contains("rate-limited");
    }
}
