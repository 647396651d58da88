package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.assertNoSecret;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.http.ApiErrors;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Doctor#explain}: failures other commands got, explained; plus OAuth flows and paste damage. */
@BitbucketEmulatorTest(world = "demo")
class DoctorExplainTest {
    private static final String EMAIL = "rahul@acme.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static BitbucketApiException failureOf(Emulator bb, Credentials c, Request.Builder request) {
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(c)
                .retryPolicy(RetryPolicy.none())
                .build()) {
            return catchThrowableOfType(
                    BitbucketApiException.class, () -> client.http().send(request.build()));
        }
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static Response tokenRequest(HttpTransport http, Emulator bb, String consumer, String form) {
        return http.exchange(Request.postForm(URI.create(bb.baseUrl() + "/site/oauth2/access_token"), form)
                .header("Authorization", basic(bb.credential(consumer).key(), bb.secret(consumer)))
                .build());
    }

    @Test
    void explainsAPushThatGot401WithoutABare401(Emulator bb) {
        Credentials c = Credentials.apiToken("rahul-dev", bb.secret("rahul-api-token"));
        BitbucketApiException failure =
                failureOf(bb, c, Request.get(URI.create(bb.apiUrl() + "/repositories/acme/infra/refs/branches/main")));
        bb.journal().clear();

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(c).build());

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_NEEDS_EMAIL);
        assertThat(d.exchanges()).first().satisfies(e -> {
            assertThat(e.status()).contains(401);
            assertThat(e.note()).contains("made by the caller");
        });
        assertNoSecret(d, bb.secret("rahul-api-token"));
    }

    @Test
    void explainsAMissingScopeErrorWithTheFullSetForTheOperation(Emulator bb) {
        Credentials c = Credentials.apiToken(EMAIL, bb.secret("rahul-write-only-token"));
        BitbucketApiException failure =
                failureOf(bb, c, Request.get(URI.create(bb.apiUrl() + "/repositories/acme/infra")));

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(c).build());

        assertThat(d.cause()).isEqualTo(Cause.MISSING_SCOPES);
        assertThat(d.summary()).contains("read:repository:bitbucket").contains("write does not imply read");
    }

    @Test
    void explainsAUserEndpoint403ForAnAccessTokenAsNotForAccessTokens(Emulator bb) {
        Credentials c = Credentials.accessToken(bb.secret("infra-repo-token"));
        BitbucketApiException failure = failureOf(bb, c, Request.get(URI.create(bb.apiUrl() + "/user")));

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(c).build());

        assertThat(d.cause()).isEqualTo(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS);
        assertThat(d.ok()).isFalse();
        assertThat(d.summary()).contains("This API is not accessible by this authentication mechanism");
        assertThat(d.fix()).contains("--repo");
    }

    @Test
    void explainsA410FromARemovedEndpointAsEndpointRemovedWithItsReplacement(Emulator bb) {
        Credentials c = Credentials.apiToken(EMAIL, bb.secret("rahul-api-token"));
        BitbucketApiException failure =
                failureOf(bb, c, Request.get(URI.create(bb.apiUrl() + "/user/permissions/repositories")));

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(c).build());

        assertThat(d.cause()).isEqualTo(Cause.ENDPOINT_REMOVED);
        assertThat(d.summary())
                .contains("CHANGE-2770")
                .contains("/user/workspaces/{workspace}/permissions/repositories");
        assertThat(d.exchanges()).hasSize(1);
    }

    @Test
    void explainsA404ByCheckingTheCredentialFirst(Emulator bb) {
        Credentials c = Credentials.apiToken(EMAIL, bb.secret("rahul-unscoped-token"));
        BitbucketApiException failure;
        try (HttpTransport http = HttpTransport.builder().build()) {
            // A tool that sent the token without a scheme: Bitbucket treats the request as anonymous (404).
            Response r = http.exchange(Request.get(URI.create(bb.apiUrl() + "/repositories/acme/infra"))
                    .header("Authorization", bb.secret("rahul-unscoped-token"))
                    .build());
            failure = ApiErrors.toException(r, Clock.systemUTC());
        }
        assertThat(failure.status()).isEqualTo(404);
        bb.journal().clear();

        Diagnosis d = Doctor.explain(
                failure,
                context(bb)
                        .credentials(c)
                        .repository(RepositoryRef.parse("acme/infra"))
                        .build());

        assertThat(d.cause()).as("the credential is the problem, not access").isEqualTo(Cause.API_TOKEN_UNSCOPED);
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void explainsA404ForAMissingBranchAsNotAnAccessProblem(Emulator bb) {
        Credentials c = Credentials.apiToken(EMAIL, bb.secret("rahul-api-token"));
        BitbucketApiException failure = failureOf(
                bb, c, Request.get(URI.create(bb.apiUrl() + "/repositories/acme/infra/src/no-such-branch/main.tf")));

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(c).build());

        assertThat(d.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.summary()).contains("can read acme/infra").contains("not an access problem");
    }

    @Test
    void expiredOauthAccessTokenIsOauthTokenExpired(Emulator bb) throws Exception {
        String token;
        try (HttpTransport http = HttpTransport.builder().build()) {
            Response r = tokenRequest(http, bb, "acme-agent", "grant_type=client_credentials");
            token = JSON.readTree(r.body()).path("access_token").asText();
        }
        bb.clock().advance(Duration.ofHours(3));
        Clock emulatorTime = Clock.fixed(bb.clock().now(), ZoneOffset.UTC);

        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.oauthAccessToken(token))
                .repository(RepositoryRef.parse("acme/infra"))
                .clock(emulatorTime)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_TOKEN_EXPIRED);
        assertThat(d.summary())
                .contains("Access token expired.")
                .contains("OAuth realm")
                .contains("It expired at");
        assertNoSecret(d, token);
    }

    @Test
    void reusedRefreshTokenIsOauthRefreshTokenInvalid(Emulator bb) throws Exception {
        BitbucketApiException failure;
        try (HttpTransport http =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            String key = bb.credential("acme-agent").key();
            Response authorize = http.exchange(Request.get(URI.create(
                            bb.baseUrl() + "/site/oauth2/authorize?client_id=" + key + "&response_type=code"))
                    .build());
            String location = authorize.header("Location").orElseThrow();
            String code = location.substring(location.indexOf("code=") + 5).split("&")[0];
            Response first = tokenRequest(http, bb, "acme-agent", "grant_type=authorization_code&code=" + code);
            String refresh = JSON.readTree(first.body()).path("refresh_token").asText();
            tokenRequest(http, bb, "acme-agent", "grant_type=refresh_token&refresh_token=" + refresh); // rotates it
            Response reused = tokenRequest(http, bb, "acme-agent", "grant_type=refresh_token&refresh_token=" + refresh);
            failure = ApiErrors.toException(reused, Clock.systemUTC());
        }
        String key = bb.credential("acme-agent").key();

        Diagnosis d = Doctor.explain(
                failure,
                context(bb)
                        .credentials(Credentials.oauthClientCredentials(key, bb.secret("acme-agent")))
                        .build());

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_REFRESH_TOKEN_INVALID);
        assertThat(d.summary()).contains("Invalid refresh_token").contains("rotate");
        assertThat(d.exchanges()).as("explained from the failure alone").hasSize(1);
    }

    @Test
    void repairedPasteDamageThatWorksIsStillSecretPasteDamageButOk(Emulator bb) {
        Map<String, String> env =
                Map.of("BBPUSH_EMAIL", EMAIL, "BBPUSH_API_TOKEN", "\"" + bb.secret("rahul-api-token") + "\"\n");
        CredentialResolution res = CredentialChain.standard(
                        CredentialFlags.none(), Environment.of(env), new ByteArrayInputStream(new byte[0]))
                .resolveAll();

        Diagnosis d = Doctor.diagnose(context(bb)
                .resolution(res)
                .repository(RepositoryRef.parse("acme/infra"))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.SECRET_PASTE_DAMAGE);
        assertThat(d.ok()).isTrue();
        assertThat(d.summary()).contains("BBPUSH_API_TOKEN").contains("quotes");
        assertThat(d.evidence()).anyMatch(e -> e.describe().startsWith("paste damage repaired for this run"));
        assertNoSecret(d, bb.secret("rahul-api-token"));
    }

    @Test
    void consumerKeyInTheAppPasswordVariablesIsRecognisedFromTheEnvironment(Emulator bb) {
        Map<String, String> env = Map.of(
                "BITBUCKET_USERNAME",
                bb.credential("acme-agent").key(),
                "BITBUCKET_APP_PASSWORD",
                bb.secret("acme-agent"));
        CredentialResolution res = CredentialChain.standard(
                        CredentialFlags.none(), Environment.of(env), new ByteArrayInputStream(new byte[0]))
                .resolveAll();

        Diagnosis d = Doctor.diagnose(context(bb)
                .resolution(res)
                .repository(RepositoryRef.parse("acme/infra"))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL);
        assertThat(d.fix()).contains("unset BITBUCKET_USERNAME BITBUCKET_APP_PASSWORD");
        assertThat(d.credential().source()).contains("BITBUCKET_APP_PASSWORD");
    }

    @Test
    void noCredentialsIsNoCredentialsWithoutAnyRequest(Emulator bb) {
        CredentialResolution res = CredentialChain.standard(
                        CredentialFlags.none(), Environment.of(Map.of()), new ByteArrayInputStream(new byte[0]))
                .resolveAll();

        Diagnosis d = Doctor.diagnose(context(bb).resolution(res).build());

        assertThat(d.cause()).isEqualTo(Cause.NO_CREDENTIALS);
        assertThat(d.exchanges()).isEmpty();
        assertThat(d.fix()).contains("BBPUSH_API_TOKEN");
    }

    @Test
    void aTruncatedApiTokenIsSecretPasteDamageNotOk(Emulator bb) {
        String cut = bb.secret("rahul-api-token").substring(0, 80);
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken(EMAIL, cut))
                .repository(RepositoryRef.parse("acme/infra"))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.SECRET_PASTE_DAMAGE);
        assertThat(d.ok()).isFalse();
        assertThat(d.summary()).contains("80 characters");
    }

    @Test
    void jwtExpiryIsReadFromTheTokenPayload() {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"exp\":1800000000}".getBytes(StandardCharsets.UTF_8));
        assertThat(TokenShape.jwtExpiry("eyJhbGciOiJub25lIn0." + payload + ".sig"))
                .contains(Instant.ofEpochSecond(1_800_000_000L));
    }
}
