package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.Caller;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenarios of the "Emulator authentication" issue against the demo world, as curl and git run them;
 * docs/troubleshooting-scenario.md shows the same commands and what they print.
 */
@BitbucketEmulatorTest(world = "demo")
class IssueScenariosTest {
    private static final String COMMITS = "/repositories/acme/infra/commits";

    @TempDir
    Path tmp;

    @Test
    void removedAppPasswordOnUserIs401WithDeprecationMessage(Emulator bb) {
        // curl -u "rahul-dev:<rahul-app-password>" /2.0/user
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-app-password")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("App passwords are deprecated and must be replaced with API tokens.");
    }

    @Test
    void apiTokenWithUsernameOnCommitsIs401(Emulator bb) {
        // curl --user "rahul-dev:<rahul-api-token>" /2.0/repositories/acme/infra/commits
        Http.Response r = Http.get(bb.apiUrl() + COMMITS, Http.basic("rahul-dev", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void apiTokenWithEmailOnCommitsIs200(Emulator bb) {
        // curl --user "rahul@acme.example:<rahul-api-token>" /2.0/repositories/acme/infra/commits
        Http.Response r =
                Http.get(bb.apiUrl() + COMMITS, Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("values").size()).isPositive();
        assertThat(r.json()
                        .path("values")
                        .get(0)
                        .path("repository")
                        .path("full_name")
                        .asText())
                .isEqualTo("acme/infra");
    }

    @Test
    void apiTokenAsBearerOnUserIs401WithTokenInvalidMessage(Emulator bb) {
        // curl -H "Authorization: Bearer <rahul-api-token>" /2.0/user
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.bearer(bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("Token is invalid, expired, or not supported for this endpoint.");
    }

    @Test
    void gitCloneWorksWithUsernameAndApiTokenButNotWithTheEmail(Emulator bb) throws IOException {
        // git clone https://rahul-dev:<rahul-api-token>@…/acme/infra.git, then the same with the email as username
        GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
        String token = bb.secret("rahul-api-token");

        GitCli.Result withUsername = git.run(tmp, "clone", GitExpect.url(bb, "rahul-dev", token, "acme/infra"), "a");
        GitCli.Result withEmail =
                git.run(tmp, "clone", GitExpect.url(bb, "rahul@acme.example", token, "acme/infra"), "b");

        GitExpect.success().check(withUsername, bb, "acme/infra", token);
        assertThat(tmp.resolve("a/main.tf")).exists();
        GitExpect.fails(GitExpect.AUTH_FAILED).check(withEmail, bb, "acme/infra", token);
    }

    @Test
    void sameCommitWorksInOneWorkspaceAndIsRefusedByTheOthersIpAllowlist(Emulator bb) {
        // curl --user "rahul@acme.example:<rahul-api-token>" -F "envs/dev.tfvars=@dev.tfvars" …/acme/infra/src
        // and the same request to …/globex/platform/src (globex allowlists 203.0.113.0/24 only)
        Caller rahul = Caller.header(Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

        Http.Response acme = SrcAuthMatrixTest.postFile(bb, "acme/infra", rahul, "envs/dev.tfvars", "env = \"dev\"\n");
        Http.Response globex =
                SrcAuthMatrixTest.postFile(bb, "globex/platform", rahul, "envs/dev.tfvars", "env = \"dev\"\n");

        assertThat(acme.status()).isEqualTo(201);
        assertThat(globex.status()).isEqualTo(403);
        assertThat(globex.json().path("error").path("message").asText())
                .isEqualTo("To access this repository, an admin must whitelist your IP.");
    }

    @Test
    void accountPasswordGetsThePlainTextExplanation(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-account-password")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.text())
                .startsWith("Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
    }

    @Test
    void oauthAccessTokensLiveTwoHoursByDefault(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "acme-agent", "grant_type=client_credentials");

        assertThat(r.json().path("expires_in").asLong()).isEqualTo(7200);
    }
}
