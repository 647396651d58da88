package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 endpoints and tokens (§2.5, §13) in the auth-legacy world (token lifetime 3600 s). */
@BitbucketEmulatorTest(world = "worlds/auth-legacy.yaml")
class OAuthFlowTest {

    @Test
    void clientCredentialsAnswersWithScopeKeyAndNoRefreshToken(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "acme-agent", "grant_type=client_credentials");

        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("access_token").asText()).isNotBlank();
        assertThat(body.path("scope").asText()).isEqualTo("repository:write account");
        assertThat(body.has("scopes")).isFalse();
        assertThat(body.path("expires_in").asLong()).isEqualTo(3600);
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        assertThat(body.path("state").asText()).isEqualTo("client_credentials");
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void clientCredentialsWithPublicConsumerIsInvalidGrant(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "public-agent", "grant_type=client_credentials");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.json().path("error_description").asText())
                .isEqualTo("Cannot use client_credentials with a consumer marked as \"public\". "
                        + "Calls for auto generated consumers should use urn:bitbucket:oauth2:jwt instead.");
    }

    @Test
    void authorizeRedirectsToCallbackWithCodeAndState(Emulator bb) {
        Http.Response r = OAuthClient.authorize(bb, "acme-agent", "&state=xyz%201");

        assertThat(r.status()).isEqualTo(302);
        String location = r.header("Location");
        assertThat(location).startsWith("http://127.0.0.1/callback?code=");
        assertThat(OAuthClient.queryParam(location, "state")).isEqualTo("xyz 1");
    }

    @Test
    void authorizeKeepsTheCallbacksOwnQuery(Emulator bb) {
        Http.Response r = OAuthClient.authorize(bb, "public-agent", "");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).startsWith("http://127.0.0.1/public-callback?app=1&code=");
    }

    @Test
    void authorizeWithoutCallbackIsInvalidRequest(Emulator bb) {
        Http.Response r = OAuthClient.authorize(bb, "no-callback-agent", "");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(r.json().path("error_description").asText())
                .isEqualTo("No callback uri defined for the OAuth client.");
    }

    @Test
    void authorizationCodeGrantWithoutCallbackIsInvalidRequest(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "no-callback-agent", "grant_type=authorization_code&code=anything");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(r.json().path("error_description").asText())
                .isEqualTo("No callback uri defined for the OAuth client.");
    }

    @Test
    void implicitGrantIsNotOffered(Emulator bb) {
        String key = bb.credential("acme-agent").key();

        Http.Response r =
                Http.get(bb.baseUrl() + "/site/oauth2/authorize?client_id=" + key + "&response_type=token", null);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("unsupported_response_type");
    }

    @Test
    void authorizationCodeTokenActsAsTheConsumersOwner(Emulator bb) {
        Http.Response t = OAuthClient.authorizationCode(bb, "acme-agent");

        assertThat(t.status()).isEqualTo(200);
        assertThat(t.json().path("state").asText()).isEqualTo("authorization_code");
        assertThat(t.json().path("refresh_token").asText()).isNotBlank();
        Http.Response me = Http.get(
                bb.apiUrl() + "/user", Http.bearer(t.json().path("access_token").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo("rahul-dev");
        assertThat(me.header("X-Credential-Type")).isEqualTo("oauth2");
    }

    @Test
    void authorizationCodeUsedConcurrentlyWorksExactlyOnce(Emulator bb) throws Exception {
        String code = OAuthClient.code(bb, "acme-agent");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> {
                    go.await();
                    return OAuthClient.token(bb, "acme-agent", "grant_type=authorization_code&code=" + code)
                            .status();
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Integer> f : tries) {
                ok += f.get() == 200 ? 1 : 0;
            }
            assertThat(ok).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void authorizationCodeWorksOnce(Emulator bb) {
        String code = OAuthClient.code(bb, "acme-agent");

        Http.Response first = OAuthClient.token(bb, "acme-agent", "grant_type=authorization_code&code=" + code);
        Http.Response second = OAuthClient.token(bb, "acme-agent", "grant_type=authorization_code&code=" + code);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void refreshTokenRotatesAndTheOldOneDies(Emulator bb) {
        String refresh = OAuthClient.authorizationCode(bb, "acme-agent")
                .json()
                .path("refresh_token")
                .asText();

        Http.Response renewed =
                OAuthClient.token(bb, "acme-agent", "grant_type=refresh_token&refresh_token=" + refresh);
        Http.Response reused = OAuthClient.token(bb, "acme-agent", "grant_type=refresh_token&refresh_token=" + refresh);

        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.json().path("state").asText()).isEqualTo("refresh_token");
        String newRefresh = renewed.json().path("refresh_token").asText();
        assertThat(newRefresh).isNotBlank().isNotEqualTo(refresh);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().path("error").asText()).isEqualTo("invalid_grant");
        Http.Response me = Http.get(
                bb.apiUrl() + "/user",
                Http.bearer(renewed.json().path("access_token").asText()));
        assertThat(me.status()).isEqualTo(200);
        assertThat(OAuthClient.token(bb, "acme-agent", "grant_type=refresh_token&refresh_token=" + newRefresh)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refreshTokenOfAnotherConsumerIsInvalidGrant(Emulator bb) {
        String refresh = OAuthClient.authorizationCode(bb, "acme-agent")
                .json()
                .path("refresh_token")
                .asText();

        Http.Response r = OAuthClient.token(bb, "pr-agent", "grant_type=refresh_token&refresh_token=" + refresh);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void accessTokenExpiresByTheEmulatorClock(Emulator bb) {
        String token = OAuthClient.clientCredentials(bb, "acme-agent");

        bb.clock().advance(Duration.ofSeconds(3590));
        Http.Response before = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(token));
        bb.clock().advance(Duration.ofSeconds(20));
        Http.Response after = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(token));

        assertThat(before.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.header("WWW-Authenticate")).isEqualTo("OAuth realm=\"Bitbucket.org HTTP\"");
        assertThat(after.json().path("error").path("message").asText()).isEqualTo("Access token expired.");
    }

    @Test
    void missingGrantTypeIsInvalidGrantNone(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "acme-agent", "");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(r.json().path("error_description").asText()).isEqualTo("Unsupported grant type: None");
    }

    @Test
    void passwordGrantIsUnsupported(Emulator bb) {
        Http.Response r = OAuthClient.token(bb, "acme-agent", "grant_type=password&username=rahul-dev&password=x");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void wrongConsumerSecretIsInvalidClient(Emulator bb) {
        String key = bb.credential("acme-agent").key();

        Http.Response r =
                Http.postForm(OAuthClient.tokenUrl(bb), Http.basic(key, "wrong"), "grant_type=client_credentials");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void issuedTokensAreForgottenOnReset(Emulator bb) {
        String token = OAuthClient.clientCredentials(bb, "acme-agent");

        bb.reset();
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(token));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("Token is invalid, expired, or not supported for this endpoint.");
    }
}
