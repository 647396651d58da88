package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In the demo world (the default setting) the CHANGE-2770 endpoints are gone: 410 with Bitbucket's body. */
@BitbucketEmulatorTest(world = "demo")
class CrossWorkspaceApiTest {
    private static final List<String> DEPRECATED =
            List.of("/workspaces", "/repositories", "/user/permissions/repositories", "/user/permissions/workspaces");

    @Test
    void deprecatedEndpointsAnswer410WithTheChange2770Body(Emulator bb) throws Exception {
        String rahul = Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
        JsonNode expected = new ObjectMapper()
                .readTree(
                        "{\"type\":\"error\",\"error\":{\"message\":\"CHANGE-2770 - Functionality has been deprecated\","
                                + "\"detail\":\"Please read the changelog entry for more details.\","
                                + "\"data\":{\"announcement_url\":\"https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770\"}},"
                                + "\"data\":{\"announcement_url\":\"https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770\"}}");
        for (String path : DEPRECATED) {
            for (String auth : new String[] {rahul, null}) {
                Http.Response r = Http.get(bb.apiUrl() + path, auth);

                assertThat(r.status()).as(path).isEqualTo(410);
                assertThat(r.json()).as(path).isEqualTo(expected);
            }
        }
    }

    @Test
    void replacementsStillWork(Emulator bb) {
        String rahul = Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));

        assertThat(Http.get(bb.apiUrl() + "/user/workspaces", rahul).status()).isEqualTo(200);
        assertThat(Http.get(bb.apiUrl() + "/repositories/acme", rahul).status()).isEqualTo(200);
    }
}
