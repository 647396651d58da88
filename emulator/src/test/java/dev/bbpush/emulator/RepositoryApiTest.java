package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class RepositoryApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    @Test
    void returnsRepositoryWithBitbucketShape(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        JsonNode repo = r.json();
        assertThat(repo.path("type").asText()).isEqualTo("repository");
        assertThat(repo.path("full_name").asText()).isEqualTo("acme/infra");
        assertThat(repo.path("is_private").asBoolean()).isTrue();
        assertThat(repo.path("mainbranch").path("name").asText()).isEqualTo("main");
        assertThat(repo.path("uuid").asText()).startsWith("{").endsWith("}");
        assertThat(repo.path("links").path("self").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme/infra");
        assertThat(repo.path("links").path("clone").get(0).path("href").asText())
                .isEqualTo(bb.gitUrl("acme", "infra"));
        assertThat(repo.path("project").path("key").asText()).isEqualTo("INFRA");
    }

    @Test
    void privateRepositoryIsInvisibleToAnAccountWithoutAccess(Emulator bb) {
        String alex = Http.basic("alex@acme.example", bb.secret("alex-api-token"));

        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", alex);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("You may not have access to this repository");
    }

    @Test
    void unknownRepositoryIs404WithErrorEnvelope(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/nope", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void listsWorkspaceRepositoriesVisibleToCaller(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme?pagelen=1", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        JsonNode page = r.json();
        assertThat(page.path("size").asInt()).isEqualTo(2);
        assertThat(page.path("values")).hasSize(1);
        assertThat(page.path("next").asText())
                .startsWith(bb.apiUrl() + "/repositories/acme?")
                .contains("page=2");
    }

    @Test
    void outOfRangePagelenIs400(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme?pagelen=1000", rahul(bb));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Invalid pagelen");
    }

    @Test
    void apiTokenWithUsernameIsRefusedWithBasicChallenge(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul-dev", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
    }

    @Test
    void unknownRouteIs404Json(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/no/such/endpoint/here/at/all", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }
}
