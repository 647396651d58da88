package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The behaviour matrix of bitbucket-cloud-auth.md §10, one case per cell: credential kind × identity
 * form × scheme × {@code GET /2.0/user} and {@code GET /2.0/repositories/acme/infra} (a private
 * repository rahul-dev can write). Demo world: app passwords removed.
 *
 * <p>The {@code POST …/src} column is {@link SrcAuthMatrixTest}, the Git columns {@link GitAuthMatrixTest}.
 */
@BitbucketEmulatorTest(world = "demo")
class AuthBehaviourMatrixTest {
    static final String USER = "/user";
    static final String REPO = "/repositories/acme/infra";

    /** How a cell's caller authenticates: an {@code Authorization} value (or null) and a query suffix. */
    record Caller(String authorization, String query) {
        static Caller header(String authorization) {
            return new Caller(authorization, "");
        }
    }

    static Arguments cell(String name, Function<Emulator, Caller> caller, String path, RestExpect expect) {
        return Arguments.argumentSet(name + " → " + path, caller, path, expect);
    }

    static Function<Emulator, Caller> basic(String user, String credential) {
        return bb -> Caller.header(Http.basic(user, bb.secret(credential)));
    }

    static Function<Emulator, Caller> bearer(String credential) {
        return bb -> Caller.header(Http.bearer(bb.secret(credential)));
    }

