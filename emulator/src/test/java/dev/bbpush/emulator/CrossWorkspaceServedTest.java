package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code crossWorkspaceEndpointsGone: false} the deprecated endpoints are served. */
@BitbucketEmulatorTest(world = "worlds/cross-workspace-served.yaml")
class CrossWorkspaceServedTest {

    private static String dana(Emulator bb) {
        return Http.basic("dana@north.example", bb.secret("dana-token"));
    }

    private static List<String> values(JsonNode page, String path) {
        List<String> out = new ArrayList<>();
        page.path("values").forEach(v -> out.add(v.at(path).asText()));
        return out;
    }

    @Test
    void worldSettingTurnsTheGoneSwitchOff(Emulator bb) {
        assertThat(bb.world().settings().crossWorkspaceEndpointsGone()).isFalse();
    }

    @Test
    void workspacesListsTheCallersWorkspacesAndRoleOwnerFilters(Emulator bb) {
        Http.Response all = Http.get(bb.apiUrl() + "/workspaces", dana(bb));
        Http.Response owned = Http.get(bb.apiUrl() + "/workspaces?role=owner", dana(bb));

        assertThat(all.status()).isEqualTo(200);
        assertThat(values(all.json(), "/slug")).containsExactly("north", "south");
        assertThat(all.json().path("values").get(0).path("type").asText()).isEqualTo("workspace");
        assertThat(values(owned.json(), "/slug")).containsExactly("north");
    }

    @Test
    void repositoriesListsPublicRepositoriesEvenAnonymously(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories", null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "/full_name")).containsExactly("north/site");
    }

    @Test
    void userPermissionsRepositoriesSpanWorkspaces(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/permissions/repositories", dana(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "/repository/full_name")).containsExactly("north/site", "north/vault");
        // Effective permission: dana administers the workspace, which gives admin on every repository in it.
        assertThat(values(r.json(), "/permission")).containsExactly("admin", "admin");
    }

    @Test
    void userPermissionsWorkspacesGiveOneMembershipPerWorkspace(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/permissions/workspaces", dana(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(values(r.json(), "/workspace/slug")).containsExactly("north", "south");
        assertThat(values(r.json(), "/permission")).containsExactly("owner", "member");
        assertThat(values(r.json(), "/type")).containsOnly("workspace_membership");
    }

    @Test
    void userWorkspacesMarksAdministration(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/user/workspaces?administrator=true", dana(bb));

        assertThat(values(r.json(), "/workspace/slug")).containsExactly("north");
    }
}
