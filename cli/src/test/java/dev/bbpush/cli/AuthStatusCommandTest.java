package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@BitbucketEmulatorTest(world = "demo")
class AuthStatusCommandTest {
    @Test
    void showsSourcesAccountTypeScopesAndRepositoryChecks(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BBPUSH_EMAIL",
                        "rahul@acme.example",
                        "BBPUSH_API_TOKEN",
                        bb.secret("rahul-api-token")),
                "auth",
                "status",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("2. ✓ environment: found — API token ATATT3x**** for rahul@acme.example")
                .contains("4. ✓ stdin: skipped")
                .contains("Active credential: API token ATATT3x****")
                .contains("Account:         rahul-dev (Rahul Dev) <rahul@acme.example>")
                .contains("Credential type: api_token (X-Credential-Type)")
                .contains("Scopes:          read:repository:bitbucket, write:repository:bitbucket")
                .contains("Repository acme/infra:\n  ✓ push: works\n  ✓ pull requests: works");
        assertThat(r.out()).doesNotContain(bb.secret("rahul-api-token"));
    }

    @Test
    void tokenWithoutPullRequestScopesExitsThreeNamingTheScopes(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BBPUSH_EMAIL",
                        "rahul@acme.example",
                        "BBPUSH_API_TOKEN",
                        bb.secret("rahul-write-only-token")),
                "auth",
                "status",
                "--repo",
                "acme/infra");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out())
                .contains("✗ push: missing-scopes")
                .contains("✗ pull requests: missing-scopes")
                .contains("read:pullrequest:bitbucket and write:pullrequest:bitbucket");
    }

    @Test
    void accessTokenShowsItsTypeEvenThoughUserIsRefused(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of("BBPUSH_API_URL", bb.apiUrl(), "BBPUSH_ACCESS_TOKEN", bb.secret("infra-repo-token")),
                "auth",
                "status",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("Credential type: repo_access_token")
                .contains("Scopes:          repository:write, pullrequest:write")
                .contains("Account:         not readable with this credential");
    }

    @Test
    void failedSourceIsReportedAndExitsThreeEvenWhenAnotherSourceWorks(Emulator bb, @TempDir Path home)
            throws Exception {
        Path config = home.resolve(".config/bbpush/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "access_token = " + bb.secret("infra-repo-token") + "\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

        CliRun r = CliRun.run(
                Map.of(
                        "HOME",
                        home.toString(),
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BBPUSH_API_TOKEN",
                        bb.secret("alex-api-token")),
                "auth",
                "status");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out())
                .contains("✗ environment: failed — BBPUSH_API_TOKEN is set but BBPUSH_EMAIL is not")
                .contains("✓ config file: found")
                .contains("Credential type: repo_access_token")
                .doesNotContain(bb.secret("infra-repo-token"))
                .doesNotContain(bb.secret("alex-api-token"));
    }

    @Test
    void emailFlagPairsWithTheEnvironmentTokenAndBeatsTheEnvironmentEmail(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BBPUSH_EMAIL",
                        "rahul-dev",
                        "BBPUSH_API_TOKEN",
                        bb.secret("rahul-api-token")),
                "auth",
                "status",
                "--email",
                "rahul@acme.example");

        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out())
                .contains("2. ✓ environment: found — API token ATATT3x**** for rahul@acme.example")
                .contains("--email, BBPUSH_API_TOKEN")
                .contains("Account:         rahul-dev (Rahul Dev)");
    }

    @Test
    void noCredentialExitsThreeWithTheVariablesToSet(Emulator bb) {
        CliRun r = CliRun.run(Map.of("BBPUSH_API_URL", bb.apiUrl()), "auth", "status");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("No credential found").contains("BBPUSH_API_TOKEN");
    }

    @Test
    void refusedCredentialExitsThree(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BITBUCKET_USERNAME",
                        "rahul-dev",
                        "BITBUCKET_APP_PASSWORD",
                        bb.secret("rahul-app-password")),
                "auth",
                "status");

        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("✗ app-password-removed");
    }

    @Test
    void connectionRefusedExitsSixNotThree(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        "http://127.0.0.1:1/2.0",
                        "BBPUSH_ACCESS_TOKEN",
                        bb.secret("infra-repo-token")),
                "auth",
                "status",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.out()).isEqualTo(6);
    }

    @Test
    void oauthConsumerStatusAsksTheTokenEndpointOnceForTheWholeReport(Emulator bb) {
        CliRun r = CliRun.run(
                Map.of(
                        "BBPUSH_API_URL",
                        bb.apiUrl(),
                        "BBPUSH_OAUTH_CLIENT_ID",
                        bb.credential("acme-agent").key(),
                        "BBPUSH_OAUTH_CLIENT_SECRET",
                        bb.secret("acme-agent")),
                "auth",
                "status",
                "--repo",
                "acme/infra");

        assertThat(r.out())
                .contains("Repository acme/infra:\n  ✓ push: works\n  ✓ pull requests: works")
                .doesNotContain(bb.secret("acme-agent"));
        assertThat(bb.journal().entries().stream()
                        .filter(e -> e.method().equals("POST") && e.path().equals("/site/oauth2/access_token")))
                .as("token requests of one 'bbpush auth status'")
                .hasSize(1);
    }
}
