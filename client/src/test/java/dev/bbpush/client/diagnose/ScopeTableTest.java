package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ScopeTableTest {
    /** The bundled table is a faithful copy of the OpenAPI document the emulator vendors. */
    @Test
    void bundledTableMatchesTheVendoredOpenApiDocument() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/dev/bbpush/emulator/bitbucket-cloud-openapi.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        ScopeTable table = ScopeTable.bundled();
        assertThat(table.source()).contains(doc.path("x-revision").asText());
        for (Operation op : Operation.values()) {
            for (String endpoint : table.endpoints(op)) {
                String method = endpoint.substring(0, endpoint.indexOf(' ')).toLowerCase(Locale.ROOT);
                JsonNode o = doc.path("paths")
                        .path(endpoint.substring(endpoint.indexOf(' ') + 1))
                        .path(method);
                assertThat(o.isMissingNode()).as(endpoint).isFalse();
                List<String> classic = new ArrayList<>();
                o.path("security").forEach(s -> s.path("oauth2").forEach(v -> classic.add(v.asText())));
                List<String> fine = new ArrayList<>();
                o.path("x-atlassian-oauth2-scopes")
                        .forEach(s -> s.path("scopes").forEach(v -> fine.add(v.asText())));
                assertThat(new TreeSet<>(table.endpoint(endpoint, false)))
                        .as(endpoint)
                        .isEqualTo(new TreeSet<>(classic));
                assertThat(new TreeSet<>(table.endpoint(endpoint, true)))
                        .as(endpoint)
                        .isEqualTo(new TreeSet<>(fine));
            }
        }
    }

    @Test
    void pushNeedsReadAndWriteRepositoryBecauseApiTokenScopesImplyNothing() {
        assertThat(ScopeTable.bundled().required(Operation.PUSH, true))
                .containsExactlyInAnyOrder("read:repository:bitbucket", "write:repository:bitbucket");
        assertThat(ScopeTable.missing(
                        List.of("write:repository:bitbucket"),
                        ScopeTable.bundled().required(Operation.PUSH, true),
                        true))
                .containsExactly("read:repository:bitbucket");
    }

    @Test
    void pullRequestsNeedReadAndWritePullRequestScopes() {
        assertThat(ScopeTable.bundled().required(Operation.PULL_REQUEST, true))
                .containsExactlyInAnyOrder("read:pullrequest:bitbucket", "write:pullrequest:bitbucket");
    }

    @Test
    void classicScopesImplyAsTheReferenceLists() {
        assertThat(ScopeTable.missing(
                        List.of("pullrequest:write"), List.of("repository", "repository:write", "pullrequest"), false))
                .isEmpty();
        assertThat(ScopeTable.missing(List.of("repository:admin"), List.of("repository"), false))
                .containsExactly("repository");
    }
}