    static Stream<Arguments> cells() {
        String email = "rahul@acme.example";
        String username = "rahul-dev";
        RestExpect tokenInvalid = RestExpect.error(401, AuthMessages.TOKEN_INVALID);
        RestExpect appPasswordGone = RestExpect.error(401, AuthMessages.APP_PASSWORDS_DEPRECATED);
        RestExpect accountPassword = RestExpect.plain(
                401, "Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
        RestExpect noAccess = RestExpect.error(404, AuthMessages.REPO_NO_ACCESS);
        RestExpect notAccessible = RestExpect.error(403, AuthMessages.NOT_ACCESSIBLE);
        return Stream.of(
                cell("API token · email · Basic", basic(email, "rahul-api-token"), USER, RestExpect.ok()),
                cell("API token · email · Basic", basic(email, "rahul-api-token"), REPO, RestExpect.ok()),
                cell("API token · username · Basic", basic(username, "rahul-api-token"), USER, RestExpect.challenge()),
                cell("API token · username · Basic", basic(username, "rahul-api-token"), REPO, RestExpect.challenge()),
                cell(
                        "API token · x-bitbucket-api-token-auth · Basic",
                        basic("x-bitbucket-api-token-auth", "rahul-api-token"),
                        USER,
                        RestExpect.challenge()),
                cell(
                        "API token · x-bitbucket-api-token-auth · Basic",
                        basic("x-bitbucket-api-token-auth", "rahul-api-token"),
                        REPO,
                        RestExpect.challenge()),
                cell("API token · Bearer", bearer("rahul-api-token"), USER, tokenInvalid),
                cell("API token · Bearer", bearer("rahul-api-token"), REPO, tokenInvalid),
                cell(
                        "unscoped API token · email · Basic",
                        basic(email, "rahul-unscoped-token"),
                        USER,
                        RestExpect.challenge()),
                cell(
                        "unscoped API token · email · Basic",
                        basic(email, "rahul-unscoped-token"),
                        REPO,
                        RestExpect.challenge()),
                cell(
                        "expired API token · email · Basic",
                        basic(email, "rahul-expired-token"),
                        USER,
                        RestExpect.expiredOrRevokedToken()),
                cell(
                        "expired API token · email · Basic",
                        basic(email, "rahul-expired-token"),
                        REPO,
                        RestExpect.expiredOrRevokedToken()),
                cell(
                        "write-only API token · email · Basic",
                        basic(email, "rahul-write-only-token"),
                        USER,
                        RestExpect.scopes(List.of("write:repository:bitbucket"), List.of("read:user:bitbucket"))),
                cell(
                        "write-only API token · email · Basic",
                        basic(email, "rahul-write-only-token"),
                        REPO,
                        RestExpect.scopes(List.of("write:repository:bitbucket"), List.of("read:repository:bitbucket"))),
                cell(
                        "API token of an account without access · email · Basic",
                        basic("alex@acme.example", "alex-api-token"),
                        USER,
                        RestExpect.ok()),
                cell(
                        "API token of an account without access · email · Basic",
                        basic("alex@acme.example", "alex-api-token"),
                        REPO,
                        noAccess),
                cell(
                        "app password (removed) · username · Basic",
                        basic(username, "rahul-app-password"),
                        USER,
                        appPasswordGone),
                cell(
                        "app password (removed) · username · Basic",
                        basic(username, "rahul-app-password"),
                        REPO,
                        appPasswordGone),
                cell(
                        "app password (removed) · email · Basic",
                        basic(email, "rahul-app-password"),
                        USER,
                        appPasswordGone),
                cell(
                        "app password (removed) · email · Basic",
                        basic(email, "rahul-app-password"),
                        REPO,
                        appPasswordGone),
                cell("repository access token · Bearer", bearer("infra-repo-token"), USER, notAccessible),
                cell("repository access token · Bearer", bearer("infra-repo-token"), REPO, RestExpect.ok()),
                cell(
                        "repository access token · email · Basic",
                        basic(email, "infra-repo-token"),
                        USER,
                        RestExpect.challenge()),
                cell(
                        "repository access token · email · Basic",
                        basic(email, "infra-repo-token"),
                        REPO,
                        RestExpect.challenge()),
                cell(
                        "repository access token · x-token-auth · Basic",
                        basic("x-token-auth", "infra-repo-token"),
                        REPO,
                        RestExpect.challenge()),
                cell("workspace access token · Bearer", bearer("acme-workspace-token"), USER, notAccessible),
                cell("workspace access token · Bearer", bearer("acme-workspace-token"), REPO, RestExpect.ok()),
                cell(
                        "OAuth client-credentials token · Bearer",
                        bb -> Caller.header(Http.bearer(OAuthClient.clientCredentials(bb, "acme-agent"))),
                        USER,
                        notAccessible),
                cell(
                        "OAuth client-credentials token · Bearer",
                        bb -> Caller.header(Http.bearer(OAuthClient.clientCredentials(bb, "acme-agent"))),
                        REPO,
                        RestExpect.ok()),
                cell(
                        "OAuth authorization-code token · Bearer",
                        bb -> Caller.header(Http.bearer(authCodeToken(bb))),
                        USER,
                        RestExpect.ok()),
                cell(
                        "OAuth authorization-code token · Bearer",
                        bb -> Caller.header(Http.bearer(authCodeToken(bb))),
                        REPO,
                        RestExpect.ok()),
                cell(
                        "OAuth token · ?access_token= query",
                        bb -> new Caller(null, "?access_token=" + OAuthClient.clientCredentials(bb, "acme-agent")),
                        USER,
                        RestExpect.challenge()),
                cell(
                        "OAuth token · ?access_token= query",
                        bb -> new Caller(null, "?access_token=" + OAuthClient.clientCredentials(bb, "acme-agent")),
                        REPO,
                        noAccess),
                cell(
                        "OAuth consumer key:secret · Basic",
                        bb -> Caller.header(OAuthClient.clientAuth(bb, "acme-agent")),
                        USER,
                        RestExpect.challenge()),
                cell(
                        "OAuth consumer key:secret · Basic",
                        bb -> Caller.header(OAuthClient.clientAuth(bb, "acme-agent")),
                        REPO,
                        RestExpect.challenge()),
                cell(
                        "account password · username · Basic",
                        basic(username, "rahul-account-password"),
                        USER,
                        accountPassword),
                cell(
                        "account password · username · Basic",
                        basic(username, "rahul-account-password"),
                        REPO,
                        accountPassword),
                cell("account password · email · Basic", basic(email, "rahul-account-password"), USER, accountPassword),
                cell("account password · email · Basic", basic(email, "rahul-account-password"), REPO, accountPassword),
                cell(
                        "unknown secret · email · Basic",
                        bb -> Caller.header(Http.basic(email, "not-a-real-token")),
                        REPO,
                        RestExpect.challenge()),
                cell("unknown Bearer token", bb -> Caller.header(Http.bearer("not-a-real-token")), REPO, tokenInvalid),
                cell("anonymous", bb -> Caller.header(null), USER, RestExpect.challenge()),
                cell("anonymous", bb -> Caller.header(null), REPO, noAccess),
                cell(
                        "API token without a scheme (treated as anonymous)",
                        bb -> Caller.header(bb.secret("rahul-api-token")),
                        REPO,
                        noAccess),
                cell(
                        "Connect JWT scheme (not emulated)",
                        bb -> Caller.header("JWT abc.def.ghi"),
                        REPO,
                        RestExpect.challenge()));
    }

    static String authCodeToken(Emulator bb) {
        Http.Response r = OAuthClient.authorizationCode(bb, "acme-agent");
        assertThat(r.status()).as("authorization_code: %s", r).isEqualTo(200);
        return r.json().path("access_token").asText();
    }

    @ParameterizedTest
    @MethodSource("cells")
    void cellBehavesLikeBitbucket(Function<Emulator, Caller> callerOf, String path, RestExpect expect, Emulator bb) {
        Caller caller = callerOf.apply(bb);

        Http.Response r = Http.get(bb.apiUrl() + path + caller.query(), caller.authorization());

        expect.check(r);
    }
}
