package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Access tokens cannot call the cross-workspace and user endpoints (bitbucket-cloud-auth.md §2.4, §9): 403 "This API
 * is not accessible by this authentication mechanism", with the introspection headers. Needs a world that still
 * serves the CHANGE-2770 endpoints ({@code crossWorkspaceEndpointsGone: false}); where they are gone they answer
 * 410 to everyone, before any credential check.
 */
@BitbucketEmulatorTest(world = "worlds/cross-workspace-served.yaml")
class AccessTokenEndpointRestrictionsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/workspaces",
                "/repositories",
                "/user/permissions/repositories",
                "/user/permissions/workspaces",
                "/user/workspaces"
            })
    void workspaceAccessTokenIsRefusedOnCrossWorkspaceAndUserEndpoints(String path, Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + path, Http.bearer(bb.secret("north-workspace-token")));

        RestExpect.error(403, AuthMessages.NOT_ACCESSIBLE).check(r);
        assertThat(r.header("X-Credential-Type")).isEqualTo("workspace_access_token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/repositories/north", "/repositories/north/vault"})
    void sameTokenReadsItsOwnWorkspacesRepositories(String path, Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + path, Http.bearer(bb.secret("north-workspace-token")));

        RestExpect.ok().check(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/workspaces", "/repositories"})
    void apiTokenOfAnAccountMayCallTheServedCrossWorkspaceEndpoints(String path, Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + path, Http.basic("dana@north.example", bb.secret("dana-token")));

        RestExpect.ok().check(r);
    }
}
