package dev.bbpush.emulator.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clone, fetch and push with the real git CLI against the emulator's Git smart HTTP. */
@BitbucketEmulatorTest(world = "demo")
class GitHttpTest {
    @TempDir
    Path tmp;

    private GitCli git;

    @BeforeEach
    void setUp() throws IOException {
        git = new GitCli(Files.createDirectories(tmp.resolve("home")));
    }

    private static String url(Emulator bb, String user, String secret, String repo) {
        return "http://" + user + ":" + secret + "@127.0.0.1:" + bb.port() + "/" + repo + ".git";
    }

    private static String rahulUrl(Emulator bb, String repo) {
        return url(bb, "rahul-dev", bb.secret("rahul-api-token"), repo);
    }

    private Path cloneOk(String url, String name, String... options) {
        Path dir = tmp.resolve(name);
        String[] args = new String[options.length + 3];
        args[0] = "clone";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = url;
        args[options.length + 2] = dir.toString();
        git.run(tmp, args).assertOk();
        return dir;
    }

    private ObjectId commitFile(Path work, String path, String content) throws IOException {
        Path f = work.resolve(path);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
        git.run(work, "add", path).assertOk();
        git.run(work, "commit", "-q", "-m", "Add " + path).assertOk();
        return ObjectId.fromString(
                git.run(work, "rev-parse", "HEAD").assertOk().stdout().trim());
    }

    private static ObjectId mainOf(Emulator bb, String ws, String slug) throws IOException {
        try (Repository db = new FileRepositoryBuilder()
                .setGitDir(bb.context().store().pathOf(ws, slug).toFile())
                .build()) {
            return db.resolve("refs/heads/main");
        }
    }

