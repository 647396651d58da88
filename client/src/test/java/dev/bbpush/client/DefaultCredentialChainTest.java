package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code BitbucketClient.builder().build()} without credentials resolves the library's standard chain: environment,
 * then config file, never standard input.
 */
@BitbucketEmulatorTest(world = "demo")
class DefaultCredentialChainTest {
    private static final String EMAIL = "rahul@acme.example";

    @TempDir
    Path home;

    @Test
    void withoutCredentialsTheClientUsesTheEnvironment(Emulator bb) {
        Environment env = Environment.of(Map.of(
                "HOME", home.toString(), "BBPUSH_EMAIL", EMAIL, "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")));

        try (BitbucketClient client =
                BitbucketClient.builder().apiUrl(bb.apiUrl()).environment(env).build()) {
            assertThat(client.credentials().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.ENVIRONMENT);
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }
    }

    @Test
    void withoutCredentialsOrEnvironmentTheClientUsesTheConfigFile(Emulator bb) throws IOException {
        Path file = home.resolve(".config/bbpush/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "email = " + EMAIL + "\napi_token = " + bb.secret("rahul-api-token") + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .environment(Environment.of(Map.of("HOME", home.toString())))
                .build()) {
            assertThat(client.credentials().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.CONFIG_FILE);
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }
    }

    @Test
    void nothingConfiguredFailsTheBuildListingEnvironmentAndConfigFileOnly(Emulator bb) {
        assertThatThrownBy(() -> BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .environment(Environment.of(Map.of("HOME", home.toString())))
                        .build())
                .isInstanceOf(NoCredentialsException.class)
                .hasMessageContaining("1. environment")
                .hasMessageContaining("2. config file")
                .hasMessageNotContaining("3. ")
                .hasMessageContaining("BBPUSH_API_TOKEN");
    }

    @Test
    void explicitCredentialsWinOverTheEnvironment(Emulator bb) {
        Environment env = Environment.of(Map.of("HOME", home.toString(), "BBPUSH_ACCESS_TOKEN", "not-a-token"));

        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .environment(env)
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .build()) {
            assertThat(client.credentials().orElseThrow().source().type())
                    .isNotEqualTo(CredentialSource.Type.ENVIRONMENT);
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }
    }

    @Test
    void anonymousSendsNoAuthorizationEvenWithCredentialsInTheEnvironment(Emulator bb) {
        Environment env = Environment.of(Map.of(
                "HOME", home.toString(), "BBPUSH_EMAIL", EMAIL, "BBPUSH_API_TOKEN", bb.secret("rahul-api-token")));
        RecordingListener listener = new RecordingListener();

        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .environment(env)
                .listener(listener)
                .anonymous()
                .build()) {
            assertThat(client.credentials()).isEmpty();
            assertThatThrownBy(() -> client.repository("acme", "infra")).isInstanceOf(NotFoundException.class);
        }
        assertThat(listener.events(HttpEvent.RequestSent.class).get(0).headers().contains("Authorization"))
                .isFalse();
    }
}
