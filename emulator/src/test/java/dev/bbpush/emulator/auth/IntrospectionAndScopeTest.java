package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/** Introspection headers (§4.6) and scope refusals (§4.5) in the demo world. */
@BitbucketEmulatorTest(world = "demo")
class IntrospectionAndScopeTest {
    private static final String FULL_FINE =
            "read:repository:bitbucket, write:repository:bitbucket, read:user:bitbucket, read:pullrequest:bitbucket, "
                    + "write:pullrequest:bitbucket, read:workspace:bitbucket";

    @Test
    void apiTokenResponsesCarryCredentialTypeGrantedAndAcceptedScopes(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme/infra",
                Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Credential-Type")).isEqualTo("api_token");
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo(FULL_FINE);
        assertThat(r.header("X-Accepted-OAuth-Scopes")).isEqualTo("read:repository:bitbucket");
    }

    @Test
    void scopeRefusalStillCarriesIntrospectionHeaders(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme/infra",
                Http.basic("rahul@acme.example", bb.secret("rahul-write-only-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("X-Credential-Type")).isEqualTo("api_token");
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo("write:repository:bitbucket");
        assertThat(r.header("X-Accepted-OAuth-Scopes")).isEqualTo("read:repository:bitbucket");
    }

    @Test
    void writeScopeDoesNotImplyReadForApiTokens(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme",
                Http.basic("rahul@acme.example", bb.secret("rahul-write-only-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("Your credentials lack one or more required privilege scopes.");
        assertThat(r.json().path("error").path("detail").path("required").get(0).asText())
                .isEqualTo("read:repository:bitbucket");
    }

    @Test
    void accessTokenOnUserEndpointIs403WithHeadersInClassicFamily(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.bearer(bb.secret("infra-repo-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("This API is not accessible by this authentication mechanism");
        assertThat(r.header("X-Credential-Type")).isEqualTo("repo_access_token");
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo("repository:write, pullrequest:write");
        assertThat(r.header("X-Accepted-OAuth-Scopes")).isEqualTo("account");
    }

    @Test
    void workspaceAccessTokenReportsItsType(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(bb.secret("acme-workspace-token")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Credential-Type")).isEqualTo("workspace_access_token");
        assertThat(r.header("X-Accepted-OAuth-Scopes")).isEqualTo("repository");
    }

    @Test
    void oauthTokenReportsOauth2TypeAndClassicScopes(Emulator bb) {
        String token = OAuthClient.clientCredentials(bb, "acme-agent");

        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(token));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Credential-Type")).isEqualTo("oauth2");
        assertThat(r.header("X-OAuth-Scopes")).isEqualTo("repository:write, pullrequest:write, account");
        assertThat(r.header("X-Accepted-OAuth-Scopes")).isEqualTo("repository");
    }

    @Test
    void anonymousResponsesCarryNoIntrospectionHeaders(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("X-Credential-Type")).isNull();
        assertThat(r.header("X-OAuth-Scopes")).isNull();
    }

    @Test
    void workspaceAccessTokenOnUserEndpointIs403(Emulator bb) {
        // GET /2.0/user for a workspace token: the same 403 as for repository tokens.
        Http.Response r = Http.get(bb.apiUrl() + "/user", Http.bearer(bb.secret("acme-workspace-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.header("X-Credential-Type")).isEqualTo("workspace_access_token");
    }
}
