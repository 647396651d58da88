package dev.bbpush.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.auth.ScopeCatalog;
import dev.bbpush.emulator.http.Route;
import dev.bbpush.emulator.http.Router;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The route table in {@link ApiRoutes} is the REST surface: every entry is a Bitbucket operation (so the auth layer
 * finds its scopes in the OpenAPI document), none is listed twice, and each one is the route a request for it reaches.
 */
@BitbucketEmulatorTest(world = "demo")
class ApiRoutesTest {

    @Test
    void everyRouteIsAnOperationOfBitbucketsOpenApiDocument(Emulator bb) {
        ScopeCatalog catalog = ScopeCatalog.bitbucket();
        List<String> undocumented = new ArrayList<>();
        for (Route route : table(bb).routes()) {
            if (catalog.required(route.method(), route.template()).isEmpty()) {
                undocumented.add(route.toString());
            }
        }

        assertThat(undocumented).isEmpty();
    }

    @Test
    void noOperationIsListedTwice(Emulator bb) {
        Set<String> seen = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (Route route : table(bb).routes()) {
            if (!seen.add(route.toString())) {
                twice.add(route.toString());
            }
        }

        assertThat(twice).isEmpty();
        assertThat(seen).hasSizeGreaterThan(25);
    }

    @Test
    void aRequestForEachOperationReachesThatOperation(Emulator bb) {
        Router router = table(bb);
        for (Route route : router.routes()) {
            List<String> segments = concrete(route.template());

            Router.Match match = router.match(route.method(), segments);

            assertThat(match.route()).as("%s reached by %s", route, segments).isSameAs(route);
        }
    }

    @Test
    void aSlashInABranchNameStaysInsideTheGreedyVariable(Emulator bb) {
        Router.Match match =
                table(bb).match("GET", List.of("repositories", "acme", "infra", "refs", "branches", "a", "b"));

        assertThat(match.route()).hasToString("GET /repositories/{workspace}/{repo_slug}/refs/branches/{name}");
        assertThat(match.params()).containsEntry("name", "a/b");
    }

    @Test
    void anOperationOutsideTheTableIsNotServed(Emulator bb) {
        Router.Match put = table(bb).match("PUT", List.of("repositories", "acme", "infra"));

        assertThat(put.found()).isFalse();
        assertThat(put.sameTemplateOtherMethods()).hasToString("[GET /repositories/{workspace}/{repo_slug}]");
    }

    private static Router table(Emulator bb) {
        return ApiRoutes.build(bb.context());
    }

    /** The template's path segments with every variable replaced by a plain value. */
    private static List<String> concrete(String template) {
        List<String> out = new ArrayList<>();
        for (String segment : template.substring(1).split("/")) {
            out.add(segment.startsWith("{") ? "v" : segment);
        }
        return out;
    }
}