    private static String fileAt(Emulator bb, String ws, String slug, String path) throws IOException {
        try (Repository db = new FileRepositoryBuilder()
                        .setGitDir(bb.context().store().pathOf(ws, slug).toFile())
                        .build();
                RevWalk rw = new RevWalk(db)) {
            RevCommit c = rw.parseCommit(db.resolve("refs/heads/main"));
            try (TreeWalk tw = TreeWalk.forPath(db, path, c.getTree())) {
                if (tw == null) {
                    return null;
                }
                ObjectLoader l = db.open(tw.getObjectId(0));
                return new String(l.getBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void clonesWithBitbucketUsernameAndApiToken(Emulator bb) {
        Path work = cloneOk(rahulUrl(bb, "acme/infra"), "infra");

        assertThat(work.resolve("main.tf")).exists();
        assertThat(Files.isExecutable(work.resolve("scripts/plan.sh"))).isTrue();
        assertThat(git.run(work, "rev-parse", "--abbrev-ref", "HEAD")
                        .assertOk()
                        .stdout()
                        .trim())
                .isEqualTo("main");
    }

    @Test
    void clonesWithApiTokenAuthUsername(Emulator bb) {
        Path work = cloneOk(url(bb, "x-bitbucket-api-token-auth", bb.secret("rahul-api-token"), "acme/infra"), "infra");

        assertThat(work.resolve("variables.tf")).exists();
    }

    @Test
    void pushedCommitMovesTheBranchInTheBareRepository(Emulator bb) throws IOException {
        Path work = cloneOk(rahulUrl(bb, "acme/infra"), "infra");
        ObjectId pushed = commitFile(work, "envs/prod.tfvars", "region = \"eu-central-1\"\n");

        git.run(work, "push", "origin", "main").assertOk();

        assertThat(mainOf(bb, "acme", "infra")).isEqualTo(pushed);
        assertThat(fileAt(bb, "acme", "infra", "envs/prod.tfvars")).isEqualTo("region = \"eu-central-1\"\n");
        Http.Response repo = Http.get(
                bb.apiUrl() + "/repositories/acme/infra",
                Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));
        assertThat(repo.status()).isEqualTo(200);
    }

    @Test
    void fetchBringsCommitsPushedFromAnotherClone(Emulator bb) throws IOException {
        Path a = cloneOk(rahulUrl(bb, "acme/infra"), "a");
        Path b = cloneOk(rahulUrl(bb, "acme/infra"), "b");
        ObjectId pushed = commitFile(a, "README.md", "# infra\n");
        git.run(a, "push", "origin", "main").assertOk();

        git.run(b, "fetch", "origin").assertOk();

        assertThat(git.run(b, "rev-parse", "origin/main").assertOk().stdout().trim())
                .isEqualTo(pushed.name());
    }

    @Test
    void firstPushToEmptyRepositoryCreatesMainBranch(Emulator bb) throws IOException {
        Path work = tmp.resolve("empty");
        git.run(tmp, "clone", rahulUrl(bb, "acme/empty"), work.toString()).assertOk();
        ObjectId pushed = commitFile(work, "main.tf", "# empty no more\n");

        git.run(work, "push", "origin", "HEAD:main").assertOk();

        assertThat(mainOf(bb, "acme", "empty")).isEqualTo(pushed);
    }

    @Test
    void emailAsGitUsernameFailsAuthentication(Emulator bb) {
        GitCli.Result r =
                git.run(tmp, "clone", url(bb, "rahul%40acme.example", bb.secret("rahul-api-token"), "acme/infra"), "x");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("Authentication failed");
    }

    @Test
    void anonymousCloneOfPrivateRepositoryFailsWithoutPrompting(Emulator bb) {
        GitCli.Result r = git.run(tmp, "clone", "http://127.0.0.1:" + bb.port() + "/acme/infra.git", "x");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("terminal prompts disabled");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    @Test
    void accountWithoutAccessGets403WithBitbucketsRemoteMessage(Emulator bb) {
        GitCli.Result r = git.run(tmp, "clone", url(bb, "alex-ops", bb.secret("alex-api-token"), "acme/infra"), "x");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr())
                .contains("remote: The requested repository either does not exist or you do not have access.")
                .contains("403");
    }

    @Test
    void unknownRepositoryGets403ForAnAuthenticatedCaller(Emulator bb) {
        GitCli.Result r = git.run(tmp, "clone", rahulUrl(bb, "acme/nope"), "x");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("remote: The requested repository either does not exist");
    }

    @Test
    void infoRefsRefusalCarriesChallengeAndPlainTextBody(Emulator bb) {
        Http.Response anon = Http.get(bb.baseUrl() + "/acme/infra.git/info/refs?service=git-upload-pack", null);
        Http.Response alex = Http.get(
                bb.baseUrl() + "/acme/infra.git/info/refs?service=git-upload-pack",
                Http.basic("alex-ops", bb.secret("alex-api-token")));

        assertThat(anon.status()).isEqualTo(401);
        assertThat(anon.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
        assertThat(alex.status()).isEqualTo(403);
        assertThat(alex.header("Content-Type")).startsWith("text/plain");
        assertThat(alex.text()).startsWith("The requested repository either does not exist");
    }

    @Test
    void partialCloneWithoutBlobsFetchesBlobsOnDemand(Emulator bb) {
        Path work = cloneOk(rahulUrl(bb, "acme/infra"), "partial", "--filter=blob:none", "--no-checkout");

        String missing = git.run(work, "rev-list", "--objects", "--all", "--missing=print")
                .assertOk()
                .stdout();
        assertThat(missing).as("blobs left out by the filter").contains("?");
        git.run(work, "checkout", "main").assertOk();
        assertThat(work.resolve("main.tf")).exists();
        assertThat(git.run(work, "config", "remote.origin.partialclonefilter")
                        .assertOk()
                        .stdout()
                        .trim())
                .isEqualTo("blob:none");
    }

    @Test
    void shallowCloneAndFetchGetOnlyTheTipCommit(Emulator bb) throws IOException {
        Path full = cloneOk(rahulUrl(bb, "acme/infra"), "full");
        commitFile(full, "a.txt", "a\n");
        ObjectId tip = commitFile(full, "b.txt", "b\n");
        git.run(full, "push", "origin", "main").assertOk();

        Path shallow = cloneOk(rahulUrl(bb, "acme/infra"), "shallow", "--depth", "1");

        assertThat(git.run(shallow, "rev-list", "--count", "HEAD")
                        .assertOk()
                        .stdout()
                        .trim())
                .isEqualTo("1");
        assertThat(shallow.resolve(".git/shallow")).exists();
        ObjectId next = commitFile(full, "c.txt", "c\n");
        git.run(full, "push", "origin", "main").assertOk();
        git.run(shallow, "fetch", "--depth", "1", "origin", "main").assertOk();
        assertThat(git.run(shallow, "rev-parse", "FETCH_HEAD")
                        .assertOk()
                        .stdout()
                        .trim())
                .isEqualTo(next.name());
        assertThat(git.run(shallow, "rev-list", "--count", "FETCH_HEAD")
                        .assertOk()
                        .stdout()
                        .trim())
                .isEqualTo("1");
        assertThat(tip).isNotEqualTo(next);
    }

    @Test
    void concurrentPushesFromTwoClonesLoseNothing(Emulator bb) throws Exception {
        Path a = cloneOk(rahulUrl(bb, "acme/infra"), "a");
        Path b = cloneOk(rahulUrl(bb, "acme/infra"), "b");
        commitFile(a, "from-a.txt", "a\n");
        commitFile(b, "from-b.txt", "b\n");

        CompletableFuture<GitCli.Result> pushA =
                CompletableFuture.supplyAsync(() -> git.run(a, "push", "origin", "main"));
        CompletableFuture<GitCli.Result> pushB =
                CompletableFuture.supplyAsync(() -> git.run(b, "push", "origin", "main"));
        List<GitCli.Result> results = List.of(pushA.get(3, TimeUnit.MINUTES), pushB.get(3, TimeUnit.MINUTES));

        assertThat(results).filteredOn(r -> r.exitCode() == 0).hasSize(1);
        GitCli.Result lost =
                results.stream().filter(r -> r.exitCode() != 0).findFirst().orElseThrow();
        assertThat(lost.stderr()).contains("rejected");
        Path loser = results.get(0).exitCode() == 0 ? b : a;
        git.run(loser, "pull", "--rebase", "origin", "main").assertOk();
        git.run(loser, "push", "origin", "main").assertOk();
        assertThat(fileAt(bb, "acme", "infra", "from-a.txt")).isEqualTo("a\n");
        assertThat(fileAt(bb, "acme", "infra", "from-b.txt")).isEqualTo("b\n");
        git.run(tmp, "--git-dir=" + bb.context().store().pathOf("acme", "infra"), "fsck", "--full", "--strict")
                .assertOk();
    }

    @Test
    void nonFastForwardPushIsRejectedAndTheBranchKeepsItsCommit(Emulator bb) throws IOException {
        Path a = cloneOk(rahulUrl(bb, "acme/infra"), "a");
        Path b = cloneOk(rahulUrl(bb, "acme/infra"), "b");
        ObjectId first = commitFile(a, "one.txt", "1\n");
        git.run(a, "push", "origin", "main").assertOk();
        commitFile(b, "two.txt", "2\n");

        GitCli.Result r = git.run(b, "push", "origin", "main");

        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("rejected").contains("fetch first");
        assertThat(mainOf(bb, "acme", "infra")).isEqualTo(first);
    }

    @Test
    void pushWaitsForTheRepositoryWriteLockBeforeMovingTheBranch(Emulator bb) throws Exception {
        Path work = cloneOk(rahulUrl(bb, "acme/infra"), "infra");
        ObjectId before = mainOf(bb, "acme", "infra");
        ObjectId pushed = commitFile(work, "locked.txt", "x\n");
        ReentrantLock lock = bb.context().store().writeLock("acme", "infra");
        CompletableFuture<GitCli.Result> push;
        lock.lock();
        try {
            push = CompletableFuture.supplyAsync(() -> git.run(work, "push", "origin", "main"));
            try (Repository db = new FileRepositoryBuilder()
                    .setGitDir(bb.context().store().pathOf("acme", "infra").toFile())
                    .build()) {
                for (int i = 0; i < 600 && !db.getObjectDatabase().has(pushed); i++) {
                    Thread.sleep(100);
                }
                assertThat(db.getObjectDatabase().has(pushed))
                        .as("the pack arrived while the lock is held")
                        .isTrue();
            }
            assertThat(push).isNotDone();
            assertThat(mainOf(bb, "acme", "infra")).isEqualTo(before);
        } finally {
            lock.unlock();
        }

        push.get(3, TimeUnit.MINUTES).assertOk();
        assertThat(mainOf(bb, "acme", "infra")).isEqualTo(pushed);
    }

    @Test
    void restPathWithoutApiPrefixIsForbidden(Emulator bb) {
        Http.Response r = Http.get(
                bb.baseUrl() + "/repositories/acme/infra",
                Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("Forbidden");
    }

    @Test
    void unknownRootPathIs404(Emulator bb) {
        Http.Response r = Http.get(bb.baseUrl() + "/acme/infra/src/main/README.md", null);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }
}
