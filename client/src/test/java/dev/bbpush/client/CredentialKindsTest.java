package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each credential kind over REST against the emulator: what works, and for each recognisable refusal a message that
 * says what happened, why, and the exact fix (texts in {@code internal.Messages}), never containing the secret.
 */
@BitbucketEmulatorTest(world = "demo")
class CredentialKindsTest {
    private static final String EMAIL = "rahul@acme.example";

    private static BitbucketClient client(Emulator bb, Credentials credentials) {
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(credentials)
                .build();
    }

    private static BitbucketClient fromEnvironment(Emulator bb, Map<String, String> env) {
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(CredentialChain.standard(
                        CredentialFlags.none(), Environment.of(env), new ByteArrayInputStream(new byte[0])))
                .build();
    }

    @Test
    void accessTokenIsSentAsBearerAndReadsItsRepository(Emulator bb) {
        try (BitbucketClient client = client(bb, Credentials.accessToken(bb.secret("infra-repo-token")))) {
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }
        assertThat(EmulatorJournal.api(bb, 1).get(0).headers().get("Authorization"))
                .isEqualTo("Bearer ATCTT3x****");
    }

    @Test
    void apiTokenWithEmailIsSentAsBasic(Emulator bb) {
        try (BitbucketClient client = client(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))) {
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }
        assertThat(EmulatorJournal.api(bb, 1).get(0).headers().get("Authorization"))
                .isEqualTo("Basic " + EMAIL + ":****");
    }

    @Test
    void apiTokenWithUsernameIsRefusedWithUseTheAccountEmail(Emulator bb) {
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = client(bb, Credentials.apiToken("rahul-dev", token))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.wwwAuthenticate()).contains("Basic realm=\"Bitbucket.org HTTP\"");
                    })
                    .hasMessageContaining("identity 'rahul-dev', which is not an email address")
                    .hasMessageContaining("use the account email for REST")
                    .hasMessageContaining("BBPUSH_EMAIL")
                    .hasMessageNotContaining(token);
        }
    }

    @Test
    void apiTokenPastedIntoTheAppPasswordSlotIsRecognisedByItsPrefix(Emulator bb) {
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = client(bb, Credentials.appPassword("rahul-dev", token))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("use the account email for REST")
                    .hasMessageNotContaining(token);
        }
    }

    @Test
    void appPasswordIsRefusedNamingTheRemovalAndTheReplacement(Emulator bb) {
        String password = bb.secret("rahul-app-password");
        try (BitbucketClient client = client(bb, Credentials.appPassword("rahul-dev", password))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.bitbucketMessage())
                                    .contains("App passwords are deprecated and must be replaced with API tokens."))
                    .hasMessageContaining("app passwords were removed on 2026-07-28, create an API token with scopes")
                    .hasMessageContaining("write:repository:bitbucket")
                    .hasMessageContaining("BBPUSH_API_TOKEN")
                    .hasMessageNotContaining(password);
        }
    }

    @Test
    void apiTokenSentAsBearerIsRefusedExplainingBasicEmailToken(Emulator bb) {
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = client(bb, Credentials.accessToken(token))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(
                            AuthenticationException.class,
                            e -> assertThat(e.bitbucketMessage())
                                    .contains("Token is invalid, expired, or not supported for this endpoint."))
                    .hasMessageContaining("API tokens use Basic email:token")
                    .hasMessageContaining("BBPUSH_EMAIL + BBPUSH_API_TOKEN")
                    .hasMessageNotContaining(token);
        }
    }

    @Test
    void accountPasswordIsRefusedPointingToApiTokens(Emulator bb) {
        String password = bb.secret("rahul-account-password");
        try (BitbucketClient client = client(bb, Credentials.appPassword("rahul-dev", password))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("does not accept account passwords")
                    .hasMessageContaining("create an API token")
                    .hasMessageNotContaining(password);
        }
    }

    @Test
    void unrecognisedRefusalKeepsTheGeneralMessage(Emulator bb) {
        String token = bb.secret("rahul-expired-token");
        try (BitbucketClient client = client(bb, Credentials.apiToken(EMAIL, token))) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Bitbucket did not accept the credential (401")
                    .hasMessageContaining("bbpush auth doctor")
                    .hasMessageNotContaining(token);
        }
    }

    @Test
    void pasteDamagedEnvironmentValuesAreRepairedReportedAndWork(Emulator bb) {
        String token = bb.secret("rahul-api-token");
        try (BitbucketClient client = fromEnvironment(
                bb, Map.of("BBPUSH_EMAIL", "rahul@acme.example", "BBPUSH_API_TOKEN", "\"" + token + "\"\n"))) {
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");

            ResolvedCredentials used = client.credentials().orElseThrow();
            assertThat(used.credentials().kind()).isEqualTo(CredentialKind.API_TOKEN);
            assertThat(used.source().type()).isEqualTo(CredentialSource.Type.ENVIRONMENT);
            assertThat(used.repairs()).contains(new Repair("BBPUSH_API_TOKEN", Repair.Kind.SURROUNDING_QUOTES));
            assertThat(used.repairs())
                    .extracting(Repair::describe)
                    .allSatisfy(d -> assertThat(d).doesNotContain(token));
        }
    }

    @Test
    void pastedBearerPrefixOnAnAccessTokenIsRepairedAndWorks(Emulator bb) {
        String token = bb.secret("infra-repo-token");
        try (BitbucketClient client = fromEnvironment(bb, Map.of("BBPUSH_ACCESS_TOKEN", "Bearer " + token + "\r\n"))) {
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
            assertThat(client.credentials().orElseThrow().repairs())
                    .contains(new Repair("BBPUSH_ACCESS_TOKEN", Repair.Kind.AUTH_SCHEME_PREFIX));
        }
    }
}
