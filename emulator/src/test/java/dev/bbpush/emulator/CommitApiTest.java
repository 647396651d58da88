package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

@BitbucketEmulatorTest(world = "demo")
class CommitApiTest {

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static String repo(Emulator bb) {
        return bb.apiUrl() + "/repositories/acme/infra";
    }

    private static List<String> hashes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("values").forEach(v -> out.add(v.path("hash").asText()));
        return out;
    }

    @Test
    void historyIsNewestFirstWithIteratorPagination(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String seed = git.tip("main");
        String c1 = git.commit("main", "a.tf", "1");
        String c2 = git.commit("main", "b.tf", "2");
        String c3 = git.commit("main", "c.tf", "3");

        Http.Response first = Http.get(repo(bb) + "/commits/main?pagelen=2", rahul(bb));

        assertThat(first.status()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(hashes(page)).containsExactly(c3, c2);
        List<String> keys = new ArrayList<>();
        page.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("pagelen", "values", "next");
        String next = page.path("next").asText();
        assertThat(next).startsWith(repo(bb) + "/commits/main?").contains("pagelen=2");

        JsonNode second = Http.get(next, rahul(bb)).json();
        assertThat(hashes(second)).containsExactly(c1, seed);
        assertThat(second.has("next")).isFalse();
    }

    @Test
    void nextPageStaysPutWhenNewCommitsLandOnTop(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String seed = git.tip("main");
        String c1 = git.commit("main", "a.tf", "1");
        git.commit("main", "b.tf", "2");
        String next = Http.get(repo(bb) + "/commits/main?pagelen=1", rahul(bb))
                .json()
                .path("next")
                .asText();

        git.commit("main", "c.tf", "3");

        assertThat(hashes(Http.get(next, rahul(bb)).json())).containsExactly(c1);
        assertThat(seed).isNotNull();
    }

    @Test
    void commitsWithoutRevisionCoverEveryBranchAndExcludeSubtracts(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch("feature/x", git.tip("main"));
        String f1 = git.commit("feature/x", "f.tf", "f");
        String m1 = git.commit("main", "m.tf", "m");

        assertThat(hashes(Http.get(repo(bb) + "/commits", rahul(bb)).json()))
                .contains(f1, m1)
                .hasSize(3);
        assertThat(hashes(Http.get(repo(bb) + "/commits?include=feature/x&exclude=main", rahul(bb))
                        .json()))
                .containsExactly(f1);
        assertThat(hashes(Http.get(repo(bb) + "/commits/feature/x?exclude=main", rahul(bb))
                        .json()))
                .containsExactly(f1);
    }

    @Test
    void postTakesIncludeAndExcludeFromAFormBody(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch("feature/x", git.tip("main"));
        String f1 = git.commit("feature/x", "f.tf", "f");
        git.commit("main", "m.tf", "m");

        Http.Response r = Http.postForm(repo(bb) + "/commits", rahul(bb), "include=feature%2Fx&exclude=main");
        Http.Response onRevision = Http.postForm(repo(bb) + "/commits/feature/x", rahul(bb), "exclude=main");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(hashes(r.json())).containsExactly(f1);
        assertThat(hashes(onRevision.json())).containsExactly(f1);
    }

    @Test
    void revisionMayBeABranchWithSlashesOrAShortSha(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        git.branch("feature/x", git.tip("main"));
        String f1 = git.commit("feature/x", "f.tf", "f");

        assertThat(hashes(Http.get(repo(bb) + "/commits/feature/x", rahul(bb)).json()))
                .first()
                .isEqualTo(f1);
        assertThat(hashes(Http.get(repo(bb) + "/commits/feature%2Fx", rahul(bb)).json()))
                .first()
                .isEqualTo(f1);
        assertThat(hashes(Http.get(repo(bb) + "/commits/" + f1.substring(0, 8), rahul(bb))
                        .json()))
                .first()
                .isEqualTo(f1);
    }

    @Test
    void pathLimitsHistoryToCommitsTouchingIt(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String a = git.commit("main", "dir/a.tf", "1");
        git.commit("main", "b.tf", "2");
        String a2 = git.commit("main", "dir/a.tf", "3");

        assertThat(hashes(
                        Http.get(repo(bb) + "/commits/main?path=dir", rahul(bb)).json()))
                .containsExactly(a2, a);
    }

    @Test
    void unknownRevisionIs404CommitNotFoundWithShasInBothPlaces(Emulator bb) {
        Http.Response r = Http.get(repo(bb) + "/commits/nope", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Commit not found");
        assertThat(r.json().path("error").path("data").path("shas").get(0).asText())
                .isEqualTo("nope");
        assertThat(r.json().path("data").path("shas").get(0).asText()).isEqualTo("nope");
    }

    @Test
    void trailingSlashAfterShaIsTreatedAsPartOfIt(Emulator bb) {
        String sha = new GitFixture(bb, "acme", "infra").tip("main");

        Http.Response r = Http.get(repo(bb) + "/commits/" + sha + "/", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("data").path("shas").get(0).asText())
                .isEqualTo(sha + "/");
    }

    @Test
    void invalidPagelenOrPageTokenIs400(Emulator bb) {
        assertThat(Http.get(repo(bb) + "/commits?pagelen=0", rahul(bb)).status())
                .isEqualTo(400);
        assertThat(Http.get(repo(bb) + "/commits?pagelen=101", rahul(bb))
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo("Invalid pagelen");
        assertThat(Http.get(repo(bb) + "/commits?page=zzz", rahul(bb))
                        .json()
                        .path("error")
                        .path("message")
                        .asText())
                .isEqualTo("Invalid page");
    }

    @Test
    void emptyRepositoryHasNoCommits(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/empty/commits", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("values")).isEmpty();
    }

    @Test
    void shortShaSharedWithABlobStillNamesTheOneCommit(Emulator bb) throws Exception {
        String sha;
        try (BareRepo r = BareRepo.of(bb, "acme", "infra")) {
            sha = r.tip("main").name();
        }
        String prefix = sha.substring(0, 4);
        try (Repository db = new FileRepositoryBuilder()
                        .setGitDir(bb.dataDir()
                                .resolve("repositories/acme/infra.git")
                                .toFile())
                        .setMustExist(true)
                        .build();
                ObjectInserter ins = db.newObjectInserter()) {
            // Find blob content whose id starts with the commit's 4-digit prefix (about 65,000 hashes), then store it.
            byte[] content = null;
            for (int i = 0; content == null; i++) {
                byte[] candidate = ("collide " + i).getBytes(StandardCharsets.UTF_8);
                if (ins.idFor(Constants.OBJ_BLOB, candidate).name().startsWith(prefix)) {
                    content = candidate;
                }
            }
            ins.insert(Constants.OBJ_BLOB, content);
            ins.flush();
        }

        Http.Response r = Http.get(repo(bb) + "/commit/" + prefix, rahul(bb));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("hash").asText()).isEqualTo(sha);
    }

    @Test
    void commitReturnsTheFullCommitObject(Emulator bb) {
        GitFixture git = new GitFixture(bb, "acme", "infra");
        String parent = git.tip("main");
        String sha = git.commit("main", "a.tf", "1");

        Http.Response r = Http.get(repo(bb) + "/commit/" + sha, rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.path("type").asText()).isEqualTo("commit");
        assertThat(c.path("hash").asText()).isEqualTo(sha);
        assertThat(c.path("message").asText()).isEqualTo("Change a.tf\n");
        assertThat(c.path("date").asText()).isEqualTo("2026-02-01T09:01:00+00:00");
        assertThat(c.path("author").path("raw").asText()).isEqualTo("Rahul Dev <rahul@acme.example>");
        assertThat(c.path("author").path("user").path("nickname").asText()).isEqualTo("rahul-dev");
        assertThat(c.path("parents").get(0).path("hash").asText()).isEqualTo(parent);
        assertThat(c.path("repository").path("full_name").asText()).isEqualTo("acme/infra");
        assertThat(c.path("links").path("self").path("href").asText()).isEqualTo(repo(bb) + "/commit/" + sha);
    }

    @Test
    void unknownCommitIs404WithBitbucketsExactBody(Emulator bb) throws Exception {
        String sha = "0123456789abcdef0123456789abcdef01234567";

        Http.Response r = Http.get(repo(bb) + "/commit/" + sha, rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        JsonNode expected = new ObjectMapper()
                .readTree("{\"type\":\"error\",\"error\":{\"message\":\"Commit not found\",\"data\":{\"shas\":[\"" + sha
                        + "\"]}},\"data\":{\"shas\":[\"" + sha + "\"]}}");
        assertThat(r.json()).isEqualTo(expected);
    }

    @Test
    void commitsOfAPrivateRepositoryAreInvisibleWithoutAccess(Emulator bb) {
        String alex = Http.basic("alex@acme.example", bb.secret("alex-api-token"));

        Http.Response r = Http.get(repo(bb) + "/commits", alex);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").path("message").asText())
                .startsWith("You may not have access to this repository");
        assertThat(r.json().has("values")).isFalse();
    }
}
