package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class UserApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static String alex(Emulator bb) {
        return Http.basic("alex@acme.example", bb.secret("alex-api-token"));
    }

    private static List<String> values(JsonNode page, String path) {
        List<String> out = new ArrayList<>();
        page.path("values").forEach(v -> out.add(v.at(path).asText()));
        return out;
    }

    @Test
    void userIsTheCallersAccount(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        JsonNode u = r.json();
        assertThat(u.path("type").asText()).isEqualTo("user");
        assertThat(u.path("display_name").asText()).isEqualTo("Rahul Dev");
        assertThat(u.path("nickname").asText()).isEqualTo("rahul-dev");
        assertThat(u.path("uuid").asText())
                .isEqualTo(bb.world().account("rahul-dev").orElseThrow().uuid());
        assertThat(u.path("account_status").asText()).isEqualTo("active");
        assertThat(u.path("links").path("self").path("href").asText()).startsWith(bb.apiUrl() + "/users/%7B");
    }

    @Test
    void anonymousCallersGet401WithTheBasicChallenge(Emulator bb) {
        for (String path : List.of("/user", "/user/emails", "/user/workspaces", "/user/workspaces/acme/permission")) {
            Http.Response r = Http.get(bb.apiUrl() + path, null);

            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).as(path).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
        }
    }

    @Test
    void emailsListThePrimaryConfirmedAddress(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/emails", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        JsonNode e = r.json().path("values").get(0);
        assertThat(r.json().path("size").asInt()).isEqualTo(1);
        assertThat(e.path("type").asText()).isEqualTo("email");
        assertThat(e.path("email").asText()).isEqualTo("rahul@acme.example");
        assertThat(e.path("is_primary").asBoolean()).isTrue();
        assertThat(e.path("is_confirmed").asBoolean()).isTrue();
        assertThat(Http.get(bb.apiUrl() + "/user/emails/rahul@acme.example", rahul(bb))
                        .status())
                .isEqualTo(200);
        assertThat(Http.get(bb.apiUrl() + "/user/emails/alex@acme.example", rahul(bb))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void userWorkspacesListsTheCallersMemberships(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/workspaces", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "/workspace/slug")).containsExactly("acme", "globex");
        JsonNode first = r.json().path("values").get(0);
        assertThat(first.path("type").asText()).isEqualTo("workspace_access");
        assertThat(first.path("administrator").asBoolean()).isFalse();
        assertThat(first.path("workspace").path("type").asText()).isEqualTo("workspace_base");
        assertThat(first.path("workspace").path("uuid").asText())
                .isEqualTo(bb.world().workspace("acme").orElseThrow().uuid());
        assertThat(first.path("workspace")
                        .path("links")
                        .path("self")
                        .path("href")
                        .asText())
                .isEqualTo(bb.apiUrl() + "/workspaces/acme");
        assertThat(values(Http.get(bb.apiUrl() + "/user/workspaces", alex(bb)).json(), "/workspace/slug"))
                .containsExactly("acme");
    }

    @Test
    void userWorkspacesFiltersByAdministratorAndSlug(Emulator bb) {
        String q = URLEncoder.encode("slug=\"globex\"", StandardCharsets.UTF_8);

        assertThat(values(
                        Http.get(bb.apiUrl() + "/user/workspaces?q=" + q, rahul(bb))
                                .json(),
                        "/workspace/slug"))
                .containsExactly("globex");
        assertThat(Http.get(bb.apiUrl() + "/user/workspaces?administrator=true", rahul(bb))
                        .json()
                        .path("values"))
                .isEmpty();
        assertThat(values(
                        Http.get(bb.apiUrl() + "/user/workspaces?sort=-slug", rahul(bb))
                                .json(),
                        "/workspace/slug"))
                .containsExactly("globex", "acme");
    }

    @Test
    void workspacePermissionIsTheHighestRoleAnd403ForNonMembers(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/workspaces/acme/permission", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("type").asText()).isEqualTo("workspace_membership");
        assertThat(r.json().path("permission").asText()).isEqualTo("member");
        assertThat(r.json().path("user").path("nickname").asText()).isEqualTo("rahul-dev");
        assertThat(r.json().path("workspace").path("slug").asText()).isEqualTo("acme");
        assertThat(Http.get(bb.apiUrl() + "/user/workspaces/globex/permission", alex(bb))
                        .status())
                .isEqualTo(403);
        assertThat(Http.get(bb.apiUrl() + "/user/workspaces/nope/permission", alex(bb))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void repositoryPermissionsListExplicitGrantsInOneWorkspace(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/workspaces/acme/permissions/repositories", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "/repository/full_name")).containsExactly("acme/empty", "acme/infra");
        JsonNode first = r.json().path("values").get(0);
        assertThat(first.path("type").asText()).isEqualTo("repository_permission");
        assertThat(first.path("permission").asText()).isEqualTo("write");
        assertThat(first.path("user").path("nickname").asText()).isEqualTo("rahul-dev");
        String q = URLEncoder.encode("repository.name=\"infra\"", StandardCharsets.UTF_8);
        assertThat(values(
                        Http.get(bb.apiUrl() + "/user/workspaces/acme/permissions/repositories?q=" + q, rahul(bb))
                                .json(),
                        "/repository/name"))
                .containsExactly("infra");
    }

    @Test
    void repositoryPermissionsAreEmptyWithoutGrantsAnd403ForNonMembers(Emulator bb) {
        assertThat(Http.get(bb.apiUrl() + "/user/workspaces/acme/permissions/repositories", alex(bb))
                        .json()
                        .path("values"))
                .isEmpty();
        assertThat(Http.get(bb.apiUrl() + "/user/workspaces/globex/permissions/repositories", alex(bb))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void workspaceIsReturnedAndUnknownIs404(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/workspaces/acme", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("type").asText()).isEqualTo("workspace");
        assertThat(r.json().path("slug").asText()).isEqualTo("acme");
        assertThat(r.json().path("name").asText()).isEqualTo("Acme");
        assertThat(r.json().path("links").path("repositories").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme");
        assertThat(Http.get(bb.apiUrl() + "/workspaces/nope", rahul(bb)).status())
                .isEqualTo(404);
    }
}
