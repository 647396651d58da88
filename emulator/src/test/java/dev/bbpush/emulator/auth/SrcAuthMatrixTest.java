package dev.bbpush.emulator.auth;

import static dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.basic;
import static dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.BareRepo;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.auth.AuthBehaviourMatrixTest.Caller;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code POST …/src} column of the behaviour matrix (bitbucket-cloud-auth.md §10), one case per cell, in the
 * demo world (app passwords removed; globex has an IP allowlist that excludes loopback). Each cell sends a real
 * multipart commit of one small file: a 201 must have landed that file as the new tip of main, a refusal must
 * leave every ref where it was. The write-scope cases of the other write endpoints ({@code refs/branches},
 * {@code pullrequests}) follow. The auth-legacy cells (active app passwords, read-only token and account, 2SV)
 * are in {@link LegacyWorldEndToEndTest}.
 */
@BitbucketEmulatorTest(world = "demo")
class SrcAuthMatrixTest {
    static final String EMAIL = "rahul@acme.example";
    static final String USERNAME = "rahul-dev";

    static Arguments cell(String name, Function<Emulator, Caller> caller, String repo, RestExpect expect) {
        return Arguments.argumentSet(name + " → POST " + repo + "/src", caller, repo, expect);
    }

    static Stream<Arguments> cells() {
        String infra = "acme/infra";
        RestExpect created = RestExpect.commitCreated();
        RestExpect noAccess = RestExpect.error(404, AuthMessages.REPO_NO_ACCESS);
        RestExpect accountPassword = RestExpect.plain(
                401, "Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
        RestExpect appPasswordGone = RestExpect.error(401, AuthMessages.APP_PASSWORDS_DEPRECATED);
        Function<Emulator, Caller> clientCredentials =
                bb -> Caller.header(Http.bearer(OAuthClient.clientCredentials(bb, "acme-agent")));
        return Stream.of(
                cell("API token · email · Basic", basic(EMAIL, "rahul-api-token"), infra, created),
                // OpenAPI: POST /src requires write:repository:bitbucket only (fine-grained scopes imply nothing).
                cell("write-only API token · email · Basic", basic(EMAIL, "rahul-write-only-token"), infra, created),
                cell("API token · username · Basic", basic(USERNAME, "rahul-api-token"), infra, RestExpect.challenge()),
                cell(
                        "API token · x-bitbucket-api-token-auth · Basic",
                        basic("x-bitbucket-api-token-auth", "rahul-api-token"),
                        infra,
                        RestExpect.challenge()),
                cell(
                        "API token · Bearer",
                        bearer("rahul-api-token"),
                        infra,
                        RestExpect.error(401, AuthMessages.TOKEN_INVALID)),
                cell(
                        "unscoped API token · email · Basic",
                        basic(EMAIL, "rahul-unscoped-token"),
                        infra,
                        RestExpect.challenge()),
                cell(
                        "expired API token · email · Basic",
                        basic(EMAIL, "rahul-expired-token"),
                        infra,
                        RestExpect.expiredOrRevokedToken()),
                cell(
                        "API token of an account without access · email · Basic",
                        basic("alex@acme.example", "alex-api-token"),
                        infra,
                        noAccess),
                cell(
                        "API token · email · Basic, IP-allowlisted workspace",
                        basic(EMAIL, "rahul-api-token"),
                        "globex/platform",
                        RestExpect.error(403, AuthMessages.IP_NOT_ALLOWED)),
                cell(
                        "app password (removed) · username · Basic",
                        basic(USERNAME, "rahul-app-password"),
                        infra,
                        appPasswordGone),
                cell(
                        "app password (removed) · email · Basic",
                        basic(EMAIL, "rahul-app-password"),
                        infra,
                        appPasswordGone),
                cell(
                        "account password · username · Basic",
                        basic(USERNAME, "rahul-account-password"),
                        infra,
                        accountPassword),
                cell(
                        "account password · email · Basic",
                        basic(EMAIL, "rahul-account-password"),
                        infra,
                        accountPassword),
                cell("repository access token · Bearer", bearer("infra-repo-token"), infra, created),
                cell(
                        "repository access token · Bearer, another repository",
                        bearer("infra-repo-token"),
                        "acme/empty",
                        noAccess),
                cell(
                        "repository access token · x-token-auth · Basic",
                        basic("x-token-auth", "infra-repo-token"),
                        infra,
                        RestExpect.challenge()),
                cell("workspace access token · Bearer", bearer("acme-workspace-token"), infra, created),
                cell(
                        "workspace access token · Bearer, another workspace",
                        bearer("acme-workspace-token"),
                        "globex/platform",
                        noAccess),
                cell("OAuth client-credentials token · Bearer", clientCredentials, infra, created),
                cell(
                        "OAuth client-credentials token · Bearer, another workspace",
                        clientCredentials,
                        "globex/platform",
                        noAccess),
                cell(
                        "OAuth authorization-code token · Bearer",
                        bb -> Caller.header(Http.bearer(AuthBehaviourMatrixTest.authCodeToken(bb))),
                        infra,
                        created),
                cell(
                        "OAuth token · ?access_token= query (anonymous)",
                        bb -> new Caller(null, "?access_token=" + OAuthClient.clientCredentials(bb, "acme-agent")),
                        infra,
                        noAccess),
                cell(
                        "OAuth consumer key:secret · Basic",
                        bb -> Caller.header(OAuthClient.clientAuth(bb, "acme-agent")),
                        infra,
                        RestExpect.challenge()),
                cell("anonymous, private repository", bb -> Caller.header(null), infra, noAccess));
    }

    /** A real multipart {@code POST /src} of one file; returns the response. */
    static Http.Response postFile(Emulator bb, String repo, Caller caller, String path, String content) {
        MultipartEntityBuilder form = MultipartEntityBuilder.create()
                .addBinaryBody(
                        path, content.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_OCTET_STREAM, path)
                .addTextBody("message", "Add " + path);
        return Http.postMultipart(
                bb.apiUrl() + "/repositories/" + repo + "/src" + caller.query(), caller.authorization(), form);
    }

    /**
     * Posts one file and checks the outcome against the repository on disk: for 201 the file is in the new tip of
     * main, which the {@code Location} names; otherwise no ref moved.
     */
    static void postAndCheck(Emulator bb, Caller caller, String repo, RestExpect expect) {
        String ws = repo.split("/")[0];
        String slug = repo.split("/")[1];
        String path = "envs/cell.tfvars";
        String content = "region = \"eu-west-1\"\n";
        Map<String, String> before;
        try (BareRepo git = BareRepo.of(bb, ws, slug)) {
            before = git.refs();
        }

        Http.Response r = postFile(bb, repo, caller, path, content);

        expect.check(r);
        try (BareRepo git = BareRepo.of(bb, ws, slug)) {
            if (expect.success()) {
                RevCommit tip = git.tip("main");
                assertThat(r.header("Location")).endsWith("/repositories/" + repo + "/commit/" + tip.name());
                assertThat(git.text(tip, path)).isEqualTo(content);
                assertThat(tip.getParentCount()).isEqualTo(1);
                assertThat(tip.getParent(0).name()).isEqualTo(before.get("refs/heads/main"));
            } else {
                assertThat(git.refs()).as("refs after a refused commit").isEqualTo(before);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("cells")
    void postSrcCellBehavesLikeBitbucket(
            Function<Emulator, Caller> callerOf, String repo, RestExpect expect, Emulator bb) {
        postAndCheck(bb, callerOf.apply(bb), repo, expect);
    }

    static Stream<Arguments> branchCells() {
        return Stream.of(
                Arguments.argumentSet(
                        "API token · email · Basic", basic(EMAIL, "rahul-api-token"), RestExpect.jsonCreated()),
                // refs/branches requires read and write (OpenAPI), so the token that may POST /src may not branch.
                Arguments.argumentSet(
                        "write-only API token · email · Basic",
                        basic(EMAIL, "rahul-write-only-token"),
                        RestExpect.scopes(
                                List.of("write:repository:bitbucket"),
                                List.of("write:repository:bitbucket", "read:repository:bitbucket"))),
                Arguments.argumentSet(
                        "repository access token · Bearer", bearer("infra-repo-token"), RestExpect.jsonCreated()));
    }

    @ParameterizedTest
    @MethodSource("branchCells")
    void createBranchNeedsReadAndWriteRepositoryScopes(
            Function<Emulator, Caller> callerOf, RestExpect expect, Emulator bb) {
        Http.Response r = Http.postJson(
                bb.apiUrl() + "/repositories/acme/infra/refs/branches",
                callerOf.apply(bb).authorization(),
                "{\"name\":\"topic\",\"target\":{\"hash\":\"main\"}}");

        expect.check(r);
        try (BareRepo git = BareRepo.of(bb, "acme", "infra")) {
            assertThat(git.tip("topic") != null).as("branch topic exists").isEqualTo(expect.success());
        }
    }

    static Stream<Arguments> pullRequestCells() {
        List<String> prScopes = List.of("read:pullrequest:bitbucket", "write:pullrequest:bitbucket");
        return Stream.of(
                Arguments.argumentSet(
                        "API token with read+write pullrequest · email · Basic",
                        basic(EMAIL, "rahul-api-token"),
                        RestExpect.jsonCreated()),
                Arguments.argumentSet(
                        "write-only API token · email · Basic",
                        basic(EMAIL, "rahul-write-only-token"),
                        RestExpect.scopes(List.of("write:repository:bitbucket"), prScopes)),
                Arguments.argumentSet(
                        "repository access token with pullrequest:write · Bearer",
                        bearer("infra-repo-token"),
                        RestExpect.jsonCreated()),
                Arguments.argumentSet(
                        "OAuth client-credentials token with pullrequest:write · Bearer",
                        (Function<Emulator, Caller>)
                                bb -> Caller.header(Http.bearer(OAuthClient.clientCredentials(bb, "acme-agent"))),
                        RestExpect.jsonCreated()));
    }

    @ParameterizedTest
    @MethodSource("pullRequestCells")
    void createPullRequestNeedsPullRequestScopes(Function<Emulator, Caller> callerOf, RestExpect expect, Emulator bb) {
        Http.Response branch = Http.postMultipart(
                bb.apiUrl() + "/repositories/acme/infra/src",
                Http.basic(EMAIL, bb.secret("rahul-api-token")),
                MultipartEntityBuilder.create()
                        .addTextBody("branch", "feature")
                        .addBinaryBody(
                                "feature.txt",
                                "x\n".getBytes(StandardCharsets.UTF_8),
                                ContentType.APPLICATION_OCTET_STREAM,
                                "feature.txt"));
        assertThat(branch.status()).as("setup: %s", branch).isEqualTo(201);

        Http.Response r = Http.postJson(
                bb.apiUrl() + "/repositories/acme/infra/pullrequests",
                callerOf.apply(bb).authorization(),
                "{\"title\":\"Feature\",\"source\":{\"branch\":{\"name\":\"feature\"}}}");

        expect.check(r);
        Http.Response list = Http.get(
                bb.apiUrl() + "/repositories/acme/infra/pullrequests", Http.basic(EMAIL, bb.secret("rahul-api-token")));
        assertThat(list.json().path("values").size()).isEqualTo(expect.success() ? 1 : 0);
    }
}
