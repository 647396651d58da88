package dev.bbpush.client.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.EmulatorJournal;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.world.Credential;
import org.junit.jupiter.api.Test;

/** Client credentials with a consumer marked public: Bitbucket refuses the grant (bitbucket-cloud-auth.md §2.5). */
@BitbucketEmulatorTest(world = "worlds/oauth-public-consumer.yaml")
class ClientCredentialsPublicConsumerTest {

    @Test
    void publicConsumerIsRefusedWithAnErrorNamingTheCauseAndTheFix(Emulator bb) {
        Credential consumer = bb.credential("public-agent");
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.oauthClientCredentials(consumer.key(), consumer.secret()))
                .build()) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isExactlyInstanceOf(BitbucketApiException.class)
                    .isNotInstanceOf(AuthenticationException.class)
                    .satisfies(e -> {
                        BitbucketApiException api = (BitbucketApiException) e;
                        assertThat(api.status()).isEqualTo(400);
                        assertThat(api.bitbucketMessage().orElseThrow())
                                .contains("Cannot use client_credentials with a consumer marked as \"public\"")
                                .endsWith("(invalid_grant)");
                    })
                    .hasMessageContaining("'" + consumer.key() + "'")
                    .hasMessageContaining("marked as public")
                    .hasMessageContaining("This is a private consumer")
                    .hasMessageNotContaining(consumer.secret());
        }
        assertThat(EmulatorJournal.all(bb, 1)).extracting(e -> e.path()).containsExactly("/site/oauth2/access_token");
    }
}
