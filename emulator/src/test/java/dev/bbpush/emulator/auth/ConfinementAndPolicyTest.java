package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/** Access-token confinement (§2.4) and the globex IP allowlist (§6.2) in the demo world. */
@BitbucketEmulatorTest(world = "demo")
class ConfinementAndPolicyTest {

    @Test
    void repositoryTokenSeesNoOtherRepository(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/acme/empty", Http.bearer(bb.secret("infra-repo-token")));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("You may not have access to this repository");
    }

    @Test
    void workspaceTokenSeesNoOtherWorkspace(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/globex/platform", Http.bearer(bb.secret("acme-workspace-token")));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("You may not have access to this repository");
    }

    @Test
    void workspaceTokenSeesEveryRepositoryOfItsWorkspace(Emulator bb) {
        Http.Response r =
                Http.get(bb.apiUrl() + "/repositories/acme/empty", Http.bearer(bb.secret("acme-workspace-token")));

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void repositoryTokenListsOnlyItsRepository(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme", Http.bearer(bb.secret("infra-repo-token")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("values"))
                .extracting(v -> v.path("full_name").asText())
                .containsExactly("acme/infra");
    }

    @Test
    void clientCredentialsTokenIsConfinedToTheConsumersWorkspace(Emulator bb) {
        String token = OAuthClient.clientCredentials(bb, "acme-agent");

        Http.Response inside = Http.get(bb.apiUrl() + "/repositories/acme/empty", Http.bearer(token));
        Http.Response outside = Http.get(bb.apiUrl() + "/repositories/globex/platform", Http.bearer(token));

        assertThat(inside.status()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(404);
    }

    @Test
    void privateRepositoryOfAllowlistedWorkspaceIs403FromOutsideTheAllowlist(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/globex/platform",
                Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(403);
        JsonNode error = r.json().path("error");
        assertThat(error.path("message").asText())
                .isEqualTo("To access this repository, an admin must whitelist your IP.");
        assertThat(r.header("X-Credential-Type")).isEqualTo("api_token");
    }
}
