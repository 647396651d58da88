package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Diffstat {@code A..B}: A is the new (source) side, B the old (destination) side, the reverse of
 * {@code git diff}; three-dot against the merge base unless {@code topic=false}.
 */
@BitbucketEmulatorTest(world = "demo")
class DiffstatApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static String diffstat(Emulator bb, String spec) {
        return bb.apiUrl() + "/repositories/acme/infra/diffstat/" + spec;
    }

    /** Entries by path (new path, or old path for removed files). */
    private static Map<String, JsonNode> byPath(JsonNode page) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : page.path("values")) {
            String path = e.path("new").isNull()
                    ? e.path("old").path("path").asText()
                    : e.path("new").path("path").asText();
            out.put(path, e);
        }
        return out;
    }

    /** main: seed S, then M1 (adds main-only.tf). feature/x from S: F1 (edits main.tf, adds new.tf, removes README.md). */
    private record Setup(String seed, String feature, String mainTip) {}

    private static Setup setup(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String seed = git.tip("main");
        git.branch("feature/x", seed);
        String mainTf =
                "provider \"aws\" {\n  region = var.region\n}\n\nmodule \"network\" {\n  source     = \"./modules/network\"\n"
                        + "  cidr_block = \"10.0.0.0/16\"\n  name       = var.name\n  tags       = {}\n}\n";
        String f1 = git.commit(
                "feature/x", Map.of("main.tf", mainTf, "new.tf", "a\nb\nc\n"), Set.of("README.md"), "Feature");
        String m1 = git.commit("main", "main-only.tf", "x\n");
        return new Setup(seed, f1, m1);
    }

    @Test
    void sourceDotDotDestinationShowsTheSourceChangesAgainstTheMergeBase(Emulator bb) {
        Setup s = setup(bb);

        Http.Response r = Http.get(diffstat(bb, "feature/x..main"), rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        Map<String, JsonNode> e = byPath(r.json());
        assertThat(e.keySet()).containsExactlyInAnyOrder("main.tf", "new.tf", "README.md");
        JsonNode modified = e.get("main.tf");
        assertThat(modified.path("type").asText()).isEqualTo("diffstat");
        assertThat(modified.path("status").asText()).isEqualTo("modified");
        assertThat(modified.path("lines_added").asInt()).isEqualTo(2);
        assertThat(modified.path("lines_removed").asInt()).isEqualTo(1);
        assertThat(modified.path("new").path("type").asText()).isEqualTo("commit_file");
        assertThat(modified.path("new").path("links").path("self").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme/infra/src/" + s.feature() + "/main.tf");
        assertThat(modified.path("old").path("links").path("self").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme/infra/src/" + s.seed() + "/main.tf");
        JsonNode added = e.get("new.tf");
        assertThat(added.path("status").asText()).isEqualTo("added");
        assertThat(added.path("lines_added").asInt()).isEqualTo(3);
        assertThat(added.path("old").isNull()).isTrue();
        JsonNode removed = e.get("README.md");
        assertThat(removed.path("status").asText()).isEqualTo("removed");
        assertThat(removed.path("lines_removed").asInt()).isEqualTo(3);
        assertThat(removed.path("new").isNull()).isTrue();
        assertThat(removed.path("old").path("path").asText()).isEqualTo("README.md");
    }

    @Test
    void swappingTheSidesShowsTheOtherBranchesChanges(Emulator bb) {
        setup(bb);

        Map<String, JsonNode> e =
                byPath(Http.get(diffstat(bb, "main..feature/x"), rahul(bb)).json());

        assertThat(e.keySet()).containsExactly("main-only.tf");
        assertThat(e.get("main-only.tf").path("status").asText()).isEqualTo("added");
    }

    @Test
    void topicFalseIsAPlainTwoDotDiffFromDestinationToSource(Emulator bb) {
        Setup s = setup(bb);

        Map<String, JsonNode> e =
                byPath(Http.get(diffstat(bb, s.feature() + ".." + s.mainTip() + "?topic=false"), rahul(bb))
                        .json());

        assertThat(e.keySet()).containsExactlyInAnyOrder("main.tf", "new.tf", "README.md", "main-only.tf");
        assertThat(e.get("main-only.tf").path("status").asText()).isEqualTo("removed");
        assertThat(e.get("main-only.tf")
                        .path("old")
                        .path("links")
                        .path("self")
                        .path("href")
                        .asText())
                .contains(s.mainTip());
    }

    @Test
    void singleRevisionDiffsAgainstItsFirstParent(Emulator bb) {
        Setup s = setup(bb);

        Map<String, JsonNode> e =
                byPath(Http.get(diffstat(bb, s.feature()), rahul(bb)).json());

        assertThat(e.keySet()).containsExactlyInAnyOrder("main.tf", "new.tf", "README.md");
    }

    @Test
    void rootCommitShowsEveryFileAdded(Emulator bb) {
        Setup s = setup(bb);

        JsonNode page = Http.get(diffstat(bb, s.seed()), rahul(bb)).json();

        assertThat(page.path("size").asInt()).isEqualTo(7);
        page.path("values").forEach(v -> {
            assertThat(v.path("status").asText()).isEqualTo("added");
            assertThat(v.path("old").isNull()).isTrue();
        });
    }

    @Test
    void pageHasListPaginationFields(Emulator bb) {
        setup(bb);

        JsonNode page =
                Http.get(diffstat(bb, "feature/x..main?pagelen=1"), rahul(bb)).json();

        assertThat(page.path("pagelen").asInt()).isEqualTo(1);
        assertThat(page.path("size").asInt()).isEqualTo(3);
        assertThat(page.path("values")).hasSize(1);
        assertThat(page.path("next").asText())
                .startsWith(diffstat(bb, "feature/x..main?"))
                .contains("page=2");
    }

    @Test
    void unknownSideIs404CommitNotFound(Emulator bb) {
        setup(bb);

        Http.Response r = Http.get(diffstat(bb, "feature/x..nope"), rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Commit not found");
        assertThat(r.json().path("data").path("shas").get(0).asText()).isEqualTo("nope");
    }

    @Test
    void mergeAndTopicTogetherAre400(Emulator bb) {
        setup(bb);

        Http.Response r = Http.get(diffstat(bb, "feature/x..main?merge=true&topic=true"), rahul(bb));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("The merge and topic parameters cannot be combined");
    }
}
