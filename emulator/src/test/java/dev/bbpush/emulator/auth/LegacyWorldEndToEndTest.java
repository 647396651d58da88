package dev.bbpush.emulator.auth;

import static dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.basic;
import static dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.bearer;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.Caller;
import dev.bbpush.emulator.auth.GitCells.GitCaller;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The write and Git cells that need the auth-legacy world, end to end: app passwords still active (username
 * works, email does not), a token and an account that may only read, classic scopes, a workspace that requires
 * 2SV and one whose IP allowlist admits loopback. {@code POST …/src} is a real multipart commit; Git runs the real
 * git CLI.
 */
@BitbucketEmulatorTest(world = "worlds/auth-legacy.yaml")
class LegacyWorldEndToEndTest {
    static final String EMAIL = "rahul@acme.example";
    static final String USERNAME = "rahul-dev";

    @TempDir
    Path tmp;

    static Arguments cell(String name, Function<Emulator, Caller> caller, String repo, RestExpect expect) {
        return Arguments.argumentSet(name + " → POST " + repo + "/src", caller, repo, expect);
    }

    static Stream<Arguments> srcCells() {
        RestExpect created = RestExpect.commitCreated();
        return Stream.of(
                cell(
                        "app password (active) · username · Basic",
                        basic(USERNAME, "rahul-app-password"),
                        "acme/infra",
                        created),
                cell(
                        "app password (active) · email · Basic",
                        basic(EMAIL, "rahul-app-password"),
                        "acme/infra",
                        RestExpect.challenge()),
                cell(
                        "app password (active) without repository:write · username · Basic",
                        basic(USERNAME, "rahul-email-only-app-password"),
                        "acme/infra",
                        RestExpect.scopes(List.of("email"), List.of("repository:write"))),
                cell(
                        "API token without write scope · email · Basic",
                        basic(EMAIL, "rahul-read-only-token"),
                        "acme/infra",
                        RestExpect.scopes(List.of("read:repository:bitbucket"), List.of("write:repository:bitbucket"))),
                cell(
                        "API token · email · Basic, account with read only",
                        basic(EMAIL, "rahul-api-token"),
                        "acme/tools",
                        RestExpect.error(403, AuthMessages.REST_WRITE_DENIED)),
                cell(
                        "API token · email · Basic, workspace requiring 2SV",
                        basic(EMAIL, "rahul-api-token"),
                        "secure/vault",
                        RestExpect.error(403, AuthMessages.REST_TWO_STEP_REQUIRED)),
                cell(
                        "workspace access token with repository only · Bearer",
                        bearer("secure-workspace-token"),
                        "secure/vault",
                        RestExpect.scopes(List.of("repository"), List.of("repository:write"))),
                cell(
                        "API token · email · Basic, IP allowlist admitting loopback",
                        basic(EMAIL, "rahul-api-token"),
                        "loopback/lab",
                        created),
                cell("anonymous, public repository", bb -> Caller.header(null), "acme/docs", RestExpect.challenge()));
    }

    @ParameterizedTest
    @MethodSource("srcCells")
    void postSrcCellBehavesLikeBitbucket(
            Function<Emulator, Caller> callerOf, String repo, RestExpect expect, Emulator bb) {
        SrcAuthMatrixTest.postAndCheck(bb, callerOf.apply(bb), repo, expect);
    }

    static Stream<Arguments> pullRequestCells() {
        // POST …/pullrequests: fine-grained read:pullrequest + write:pullrequest, classic pullrequest:write (OpenAPI).
        Function<Emulator, Caller> prAgent =
                bb -> Caller.header(Http.bearer(OAuthClient.clientCredentials(bb, "pr-agent")));
        return Stream.of(
                Arguments.argumentSet(
                        "API token without pullrequest scopes · email · Basic",
                        basic(EMAIL, "rahul-api-token"),
                        "acme/infra",
                        RestExpect.scopes(
                                List.of(
                                        "read:repository:bitbucket",
                                        "write:repository:bitbucket",
                                        "read:user:bitbucket"),
                                List.of("read:pullrequest:bitbucket", "write:pullrequest:bitbucket"))),
                Arguments.argumentSet(
                        "app password with repository:write only · username · Basic",
                        basic(USERNAME, "rahul-app-password"),
                        "acme/infra",
                        RestExpect.scopes(List.of("account", "repository:write"), List.of("pullrequest:write"))),
                Arguments.argumentSet(
                        "project access token with repository only · Bearer",
                        bearer("tools-project-token"),
                        "acme/tools",
                        RestExpect.scopes(List.of("repository"), List.of("pullrequest:write"))),
                Arguments.argumentSet(
                        "OAuth client-credentials token with pullrequest (read) · Bearer",
                        prAgent,
                        "acme/infra",
                        RestExpect.scopes(List.of("pullrequest"), List.of("pullrequest:write"))));
    }

