package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.error.NoCredentialsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder rules (no server needed). The typed calls are tested against the emulator in {@link BitbucketClientTest}. */
class BitbucketClientBuilderTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://api.bitbucket.org/2.0",
                "http://10.0.0.1/2.0",
                "http://bitbucket.example:8080/2.0",
                "http://128.0.0.1/2.0",
                "http://localhost.example.com/2.0"
            })
    void plainHttpToNonLoopbackHostIsRefusedNamingTheFix(String url) {
        assertThatThrownBy(() -> BitbucketClient.builder().apiUrl(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Use https")
                .hasMessageContaining("loopback");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/2.0",
                "http://127.1.2.3/2.0",
                "http://localhost:7990/2.0",
                "http://[::1]:8080/2.0",
                "https://api.bitbucket.org/2.0/",
                "https://bitbucket.example/2.0"
            })
    void httpsAndLoopbackHttpAreAccepted(String url) {
        try (BitbucketClient client =
                BitbucketClient.builder().apiUrl(url).anonymous().build()) {
            assertThat(client.apiUrl().toString()).doesNotEndWith("/");
        }
    }

    @Test
    void apiUrlWithCredentialsInItIsRefused() {
        assertThatThrownBy(() -> BitbucketClient.builder().apiUrl("https://me:secret@api.bitbucket.org/2.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user info")
                .hasMessageNotContaining("secret@");
    }

    @Test
    void defaultsToBitbucketCloud() {
        try (BitbucketClient client = BitbucketClient.builder().anonymous().build()) {
            assertThat(client.apiUrl()).isEqualTo(BitbucketClient.DEFAULT_API_URL);
        }
    }

    @Test
    void providerWithoutCredentialsFailsTheBuildWithItsReason() {
        CredentialProvider nothing = new CredentialProvider() {
            @Override
            public String name() {
                return "nothing";
            }

            @Override
            public ProviderOutcome resolve() {
                return ProviderOutcome.failed(name(), "BBPUSH_API_TOKEN is set but BBPUSH_EMAIL is not");
            }
        };

        assertThatThrownBy(() -> BitbucketClient.builder().credentials(nothing).build())
                .isInstanceOf(NoCredentialsException.class)
                .hasMessageContaining("BBPUSH_EMAIL");
    }
}
