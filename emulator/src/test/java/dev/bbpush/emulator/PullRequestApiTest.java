package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.api.Representations;
import dev.bbpush.emulator.http.Links;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.store.PullRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class PullRequestApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static String prs(Emulator bb) {
        return bb.apiUrl() + "/repositories/acme/infra/pullrequests";
    }

    /** A branch with one commit that main lacks; returns its tip. */
    private static String featureBranch(Emulator bb, String name) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch(name, git.tip("main"));
        return git.commit(name, name.replace('/', '-') + ".tf", "change");
    }

    private static String body(String title, String source) {
        return "{\"title\":\"" + title + "\",\"source\":{\"branch\":{\"name\":\"" + source + "\"}}}";
    }

    private static List<Integer> ids(JsonNode page) {
        List<Integer> out = new ArrayList<>();
        page.path("values").forEach(v -> out.add(v.path("id").asInt()));
        return out;
    }

    @Test
    void createsPullRequest201WithLocationAndBitbucketShape(Emulator bb) {
        String tip = featureBranch(bb, "feature/x");
        String mainTip = new GitFixture(bb, "acme", "infra").tip("main");
        String json = "{\"title\":\"Update config\",\"description\":\"Automated change.\",\"close_source_branch\":true,"
                + "\"source\":{\"branch\":{\"name\":\"feature/x\"}}}";

        Http.Response r = Http.postJson(prs(bb), rahul(bb), json);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo(prs(bb) + "/1");
        JsonNode pr = r.json();
        assertThat(pr.path("type").asText()).isEqualTo("pullrequest");
        assertThat(pr.path("id").asInt()).isEqualTo(1);
        assertThat(pr.path("title").asText()).isEqualTo("Update config");
        assertThat(pr.path("description").asText()).isEqualTo("Automated change.");
        assertThat(pr.path("summary").path("raw").asText()).isEqualTo("Automated change.");
        assertThat(pr.path("state").asText()).isEqualTo("OPEN");
        assertThat(pr.path("draft").asBoolean()).isFalse();
        assertThat(pr.path("close_source_branch").asBoolean()).isTrue();
        assertThat(pr.path("author").path("nickname").asText()).isEqualTo("rahul-dev");
        assertThat(pr.path("source").path("branch").path("name").asText()).isEqualTo("feature/x");
        assertThat(pr.path("source").path("commit").path("hash").asText()).isEqualTo(tip.substring(0, 12));
        assertThat(pr.path("destination").path("branch").path("name").asText()).isEqualTo("main");
        assertThat(pr.path("destination").path("commit").path("hash").asText()).isEqualTo(mainTip.substring(0, 12));
        assertThat(pr.path("destination").path("repository").path("full_name").asText())
                .isEqualTo("acme/infra");
        assertThat(pr.path("reviewers").isArray()).isTrue();
        assertThat(pr.path("participants").isArray()).isTrue();
        assertThat(pr.path("links").path("self").path("href").asText()).isEqualTo(prs(bb) + "/1");
        assertThat(pr.path("links").path("html").path("href").asText())
                .isEqualTo(bb.baseUrl() + "/acme/infra/pull-requests/1");
        assertThat(Http.get(prs(bb) + "/1", rahul(bb)).json().path("title").asText())
                .isEqualTo("Update config");
    }

    @Test
    void explicitDestinationAndDraftAreKept(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch("staging", git.tip("main"));
        featureBranch(bb, "feature/x");
        String json = "{\"title\":\"t\",\"draft\":true,\"source\":{\"branch\":{\"name\":\"feature/x\"}},"
                + "\"destination\":{\"branch\":{\"name\":\"staging\"}}}";

        JsonNode pr = Http.postJson(prs(bb), rahul(bb), json).json();

        assertThat(pr.path("destination").path("branch").path("name").asText()).isEqualTo("staging");
        assertThat(pr.path("draft").asBoolean()).isTrue();
    }

    @Test
    void idsStartAtOnePerRepository(Emulator bb) {
        featureBranch(bb, "feature/a");
        featureBranch(bb, "feature/b");
        GitFixture empty = new GitFixture(bb, "acme", "empty");
        String root = empty.commit("main", "a.tf", "a");
        empty.branch("topic", root);
        empty.commit("topic", "b.tf", "b");
        String emptyPrs = bb.apiUrl() + "/repositories/acme/empty/pullrequests";

        int a = Http.postJson(prs(bb), rahul(bb), body("a", "feature/a"))
                .json()
                .path("id")
                .asInt();
        int b = Http.postJson(prs(bb), rahul(bb), body("b", "feature/b"))
                .json()
                .path("id")
                .asInt();
        Http.Response other = Http.postJson(emptyPrs, rahul(bb), body("t", "topic"));

        assertThat(List.of(a, b)).containsExactly(1, 2);
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().path("id").asInt()).isEqualTo(1);
    }

    @Test
    void missingTitleAndSourceAre400WithFields(Emulator bb) {
        Http.Response r = Http.postJson(prs(bb), rahul(bb), "{\"description\":\"x\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Bad request");
        assertThat(r.json().path("error").path("fields").has("title")).isTrue();
        assertThat(r.json().path("error").path("fields").has("source")).isTrue();
    }

    @Test
    void nonJsonBodyIs400ExpectedADictionary(Emulator bb) {
        Http.Response r = Http.postForm(prs(bb), rahul(bb), "title=x");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").path("").asText()).isEqualTo("expected a dictionary");
    }

    @Test
    void unknownSourceOrDestinationBranchIs400BranchNotFound(Emulator bb) {
        featureBranch(bb, "feature/x");

        Http.Response source = Http.postJson(prs(bb), rahul(bb), body("t", "nope"));
        Http.Response destination = Http.postJson(
                prs(bb),
                rahul(bb),
                "{\"title\":\"t\",\"source\":{\"branch\":{\"name\":\"feature/x\"}},\"destination\":{\"branch\":{\"name\":\"mster\"}}}");

        assertThat(source.status()).isEqualTo(400);
        assertThat(source.json().path("error").path("message").asText()).isEqualTo("source: branch not found: nope");
        assertThat(source.json()
                        .path("error")
                        .path("fields")
                        .path("source")
                        .get(0)
                        .asText())
                .isEqualTo("branch not found: nope");
        assertThat(destination.status()).isEqualTo(400);
        assertThat(destination.json().path("error").path("message").asText())
                .isEqualTo("destination: branch not found: mster");
    }

    @Test
    void sourceWithNothingNewIs400NoChangesToBePulled(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch("same", git.tip("main"));

        Http.Response r = Http.postJson(prs(bb), rahul(bb), body("t", "same"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("There are no changes to be pulled");
        assertThat(Http.get(prs(bb), rahul(bb)).json().path("values")).isEmpty();
    }

    @Test
    void postingTheSameBranchesAgainReturnsTheOpenPullRequestWith200(Emulator bb) {
        featureBranch(bb, "feature/x");

        Http.Response first = Http.postJson(prs(bb), rahul(bb), body("first", "feature/x"));
        Http.Response again = Http.postJson(prs(bb), rahul(bb), body("second", "feature/x"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asInt()).isEqualTo(1);
        assertThat(again.json().path("title").asText()).isEqualTo("first");
        assertThat(again.header("Location")).isEqualTo(prs(bb) + "/1");
        assertThat(ids(Http.get(prs(bb), rahul(bb)).json())).containsExactly(1);
    }

    @Test
    void listFiltersBySourceAndDestinationWithQ(Emulator bb) {
        featureBranch(bb, "feature/a");
        featureBranch(bb, "feature/b");
        Http.postJson(prs(bb), rahul(bb), body("a", "feature/a"));
        Http.postJson(prs(bb), rahul(bb), body("b", "feature/b"));
        String q = URLEncoder.encode(
                "source.branch.name=\"feature/b\" AND destination.branch.name=\"main\"", StandardCharsets.UTF_8);

        Http.Response all = Http.get(prs(bb), rahul(bb));
        Http.Response filtered = Http.get(prs(bb) + "?q=" + q + "&state=OPEN", rahul(bb));
        Http.Response byStateInQ =
                Http.get(prs(bb) + "?q=" + URLEncoder.encode("state=\"OPEN\"", StandardCharsets.UTF_8), rahul(bb));

        assertThat(ids(all.json())).containsExactly(2, 1);
        assertThat(all.json().path("values").get(0).has("reviewers")).isFalse();
        assertThat(ids(filtered.json())).containsExactly(2);
        assertThat(ids(byStateInQ.json())).containsExactly(2, 1);
    }

    @Test
    void listDefaultsToOpenAndStateSelectsOthers(Emulator bb) {
        featureBranch(bb, "feature/a");
        Http.postJson(prs(bb), rahul(bb), body("a", "feature/a"));

        assertThat(ids(Http.get(prs(bb) + "?state=MERGED", rahul(bb)).json())).isEmpty();
        assertThat(ids(Http.get(prs(bb) + "?state=MERGED&state=OPEN", rahul(bb)).json()))
                .containsExactly(1);
        assertThat(Http.get(prs(bb) + "?state=BOGUS", rahul(bb)).status()).isEqualTo(400);
    }

    @Test
    void listPagelenAbove50Is400InvalidPagelen(Emulator bb) {
        Http.Response r100 = Http.get(prs(bb) + "?pagelen=100", rahul(bb));

        assertThat(r100.status()).isEqualTo(400);
        assertThat(r100.json().path("error").path("message").asText()).isEqualTo("Invalid pagelen");
        assertThat(Http.get(prs(bb) + "?pagelen=50", rahul(bb)).status()).isEqualTo(200);
    }

    @Test
    void listNextLinkIsAbsoluteOnTheEmulatorOrigin(Emulator bb) {
        featureBranch(bb, "feature/a");
        featureBranch(bb, "feature/b");
        Http.postJson(prs(bb), rahul(bb), body("a", "feature/a"));
        Http.postJson(prs(bb), rahul(bb), body("b", "feature/b"));

        JsonNode page = Http.get(prs(bb) + "?pagelen=1", rahul(bb)).json();

        assertThat(page.path("next").asText()).startsWith(prs(bb) + "?").contains("page=2");
        assertThat(ids(Http.get(page.path("next").asText(), rahul(bb)).json())).containsExactly(1);
    }

    @Test
    void unknownOrNonIntegerIdIs404(Emulator bb) {
        Http.Response unknown = Http.get(prs(bb) + "/7", rahul(bb));
        Http.Response nonInteger = Http.get(prs(bb) + "/abc", rahul(bb));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("message").asText()).isEqualTo("Pull request not found");
        assertThat(nonInteger.status()).isEqualTo(404);
        assertThat(nonInteger.json().path("type").asText()).isEqualTo("error");
        assertThat(nonInteger.json().path("error").path("message").asText()).isEqualTo("Resource not found");
    }

    @Test
    void resetForgetsPullRequests(Emulator bb) {
        featureBranch(bb, "feature/x");
        Http.postJson(prs(bb), rahul(bb), body("t", "feature/x"));

        bb.reset();

        assertThat(Http.get(prs(bb) + "/1", rahul(bb)).status()).isEqualTo(404);
        featureBranch(bb, "feature/x");
        assertThat(Http.postJson(prs(bb), rahul(bb), body("t", "feature/x"))
                        .json()
                        .path("id")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void sourceCommitFollowsTheBranchWhileOpen(Emulator bb) {
        featureBranch(bb, "feature/x");
        Http.postJson(prs(bb), rahul(bb), body("t", "feature/x"));

        String newTip = new GitFixture(bb, "acme", "infra").commit("feature/x", "more.tf", "more");

        assertThat(Http.get(prs(bb) + "/1", rahul(bb))
                        .json()
                        .path("source")
                        .path("commit")
                        .path("hash")
                        .asText())
                .isEqualTo(newTip.substring(0, 12));
    }

    @Test
    void authorWithoutAnAccountRendersAsAnAppUser(Emulator bb) {
        Representations rep =
                new Representations(bb.world(), new Links(bb.baseUrl().toString()));

        JsonNode author = rep.author(PullRequest.APP_AUTHOR_PREFIX + "infra-repo-token");

        assertThat(author.path("type").asText()).isEqualTo("app_user");
        assertThat(author.path("display_name").asText()).isEqualTo("infra-repo-token");
        assertThat(author.path("uuid").asText()).startsWith("{");
    }
}