    @ParameterizedTest
    @MethodSource("pullRequestCells")
    void createPullRequestWithoutPullRequestWriteScopeIs403(
            Function<Emulator, Caller> callerOf, String repo, RestExpect expect, Emulator bb) {
        Http.Response r = Http.postJson(
                bb.apiUrl() + "/repositories/" + repo + "/pullrequests",
                callerOf.apply(bb).authorization(),
                "{\"title\":\"Feature\",\"source\":{\"branch\":{\"name\":\"feature\"}}}");

        expect.check(r);
    }

    static Arguments gitCell(String name, GitCaller caller, String repo, GitExpect clone, GitExpect push) {
        return Arguments.argumentSet(name + " → " + repo, caller, repo, clone, push);
    }

    static Stream<Arguments> gitCells() {
        GitExpect ok = GitExpect.success();
        GitExpect authFailed = GitExpect.fails(GitExpect.AUTH_FAILED);
        GitExpect twoStep = GitExpect.refused(403, AuthMessages.GIT_TWO_STEP_REQUIRED);
        return Stream.of(
                gitCell(
                        "app password (active) · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-app-password"),
                        "acme/infra",
                        ok,
                        ok),
                gitCell(
                        "app password (active) · email",
                        GitCaller.of(EMAIL, "rahul-app-password"),
                        "acme/infra",
                        authFailed,
                        authFailed),
                gitCell(
                        "API token with read only · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-read-only-token"),
                        "acme/infra",
                        ok,
                        GitExpect.refused(403, AuthMessages.MISSING_SCOPES)),
                gitCell(
                        "API token · Bitbucket username, account with read only",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        "acme/tools",
                        ok,
                        GitExpect.refused(403, AuthMessages.GIT_WRITE_DENIED)),
                gitCell(
                        "revoked API token · Bitbucket username",
                        GitCaller.of(USERNAME, "rahul-revoked-token"),
                        "acme/infra",
                        authFailed,
                        authFailed),
                gitCell(
                        "API token · Bitbucket username, workspace requiring 2SV",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        "secure/vault",
                        twoStep,
                        twoStep),
                gitCell(
                        "API token of an account with 2SV · Bitbucket username",
                        GitCaller.of("sam-secure", "sam-api-token"),
                        "secure/vault",
                        ok,
                        GitExpect.refused(403, AuthMessages.MISSING_SCOPES)),
                gitCell(
                        "API token · Bitbucket username, IP allowlist admitting loopback",
                        GitCaller.of(USERNAME, "rahul-api-token"),
                        "loopback/lab",
                        ok,
                        ok),
                gitCell(
                        "project access token · x-token-auth",
                        GitCaller.of("x-token-auth", "tools-project-token"),
                        "acme/tools",
                        ok,
                        GitExpect.refused(403, AuthMessages.MISSING_SCOPES)),
                // Scopes are checked before access: the push fails on the missing repository:write first.
                gitCell(
                        "project access token · x-token-auth, outside its project",
                        GitCaller.of("x-token-auth", "tools-project-token"),
                        "acme/infra",
                        GitExpect.refused(403, AuthMessages.GIT_REPO_NO_ACCESS),
                        GitExpect.refused(403, AuthMessages.MISSING_SCOPES)));
    }

    /** One clone with the cell's credentials, then one push from a clone made with a credential that may read. */
    @ParameterizedTest
    @MethodSource("gitCells")
    void gitCellBehavesLikeBitbucket(GitCaller caller, String repo, GitExpect clone, GitExpect push, Emulator bb)
            throws IOException {
        GitCells.cloneAndCheck(bb, tmp, caller, repo, clone);

        Path source = tmp.resolve("source");
        String reader = repo.startsWith("secure/") ? "sam-secure" : USERNAME;
        String secret = bb.secret(repo.startsWith("secure/") ? "sam-api-token" : "rahul-api-token");
        new GitCli(Files.createDirectories(tmp.resolve("home")))
                .run(tmp, "clone", "-q", GitExpect.url(bb, reader, secret, repo), source.toString())
                .assertOk();
        GitCells.pushAndCheck(bb, tmp, source, caller, repo, push);
    }
}
