package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/**
 * The auth-legacy world: app passwords still active, classic scope implications, project tokens, a
 * workspace requiring 2SV and an IP allowlist that admits loopback.
 */
@BitbucketEmulatorTest(world = "worlds/auth-legacy.yaml")
class LegacyWorldAuthTest {
    private static final String RAHUL = "rahul@acme.example";

    @Test
    void activeAppPasswordWorksWithUsername(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-app-password")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("username").asText()).isEqualTo("rahul-dev");
        assertThat(r.header("X-Credential-Type")).isEqualTo("app_password");
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo("account, repository:write");
    }

    @Test
    void activeAppPasswordWithEmailIs401(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic(RAHUL, bb.secret("rahul-app-password")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void classicScopeErrorNamesClassicScopes(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-email-only-app-password")));

        assertThat(r.status()).isEqualTo(403);
        JsonNode detail = r.json().path("error").path("detail");
        assertThat(detail.path("granted")).extracting(JsonNode::asText).containsExactly("email");
        assertThat(detail.path("required")).extracting(JsonNode::asText).containsExactly("account");
    }

    @Test
    void repositoryWriteImpliesRepositoryForAppPasswords(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul-dev", bb.secret("rahul-app-password")));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void pullrequestScopeImpliesRepositoryRead(Emulator bb) {
        String token = OAuthClient.clientCredentials(bb, "pr-agent");

        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(token));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo("pullrequest");
    }

    @Test
    void revokedApiTokenIs401WithTheTokenMessage(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic(RAHUL, bb.secret("rahul-revoked-token")));

        RestExpect.expiredOrRevokedToken().check(r);
    }

    @Test
    void projectTokenReachesOnlyItsProjectsRepositories(Emulator bb) {
        String token = Http.bearer(bb.secret("tools-project-token"));

        Http.Response own = Http.get(bb.apiUrl() + "/repositories/acme/tools", token);
        Http.Response other = Http.get(bb.apiUrl() + "/repositories/acme/infra", token);

        assertThat(own.status()).isEqualTo(200);
        assertThat(own.header("X-Credential-Type")).isEqualTo("project_access_token");
        assertThat(other.status()).isEqualTo(404);
    }

    @Test
    void publicRepositoryIsReadableByAnonymousAndByConfinedTokens(Emulator bb) {
        Http.Response anonymous = Http.get(bb.apiUrl() + "/repositories/acme/docs", null);
        Http.Response token =
                Http.get(bb.apiUrl() + "/repositories/acme/docs", Http.bearer(bb.secret("secure-workspace-token")));

        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(token.status()).isEqualTo(200);
    }

    @Test
    void requiredTwoStepVerificationRefusesAccountWithout2sv(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/secure/vault", Http.basic(RAHUL, bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("To access this repository, enable two-step verification.");
    }

    @Test
    void requiredTwoStepVerificationAdmitsAccountWith2sv(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/secure/vault",
                Http.basic("sam@secure.example", bb.secret("sam-api-token")));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void requiredTwoStepVerificationDoesNotApplyToAccessTokens(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/secure/vault", Http.bearer(bb.secret("secure-workspace-token")));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void ipAllowlistAdmitsAnAllowedAddress(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/loopback/lab", Http.basic(RAHUL, bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void gitCloneInWorkspaceRequiring2svIs403WithRemoteText(Emulator bb) throws GitRefusal {
        Principal rahul = GitAccessRulesTest.gitAuth(bb, "rahul-dev", bb.secret("rahul-api-token"));

        GitRefusal r = GitAccessRulesTest.authorizeFails(bb, rahul, "secure/vault", false, "127.0.0.1");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.remoteLines()).containsExactly("To access this repository, enable two-step authentication.");
    }

    @Test
    void activeAppPasswordWorksOnGitWithUsername(Emulator bb) throws GitRefusal {
        Principal p = GitAccessRulesTest.gitAuth(bb, "rahul-dev", bb.secret("rahul-app-password"));

        GitAccessRulesTest.authorizeSucceeds(bb, p, "acme/infra", true, "127.0.0.1");
        assertThat(GitAccessRulesTest.gitAuthFails(bb, "rahul@acme.example", bb.secret("rahul-app-password"))
                        .status())
                .isEqualTo(401);
    }
}
