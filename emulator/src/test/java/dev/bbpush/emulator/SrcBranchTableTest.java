package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.commit;
import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** Every row of the branch/parent table of bitbucket-cloud-rest.md §2.2. */
@BitbucketEmulatorTest(world = "demo")
class SrcBranchTableTest {

    private static Http.Response post(Emulator bb, String repo, SrcForm form) {
        return Http.postMultipart(bb.apiUrl() + "/repositories/acme/" + repo + "/src", rahul(bb), form.builder());
    }

    private static void assertRefused(Http.Response r, int status, BareRepo repo, Map<String, String> refsBefore) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(repo.refs()).isEqualTo(refsBefore);
    }

    @Test
    void noBranchNoParentsCommitsOnTopOfMain(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit tip = repo.tip("main");

            String sha = commit(bb, SrcForm.create().file("a.txt", "a"));

            assertThat(repo.tip("main").name()).isEqualTo(sha);
            assertThat(repo.commit(sha).getParent(0)).isEqualTo(tip);
        }
    }

    @Test
    void noBranchWithTipAsParentAdvancesMain(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit tip = repo.tip("main");

            String sha =
                    commit(bb, SrcForm.create().field("parents", tip.name()).file("a.txt", "a"));

            assertThat(repo.tip("main").name()).isEqualTo(sha);
            assertThat(repo.commit(sha).getParent(0)).isEqualTo(tip);
        }
    }

    @Test
    void noBranchWithStaleParentIs409AndNothingMoves(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String old = repo.tip("main").name();
            commit(bb, SrcForm.create().file("a.txt", "a"));
            Map<String, String> before = repo.refs();

            Http.Response r =
                    post(bb, "infra", SrcForm.create().field("parents", old).file("b.txt", "b"));

            assertRefused(r, 409, repo, before);
        }
    }

    @Test
    void existingBranchWithoutParentsAdvancesThatBranch(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String first =
                    commit(bb, SrcForm.create().field("branch", "feature/net").file("a.txt", "a"));
            String mainTip = repo.tip("main").name();

            String second =
                    commit(bb, SrcForm.create().field("branch", "feature/net").file("b.txt", "b"));

            assertThat(repo.tip("feature/net").name()).isEqualTo(second);
            assertThat(repo.commit(second).getParent(0).name()).isEqualTo(first);
            assertThat(repo.tip("main").name()).isEqualTo(mainTip);
            assertThat(repo.text(repo.tip("feature/net"), "a.txt")).isEqualTo("a");
        }
    }

    @Test
    void existingBranchWithItsTipAsParentAdvances(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String first = commit(bb, SrcForm.create().field("branch", "dev").file("a.txt", "a"));

            String second = commit(
                    bb,
                    SrcForm.create()
                            .field("branch", "dev")
                            .field("parents", first)
                            .file("b.txt", "b"));

            assertThat(repo.tip("dev").name()).isEqualTo(second);
        }
    }

    @Test
    void existingBranchWithStaleParentIs409(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String first = commit(bb, SrcForm.create().field("branch", "dev").file("a.txt", "a"));
            commit(bb, SrcForm.create().field("branch", "dev").file("b.txt", "b"));
            Map<String, String> before = repo.refs();

            Http.Response r = post(
                    bb,
                    "infra",
                    SrcForm.create()
                            .field("branch", "dev")
                            .field("parents", first)
                            .file("c.txt", "c"));

            assertRefused(r, 409, repo, before);
        }
    }

    @Test
    void existingBranchWithMainTipAsParentIs409WhenTheBranchIsElsewhere(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            commit(bb, SrcForm.create().field("branch", "dev").file("a.txt", "a"));
            Map<String, String> before = repo.refs();

            Http.Response r = post(
                    bb,
                    "infra",
                    SrcForm.create()
                            .field("branch", "dev")
                            .field("parents", repo.tip("main").name()));

            assertRefused(r, 409, repo, before);
        }
    }

    @Test
    void newBranchWithoutParentsStartsFromMainTipAndLeavesMainAlone(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit mainTip = repo.tip("main");

            String sha =
                    commit(bb, SrcForm.create().field("branch", "feature/x").file("a.txt", "a"));

            assertThat(repo.tip("feature/x").name()).isEqualTo(sha);
            assertThat(repo.commit(sha).getParent(0)).isEqualTo(mainTip);
            assertThat(repo.tip("main")).isEqualTo(mainTip);
        }
    }

    @Test
    void newBranchWithParentStartsFromThatCommitEvenIfNotATip(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String seed = repo.tip("main").name();
            commit(bb, SrcForm.create().file("later.txt", "later"));

            String sha = commit(
                    bb,
                    SrcForm.create()
                            .field("branch", "hotfix")
                            .field("parents", seed)
                            .file("fix.txt", "fix"));

            RevCommit c = repo.commit(sha);
            assertThat(c.getParent(0).name()).isEqualTo(seed);
            assertThat(repo.content(c, "later.txt")).isNull();
            assertThat(repo.tip("hotfix")).isEqualTo(c);
        }
    }

    @Test
    void newBranchWithParentAndNoFilesIsAnEmptyDiffCommit(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit seed = repo.tip("main");

            String sha = commit(
                    bb,
                    SrcForm.create()
                            .field("branch", "release/1.0")
                            .field("parents", seed.name())
                            .field("message", "branch"));

            RevCommit c = repo.commit(sha);
            assertThat(c.getParent(0)).isEqualTo(seed);
            assertThat(c.getTree()).isEqualTo(seed.getTree());
            assertThat(repo.tip("release/1.0")).isEqualTo(c);
        }
    }

    @Test
    void abbreviatedParentIsAccepted(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String tip = repo.tip("main").name();

            String sha = commit(
                    bb, SrcForm.create().field("parents", tip.substring(0, 12)).file("a.txt", "a"));

            assertThat(repo.commit(sha).getParent(0).name()).isEqualTo(tip);
        }
    }

    @Test
    void emptyRepositoryWithoutBranchGetsARootCommitOnMain(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "empty")) {
            Http.Response r =
                    post(bb, "empty", SrcForm.create().field("message", "first").file("README.md", "# empty\n"));

            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            RevCommit c = repo.tip("main");
            assertThat(r.header("Location")).endsWith("/repositories/acme/empty/commit/" + c.name());
            assertThat(c.getParentCount()).isZero();
            assertThat(repo.text(c, "README.md")).isEqualTo("# empty\n");
            repo.assertFsckClean();
        }
    }

    @Test
    void emptyRepositoryWithNamedBranchMakesItTheMainBranch(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "empty")) {
            Http.Response r = post(
                    bb, "empty", SrcForm.create().field("branch", "develop").file("a.txt", "a"));

            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            RevCommit c = repo.tip("develop");
            assertThat(c.getParentCount()).isZero();
            assertThat(repo.tip("main")).isNull();
            assertThat(repo.refs()).containsEntry("HEAD->", "refs/heads/develop");

            JsonNode info = Http.get(bb.apiUrl() + "/repositories/acme/empty", rahul(bb))
                    .json();
            assertThat(info.path("mainbranch").path("name").asText()).isEqualTo("develop");
            Http.Response redirect = Http.get(bb.apiUrl() + "/repositories/acme/empty/src", rahul(bb));
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.header("Location")).endsWith("/src/" + c.name() + "/");

            // Later commits without a branch go to the new main branch.
            String next = commit2(bb, "empty", SrcForm.create().file("b.txt", "b"));
            assertThat(repo.tip("develop").name()).isEqualTo(next);
        }
    }

    @Test
    void branchThatBecameTheMainBranchCannotBeDeletedAndIsThePullRequestDefault(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "empty")) {
            commit2(bb, "empty", SrcForm.create().field("branch", "trunk").file("a.txt", "a"));
            commit2(bb, "empty", SrcForm.create().field("branch", "feature").file("b.txt", "b"));

            Http.Response del = Http.send(authorized(
                    new HttpDelete(bb.apiUrl() + "/repositories/acme/empty/refs/branches/trunk"), rahul(bb)));
            assertThat(del.status()).as(del.toString()).isEqualTo(400);
            assertThat(repo.tip("trunk")).isNotNull();

            Http.Response pr = Http.postJson(
                    bb.apiUrl() + "/repositories/acme/empty/pullrequests",
                    rahul(bb),
                    "{\"title\":\"t\",\"source\":{\"branch\":{\"name\":\"feature\"}}}");
            assertThat(pr.status()).as(pr.toString()).isEqualTo(201);
            assertThat(pr.json().path("destination").path("branch").path("name").asText())
                    .isEqualTo("trunk");
        }
    }

    private static ClassicHttpRequest authorized(ClassicHttpRequest r, String auth) {
        r.setHeader("Authorization", auth);
        return r;
    }

    private static String commit2(Emulator bb, String repo, SrcForm form) {
        Http.Response r = post(bb, repo, form);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.header("Location").substring(r.header("Location").lastIndexOf('/') + 1);
    }

    @Test
    void emptyRepositoryWithoutFilesGetsARootCommitWithAnEmptyTree(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "empty")) {
            Http.Response r = post(bb, "empty", SrcForm.create().field("message", "init"));

            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(repo.files(repo.tip("main"))).isEmpty();
            repo.assertFsckClean();
        }
    }

    @Test
    void parentsOnAnEmptyRepositoryIs400(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "empty");
                BareRepo infra = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();

            Http.Response r = post(
                    bb,
                    "empty",
                    SrcForm.create().field("parents", infra.tip("main").name()).file("a.txt", "a"));

            assertRefused(r, 400, repo, before);
            assertThat(r.json().path("error").path("fields").has("parents")).isTrue();
        }
    }

    @Test
    void multipleParentsAre400InBothSpellings(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String tip = repo.tip("main").name();
            commit(bb, SrcForm.create().field("branch", "other").file("a.txt", "a"));
            String other = repo.tip("other").name();
            Map<String, String> before = repo.refs();

            Http.Response comma = post(
                    bb,
                    "infra",
                    SrcForm.create().field("parents", tip + "," + other).file("b.txt", "b"));
            Http.Response repeated = post(
                    bb,
                    "infra",
                    SrcForm.create()
                            .field("parents", tip)
                            .field("parents", other)
                            .file("b.txt", "b"));

            assertRefused(comma, 400, repo, before);
            assertRefused(repeated, 400, repo, before);
            assertThat(comma.json()
                            .path("error")
                            .path("fields")
                            .path("parents")
                            .get(0)
                            .asText())
                    .isEqualTo("Only a single SHA1 is accepted.");
        }
    }

    @Test
    void unknownParentIs400(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();

            Http.Response r = post(
                    bb,
                    "infra",
                    SrcForm.create()
                            .field("parents", "0123456789abcdef0123456789abcdef01234567")
                            .file("a.txt", "a"));

            assertRefused(r, 400, repo, before);
            assertThat(r.json()
                            .path("error")
                            .path("fields")
                            .path("parents")
                            .get(0)
                            .asText())
                    .startsWith("Commit not found");
        }
    }

    @Test
    void repeatedBranchIs400(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            Map<String, String> before = repo.refs();

            Http.Response r = post(
                    bb,
                    "infra",
                    SrcForm.create().field("branch", "a").field("branch", "b").file("a.txt", "a"));

            assertRefused(r, 400, repo, before);
            assertThat(r.json().path("error").path("fields").has("branch")).isTrue();
        }
    }

    @Test
    void mainBranchDeletedByGitWhileOtherBranchesExistIs404WithoutBranch(Emulator bb) throws Exception {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            commit(bb, SrcForm.create().field("branch", "keep").file("a.txt", "a"));
            var del = repo.db().updateRef("refs/heads/main");
            del.setForceUpdate(true);
            assertThat(del.delete()).isEqualTo(RefUpdate.Result.FORCED);
            Map<String, String> before = repo.refs();

            Http.Response r = post(bb, "infra", SrcForm.create().file("b.txt", "b"));

            assertRefused(r, 404, repo, before);
        }
    }
}
