package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.auth.GitCells.GitCaller;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
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

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path template;

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
        GitExpect accountPassword =
                GitExpect.fails("remote: " + AuthMessages.ACCOUNT_PASSWORD_GIT, GitExpect.AUTH_FAILED);
        return Stream.of(
                cell(
                        "API token · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        infra,
                        GitExpect.success()),
                cell(
                        "API token · " + API_TOKEN_USER,
                        GitCaller.of(API_TOKEN_USER, "rahul-api-token"),
                        infra,
                        GitExpect.success()),
                cell(
                        "API token · email",
                        GitCaller.of(EMAIL, "rahul-api-token"),
                        infra,
                        GitExpect.fails(GitExpect.AUTH_FAILED)),
                cell(
                        "unscoped API token · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-unscoped-token"),
                        infra,
                        GitExpect.fails(GitExpect.AUTH_FAILED)),
                cell(
                        "expired API token · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-expired-token"),
                        infra,
                        GitExpect.fails(GitExpect.AUTH_FAILED)),
                cell(
                        "API token of an account without access · username",
                        GitCaller.of("alex-ops", "alex-api-token"),
                        infra,
                        noAccess),
                cell(
                        "API token · username, IP-allowlisted workspace",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        "globex/platform",
                        GitExpect.refused(403, AuthMessages.IP_NOT_ALLOWED)),
                cell(
                        "API token · username, unknown repository",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        "acme/nope",
                        noAccess),
                cell(
                        "repository access token · " + TOKEN_USER,
                        GitCaller.of(TOKEN_USER, "infra-repo-token"),
                        infra,
                        GitExpect.success()),
                cell(
                        "repository access token · " + TOKEN_USER + ", another repository",
                        GitCaller.of(TOKEN_USER, "infra-repo-token"),
                        "acme/empty",
                        noAccess),
                cell(
                        "repository access token · Bitbucket username",
                        GitCaller.of(USERNAME, "infra-repo-token"),
                        infra,
                        GitExpect.fails(GitExpect.AUTH_FAILED)),
                cell(
                        "workspace access token · " + TOKEN_USER,
                        GitCaller.of(TOKEN_USER, "acme-workspace-token"),
                        infra,
                        GitExpect.success()),
                cell(
                        "workspace access token · " + TOKEN_USER + ", another workspace",
                        GitCaller.of(TOKEN_USER, "acme-workspace-token"),
                        "globex/platform",
                        noAccess),
                cell("OAuth client-credentials token · " + TOKEN_USER, clientCredentials(), infra, GitExpect.success()),
                cell(
                        "OAuth authorization-code token · " + TOKEN_USER,
                        new GitCaller(TOKEN_USER, AuthBehaviourMatrixTest::authCodeToken),
                        infra,
                        GitExpect.success()),
                cell(
                        "OAuth client-credentials token · Bitbucket username",
                        new GitCaller(USERNAME, bb -> OAuthClient.clientCredentials(bb, "acme-agent")),
                        infra,
                        GitExpect.fails(GitExpect.AUTH_FAILED)),
                cell(
                        "OAuth consumer key · secret",
                        new GitCaller(GitCells.CONSUMER_KEY, bb -> bb.secret("acme-agent")),
                        infra,
                        GitExpect.fails(
                                "remote: " + AuthMessages.GIT_INVALID_USERNAME_OR_PASSWORD, GitExpect.AUTH_FAILED)),
                cell(
                        "app password (removed) · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-app-password"),
                        infra,
                        appPasswordGone),
                cell(
                        "app password (removed) · email",
                        GitCaller.of(EMAIL, "rahul-app-password"),
                        infra,
                        appPasswordGone),
                cell(
                        "account password · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-account-password"),
                        infra,
                        accountPassword),
                cell("account password · email", GitCaller.of(EMAIL, "rahul-account-password"), infra, accountPassword),
                cell(
                        "anonymous, private repository",
                        GitCaller.anonymous(),
                        infra,
                        GitExpect.fails(GitExpect.NO_PROMPT)));
    }

    static Stream<Arguments> cells() {
        // Clone needs read:repository:bitbucket, push read and write: the write-only token can do neither, and its
        // push is refused already at the ref advertisement.
        return Stream.concat(
                common(),
                Stream.of(cell(
                        "write-only API token · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-write-only-token"),
                        "acme/infra",
                        GitExpect.refused(403, AuthMessages.MISSING_SCOPES))));
    }

    @BeforeAll
    static void cloneOnceForThePushCells(Emulator bb) throws IOException {
        GitCli git = new GitCli(Files.createDirectories(shared.resolve("home")));
        template = shared.resolve("template");
        git.run(
                        shared,
                        "clone",
                        "-q",
                        GitExpect.url(bb, USERNAME, bb.secret("rahul-api-token"), "acme/infra"),
                        template.toString())
                .assertOk();
    }

    @ParameterizedTest
    @MethodSource("cells")
    void cloneCellBehavesLikeBitbucket(GitCaller caller, String repo, GitExpect expect, Emulator bb)
            throws IOException {
        GitCells.cloneAndCheck(bb, tmp, caller, repo, expect);
    }

    @ParameterizedTest
    @MethodSource("cells")
    void pushCellBehavesLikeBitbucket(GitCaller caller, String repo, GitExpect expect, Emulator bb) throws IOException {
        GitCells.pushAndCheck(bb, tmp, template, caller, repo, expect);
    }
}
