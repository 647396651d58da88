package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class BranchApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static String branches(Emulator bb) {
        return bb.apiUrl() + "/repositories/acme/infra/refs/branches";
    }

    private static Http.Response delete(String url, String auth) {
        HttpDelete d = new HttpDelete(url);
        d.setHeader("Authorization", auth);
        return Http.send(d);
    }

    private static List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("values").forEach(v -> out.add(v.path("name").asText()));
        return out;
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static GitFixture withBranches(Emulator bb, String... names) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        for (String n : names) {
            git.branch(n, git.tip("main"));
        }
        return git;
    }

    @Test
    void listsBranchesInLexicalOrderWithAbsoluteNextLink(Emulator bb) {
        withBranches(bb, "b2", "b10", "feature/x");

        Http.Response r = Http.get(branches(bb) + "?pagelen=2", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly("b10", "b2");
        assertThat(r.json().path("size").asInt()).isEqualTo(4);
        String next = r.json().path("next").asText();
        assertThat(next).startsWith(branches(bb) + "?").contains("page=2");
        assertThat(names(Http.get(next, rahul(bb)).json())).containsExactly("feature/x", "main");
    }

    @Test
    void sortByNameIsNaturalAndMinusReverses(Emulator bb) {
        withBranches(bb, "b2", "b10");

        assertThat(names(Http.get(branches(bb) + "?sort=name", rahul(bb)).json()))
                .containsExactly("b2", "b10", "main");
        assertThat(names(Http.get(branches(bb) + "?sort=-name", rahul(bb)).json()))
                .containsExactly("main", "b10", "b2");
    }

    @Test
    void filtersWithNameContainsAndNameEquals(Emulator bb) {
        withBranches(bb, "feature/x", "Feature/Y", "fix");

        assertThat(names(Http.get(branches(bb) + "?q=" + q("name ~ \"feat\""), rahul(bb))
                        .json()))
                .containsExactly("Feature/Y", "feature/x");
        assertThat(names(Http.get(branches(bb) + "?q=" + q("name = \"fix\""), rahul(bb))
                        .json()))
                .containsExactly("fix");
    }

    @Test
    void unsupportedQueryIs400(Emulator bb) {
        Http.Response r = Http.get(branches(bb) + "?q=" + q("target.hash = \"x\""), rahul(bb));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Invalid query");
    }

    @Test
    void getsBranchWhoseNameHasASlashUnescapedOrPercentEncoded(Emulator bb) {
        GitFixture git = withBranches(bb, "feature/x");

        Http.Response plain = Http.get(branches(bb) + "/feature/x", rahul(bb));
        Http.Response encoded = Http.get(branches(bb) + "/feature%2Fx", rahul(bb));

        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.json().path("type").asText()).isEqualTo("branch");
        assertThat(plain.json().path("name").asText()).isEqualTo("feature/x");
        assertThat(plain.json().path("target").path("hash").asText()).isEqualTo(git.tip("main"));
        assertThat(plain.json().path("links").path("self").path("href").asText())
                .isEqualTo(branches(bb) + "/feature/x");
        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.json().path("name").asText()).isEqualTo("feature/x");
    }

    @Test
    void unknownBranchIs404(Emulator bb) {
        Http.Response r = Http.get(branches(bb) + "/nope/never", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void createsBranchFromFullShaAndAnswers201WithBranchObject(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String sha = git.tip("main");

        Http.Response r = Http.postJson(
                branches(bb), rahul(bb), "{\"name\":\"feature/new\",\"target\":{\"hash\":\"" + sha + "\"}}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("type").asText()).isEqualTo("branch");
        assertThat(r.json().path("name").asText()).isEqualTo("feature/new");
        assertThat(r.json().path("target").path("hash").asText()).isEqualTo(sha);
        assertThat(r.header("Location")).isEqualTo(branches(bb) + "/feature/new");
        assertThat(git.tip("feature/new")).isEqualTo(sha);
    }

    @Test
    void createsBranchFromShortShaOrBranchName(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String sha = git.tip("main");

        Http.Response shortSha = Http.postJson(
                branches(bb), rahul(bb), "{\"name\":\"a\",\"target\":{\"hash\":\"" + sha.substring(0, 7) + "\"}}");
        Http.Response byName =
                Http.postJson(branches(bb), rahul(bb), "{\"name\":\"b\",\"target\":{\"hash\":\"main\"}}");

        assertThat(shortSha.status()).isEqualTo(201);
        assertThat(byName.status()).isEqualTo(201);
        assertThat(git.tip("a")).isEqualTo(sha);
        assertThat(git.tip("b")).isEqualTo(sha);
    }

    @Test
    void existingBranchIs400WithBranchAlreadyExistsKeyAndIsNotMoved(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String before = git.tip("main");
        String other = git.commit("other", "x.tf", "x");

        Http.Response r =
                Http.postJson(branches(bb), rahul(bb), "{\"name\":\"main\",\"target\":{\"hash\":\"" + other + "\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(r.json().path("error").path("data").path("key").asText()).isEqualTo("BRANCH_ALREADY_EXISTS");
        assertThat(r.json().path("error").path("message").asText()).contains("already exists");
        assertThat(git.tip("main")).isEqualTo(before);
    }

    @Test
    void nonJsonBodyIs400ExpectedADictionary(Emulator bb) {
        Http.Response r = Http.postForm(branches(bb), rahul(bb), "name=x&target.hash=main");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Bad request");
        assertThat(r.json().path("error").path("fields").path("").asText()).isEqualTo("expected a dictionary");
    }

    @Test
    void missingNameAndTargetAre400WithFields(Emulator bb) {
        Http.Response r = Http.postJson(branches(bb), rahul(bb), "{}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").has("name")).isTrue();
        assertThat(r.json().path("error").path("fields").has("target")).isTrue();
    }

    @Test
    void namesGitRefusesAre400AndCreateNothing(Emulator bb) throws Exception {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        for (String bad : List.of(
                "bad..name", "ends.lock", "has space", "x~1", "a:b", "trailing/", "/leading", "q?", "HEAD", "-x")) {
            String body = "{\"name\":" + Json.quote(bad) + ",\"target\":{\"hash\":\"main\"}}";

            Http.Response r = Http.postJson(branches(bb), rahul(bb), body);

            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("error").path("fields").has("name"))
                    .as(bad)
                    .isTrue();
        }
        assertThat(git.repository().getRefDatabase().getRefsByPrefix("refs/heads/"))
                .hasSize(1);
    }

    @Test
    void nameNestedUnderAnExistingBranchIs400(Emulator bb) {
        withBranches(bb, "feature");

        Http.Response r =
                Http.postJson(branches(bb), rahul(bb), "{\"name\":\"feature/x\",\"target\":{\"hash\":\"main\"}}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").path("name").get(0).asText())
                .isEqualTo("'feature/x' conflicts with an existing branch name.");
        assertThat(Http.get(branches(bb) + "/feature/x", rahul(bb)).status()).isEqualTo(404);
    }

    @Test
    void unknownTargetIs404CommitNotFound(Emulator bb) {
        Http.Response r =
                Http.postJson(branches(bb), rahul(bb), "{\"name\":\"x\",\"target\":{\"hash\":\"0123456789abcdef\"}}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Commit not found");
        assertThat(r.json().path("error").path("data").path("shas").get(0).asText())
                .isEqualTo("0123456789abcdef");
    }

    @Test
    void creatingABranchNeedsAccessToTheRepository(Emulator bb) {
        String alex = Http.basic("alex@acme.example", bb.secret("alex-api-token"));

        Http.Response r = Http.postJson(branches(bb), alex, "{\"name\":\"x\",\"target\":{\"hash\":\"main\"}}");

        assertThat(r.status()).isEqualTo(404);
        assertThat(new GitFixture(bb, "acme", "infra").tip("x")).isNull();
    }

    @Test
    void deletesBranch204ByPlainOrEncodedName(Emulator bb) {
        GitFixture git = withBranches(bb, "feature/x", "feature/y");

        Http.Response plain = delete(branches(bb) + "/feature/x", rahul(bb));
        Http.Response encoded = delete(branches(bb) + "/feature%2Fy", rahul(bb));

        assertThat(plain.status()).isEqualTo(204);
        assertThat(encoded.status()).isEqualTo(204);
        assertThat(git.tip("feature/x")).isNull();
        assertThat(git.tip("feature/y")).isNull();
        assertThat(Http.get(branches(bb) + "/feature/x", rahul(bb)).status()).isEqualTo(404);
    }

    @Test
    void deletingTheMainBranchIs400AndKeepsIt(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String tip = git.tip("main");

        Http.Response r = delete(branches(bb) + "/main", rahul(bb));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(git.tip("main")).isEqualTo(tip);
    }

    @Test
    void deletingAnUnknownBranchIs404(Emulator bb) {
        Http.Response r = delete(branches(bb) + "/nope", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Branch 'nope' not found.");
    }

    /** Minimal JSON string quoting for test bodies. */
    private static final class Json {
        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
