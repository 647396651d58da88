package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.BareRepo;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Git columns of the behaviour matrix (bitbucket-cloud-auth.md §8, §10, §13) with the real git CLI over the
 * emulator's smart HTTP, one case per cell: credential kind × Git username form × {clone, push}, in the demo world
 * (app passwords removed; globex's IP allowlist excludes loopback). Each cell checks git's exit code and the exact
 * {@code remote:}/{@code fatal:} lines it prints, and that the secret never shows in git's output.
 *
 * <p>Push cells start from a local copy of one clone made once for the class (the world's seed commits are
 * deterministic, so it matches the reset repository), commit one file and push it with the cell's credentials.
 */
@BitbucketEmulatorTest(world = "demo")
class GitAuthMatrixTest {
  static final String EMAIL = "rahul@acme.example";
  static final String USERNAME = "rahul-dev";
  static final String API_TOKEN_USER = "x-bitbucket-api-token-auth";
  static final String TOKEN_USER = "x-token-auth";

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path template;

  /** Who a cell's git authenticates as: the URL username and the secret (both null for anonymous). */
  record GitCaller(String user, Function<Emulator, String> secret) {
    static GitCaller of(String user, String credential) {
      return new GitCaller(user, bb -> bb.secret(credential));
    }

    static GitCaller anonymous() {
      return new GitCaller(null, bb -> null);
    }
  }

  static Arguments cell(String name, GitCaller caller, String repo, GitExpect expect) {
    return Arguments.argumentSet(name + " → " + repo, caller, repo, expect);
  }

  static GitCaller clientCredentials() {
    return new GitCaller(TOKEN_USER, bb -> OAuthClient.clientCredentials(bb, "acme-agent"));
  }

  static Stream<Arguments> common() {
    String infra = "acme/infra";
    GitExpect noAccess = GitExpect.refused(403, AuthMessages.GIT_REPO_NO_ACCESS);
    GitExpect appPasswordGone = GitExpect.refused(410, AuthMessages.GIT_APP_PASSWORD_GONE);
    GitExpect accountPassword = GitExpect.fails("remote: " + AuthMessages.ACCOUNT_PASSWORD_GIT, GitExpect.AUTH_FAILED);
    return Stream.of(
        cell("API token · Bitbucket username", GitCaller.of(USERNAME, "rahul-api-token"), infra, GitExpect.success()),
        cell("API token · " + API_TOKEN_USER, GitCaller.of(API_TOKEN_USER, "rahul-api-token"), infra, GitExpect.success()),
        cell("API token · email", GitCaller.of(EMAIL, "rahul-api-token"), infra, GitExpect.fails(GitExpect.AUTH_FAILED)),
        cell("unscoped API token · Bitbucket username", GitCaller.of(USERNAME, "rahul-unscoped-token"), infra,
            GitExpect.fails(GitExpect.AUTH_FAILED)),
        cell("expired API token · Bitbucket username", GitCaller.of(USERNAME, "rahul-expired-token"), infra,
            GitExpect.fails(GitExpect.AUTH_FAILED)),
        cell("API token of an account without access · username", GitCaller.of("alex-ops", "alex-api-token"), infra,
            noAccess),
        cell("API token · username, IP-allowlisted workspace", GitCaller.of(USERNAME, "rahul-api-token"),
            "globex/platform", GitExpect.refused(403, AuthMessages.IP_NOT_ALLOWED)),
        cell("API token · username, unknown repository", GitCaller.of(USERNAME, "rahul-api-token"), "acme/nope",
            noAccess),
        cell("repository access token · " + TOKEN_USER, GitCaller.of(TOKEN_USER, "infra-repo-token"), infra,
            GitExpect.success()),
        cell("repository access token · " + TOKEN_USER + ", another repository",
            GitCaller.of(TOKEN_USER, "infra-repo-token"), "acme/empty", noAccess),
        cell("repository access token · Bitbucket username", GitCaller.of(USERNAME, "infra-repo-token"), infra,
            GitExpect.fails(GitExpect.AUTH_FAILED)),
        cell("workspace access token · " + TOKEN_USER, GitCaller.of(TOKEN_USER, "acme-workspace-token"), infra,
            GitExpect.success()),
        cell("workspace access token · " + TOKEN_USER + ", another workspace",
            GitCaller.of(TOKEN_USER, "acme-workspace-token"), "globex/platform", noAccess),
        cell("OAuth client-credentials token · " + TOKEN_USER, clientCredentials(), infra, GitExpect.success()),
        cell("OAuth authorization-code token · " + TOKEN_USER,
            new GitCaller(TOKEN_USER, AuthBehaviourMatrixTest::authCodeToken), infra, GitExpect.success()),
        cell("OAuth client-credentials token · Bitbucket username",
            new GitCaller(USERNAME, bb -> OAuthClient.clientCredentials(bb, "acme-agent")), infra,
            GitExpect.fails(GitExpect.AUTH_FAILED)),
        cell("OAuth consumer key · secret", new GitCaller("{consumer-key}", bb -> bb.secret("acme-agent")), infra,
            GitExpect.fails("remote: " + AuthMessages.GIT_INVALID_USERNAME_OR_PASSWORD, GitExpect.AUTH_FAILED)),
        cell("app password (removed) · Bitbucket username", GitCaller.of(USERNAME, "rahul-app-password"), infra,
            appPasswordGone),
        cell("app password (removed) · email", GitCaller.of(EMAIL, "rahul-app-password"), infra, appPasswordGone),
        cell("account password · Bitbucket username", GitCaller.of(USERNAME, "rahul-account-password"), infra,
            accountPassword),
        cell("account password · email", GitCaller.of(EMAIL, "rahul-account-password"), infra, accountPassword),
        cell("anonymous, private repository", GitCaller.anonymous(), infra, GitExpect.fails(GitExpect.NO_PROMPT)));
  }

  static Stream<Arguments> cells() {
    // Clone needs read:repository:bitbucket, push read and write: the write-only token can do neither, and its
    // push is refused already at the ref advertisement.
    return Stream.concat(common(), Stream.of(
        cell("write-only API token · Bitbucket username", GitCaller.of(USERNAME, "rahul-write-only-token"), "acme/infra",
            GitExpect.refused(403, AuthMessages.MISSING_SCOPES))));
  }

  private static String urlOf(Emulator bb, GitCaller caller, String secret, String repo) {
    String user = "{consumer-key}".equals(caller.user()) ? bb.credential("acme-agent").key() : caller.user();
    return GitExpect.url(bb, user, secret, repo);
  }

  @BeforeAll
  static void cloneOnceForThePushCells(Emulator bb) throws IOException {
    GitCli git = new GitCli(Files.createDirectories(shared.resolve("home")));
    template = shared.resolve("template");
    git.run(shared, "clone", "-q", GitExpect.url(bb, USERNAME, bb.secret("rahul-api-token"), "acme/infra"),
        template.toString()).assertOk();
  }

  @ParameterizedTest
  @MethodSource("cells")
  void cloneCellBehavesLikeBitbucket(GitCaller caller, String repo, GitExpect expect, Emulator bb) throws IOException {
    GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
    String secret = caller.secret().apply(bb);
    Path work = tmp.resolve("clone");

    GitCli.Result r = git.run(tmp, "clone", urlOf(bb, caller, secret, repo), work.toString());

    expect.check(r, bb, repo, secret);
    if (expect.ok()) {
      assertThat(work.resolve("main.tf")).exists();
    } else {
      assertThat(work).doesNotExist();
    }
  }

  @ParameterizedTest
  @MethodSource("cells")
  void pushCellBehavesLikeBitbucket(GitCaller caller, String repo, GitExpect expect, Emulator bb) throws IOException {
    GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
    Path work = tmp.resolve("work");
    git.run(tmp, "clone", "-q", template.toString(), work.toString()).assertOk();
    Files.writeString(work.resolve("pushed.txt"), "pushed\n");
    git.run(work, "add", "pushed.txt").assertOk();
    git.run(work, "commit", "-q", "-m", "Push cell").assertOk();
    String local = git.run(work, "rev-parse", "HEAD").assertOk().stdout().trim();
    String secret = caller.secret().apply(bb);
    String[] wsSlug = repo.split("/");
    Map<String, String> before = refsOf(bb, wsSlug);

    GitCli.Result r = git.run(work, "push", urlOf(bb, caller, secret, repo), "HEAD:main");

    expect.check(r, bb, repo, secret);
    if (expect.ok()) {
      try (BareRepo remote = BareRepo.of(bb, wsSlug[0], wsSlug[1])) {
        RevCommit tip = remote.tip("main");
        assertThat(tip.name()).isEqualTo(local);
        assertThat(remote.text(tip, "pushed.txt")).isEqualTo("pushed\n");
      }
    } else {
      assertThat(refsOf(bb, wsSlug)).as("refs after a refused push").isEqualTo(before);
    }
  }

  private static Map<String, String> refsOf(Emulator bb, String[] wsSlug) {
    if (bb.world().repository(wsSlug[0], wsSlug[1]).isEmpty()) {
      return Map.of();
    }
    try (BareRepo remote = BareRepo.of(bb, wsSlug[0], wsSlug[1])) {
      return remote.refs();
    }
  }
}
