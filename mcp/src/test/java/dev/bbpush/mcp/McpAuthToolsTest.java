package dev.bbpush.mcp;

import static dev.bbpush.mcp.McpServerProcess.rahul;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Secret;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.mcp.McpServerProcess.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The auth tools and refused credentials: the doctor's cause ids, summaries and fixes, masked credentials. */
@BitbucketEmulatorTest(world = "demo")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class McpAuthToolsTest {
    @TempDir
    Path home;

    @Test
    void anApiTokenSentWithTheUsernameFailsThePushAsApiTokenNeedsEmail(Emulator bb) {
        String before = Branches.head(bb, "main").orElseThrow();
        try (McpServerProcess server =
                McpServerProcess.start(rahul(bb, "BBPUSH_EMAIL", "rahul-dev"), "--allow-repo", "acme/infra")) {
            Answer push = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "a.tf", "text", "# a\n"))));
            Answer doctor = server.call(bb, "auth_doctor", Map.of("repository", "acme/infra"));

            assertThat(push.isError()).isTrue();
            assertThat(push.json().path("cause").asText()).isEqualTo("api-token-needs-email");
            assertThat(push.json().path("fix").asText()).contains("BBPUSH_EMAIL");
            assertThat(push.json().path("error").path("type").asText()).isEqualTo("AuthenticationException");
            assertThat(push.json().path("diagnosis").path("cause").asText()).isEqualTo("api-token-needs-email");
            assertThat(push.json()
                            .path("diagnosis")
                            .path("credential")
                            .path("masked")
                            .asText())
                    .isEqualTo(Secret.mask(bb.secret("rahul-api-token")));
            assertThat(push.text()).startsWith("api-token-needs-email: ");
            assertThat(doctor.isError())
                    .as("a diagnosis is an answer, not a tool error")
                    .isFalse();
            assertThat(doctor.json().path("ok").asBoolean()).isFalse();
            assertThat(doctor.json().path("cause").asText()).isEqualTo("api-token-needs-email");
            assertThat(doctor.json().path("evidence").size()).isPositive();
            assertThat(server.stderr()).doesNotContain(bb.secret("rahul-api-token"));
            assertThat(Branches.head(bb, "main")).contains(before);
        }
    }

    @Test
    void fixingTheConfigFileTakesEffectWithoutARestartForPushesAndAuthStatusAlike(Emulator bb) throws Exception {
        Path config = Files.createDirectories(home.resolve(".config/bbpush")).resolve("config");
        writeConfig(config, bb.secret("rahul-expired-token"));
        try (McpServerProcess server = McpServerProcess.start(
                Map.of("BBPUSH_API_URL", bb.apiUrl(), "HOME", home.toString()), "--allow-repo", "acme/infra")) {
            Map<String, Object> push = Map.of(
                    "repository",
                    "acme/infra",
                    "message",
                    "m",
                    "files",
                    List.of(Map.of("path", "config-fixed.tf", "text", "# fixed\n")));
            Answer refused = server.call(bb, "push_files", push);
            writeConfig(config, bb.secret("rahul-api-token"));
            Answer pushed = server.call(bb, "push_files", push);
            Answer status = server.call(bb, "auth_status", Map.of("repositories", List.of("acme/infra")));

            assertThat(refused.isError()).isTrue();
            assertThat(refused.json().path("cause").asText()).as(refused.text()).isEqualTo("token-expired-or-revoked");
            assertThat(refused.json()
                            .path("diagnosis")
                            .path("credential")
                            .path("source")
                            .asText())
                    .contains("config file");
            assertThat(pushed.isError()).as(pushed.text()).isFalse();
            assertThat(pushed.json().path("status").asText()).isEqualTo("committed");
            assertThat(Branches.tree(bb, "main")).containsKey("config-fixed.tf");
            assertThat(status.json().path("ok").asBoolean()).as(status.text()).isTrue();
            assertThat(status.json().path("credential").path("masked").asText())
                    .isEqualTo(Secret.mask(bb.secret("rahul-api-token")));
            assertThat(server.stderr())
                    .doesNotContain(bb.secret("rahul-api-token"))
                    .doesNotContain(bb.secret("rahul-expired-token"));
        }
    }

    /** The config file with Rahul's email and {@code token}, readable by its owner only. */
    private static void writeConfig(Path config, String token) throws Exception {
        Path tmp = config.resolveSibling("config.tmp");
        Files.writeString(tmp, "email = " + McpServerProcess.EMAIL + "\napi_token = " + token + "\n");
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void authStatusShowsTheActiveCredentialMaskedAndTheWritePolicy(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(rahul(bb), "--allow-repo", "acme/infra:bbpush/*")) {
            Answer a = server.call(bb, "auth_status", Map.of("repositories", List.of("acme/infra")));

            assertThat(a.isError()).as(a.text()).isFalse();
            assertThat(a.json().path("ok").asBoolean()).isTrue();
            assertThat(a.json().path("credential").path("kind").asText()).isEqualTo("API token");
            assertThat(a.json().path("credential").path("source").asText()).contains("BBPUSH_API_TOKEN");
            assertThat(a.json().path("credential").path("masked").asText())
                    .isEqualTo(Secret.mask(bb.secret("rahul-api-token")));
            assertThat(a.json().path("verdict").path("cause").asText()).isEqualTo("ok");
            assertThat(a.json()
                            .path("repositories")
                            .get(0)
                            .path("push")
                            .path("ok")
                            .asBoolean())
                    .isTrue();
            assertThat(a.json()
                            .path("repositories")
                            .get(0)
                            .path("writableByServer")
                            .asBoolean())
                    .isTrue();
            assertThat(a.json().path("server").path("writable").get(0).asText()).isEqualTo("acme/infra:bbpush/*");
            assertThat(a.json().path("sources")).isNotEmpty();
        }
    }

    @Test
    void noCredentialAnywhereIsExplainedAsNoCredentials(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(Map.of("BBPUSH_API_URL", bb.apiUrl()))) {
            Answer read = server.call(bb, "read_file", Map.of("repository", "acme/infra", "path", "README.md"));
            Answer status = server.call(bb, "auth_status", Map.of());

            assertThat(read.isError()).isTrue();
            assertThat(read.json().path("cause").asText()).isEqualTo("no-credentials");
            assertThat(read.json().path("fix").asText()).contains("BBPUSH_API_TOKEN");
            assertThat(status.json().path("ok").asBoolean()).isFalse();
            assertThat(status.json().path("credential").path("kind").asText()).isEqualTo("none");
        }
    }

    @Test
    void aWriteOnlyTokenThatCannotReadTheRepositoryNamesTheMissingScope(Emulator bb) {
        try (McpServerProcess server = McpServerProcess.start(
                rahul(bb, "BBPUSH_API_TOKEN", bb.secret("rahul-write-only-token")), "--allow-repo", "acme/infra")) {
            Answer a = server.call(
                    bb,
                    "push_files",
                    Map.of(
                            "repository",
                            "acme/infra",
                            "message",
                            "m",
                            "files",
                            List.of(Map.of("path", "a.tf", "text", "# a\n"))));

            assertThat(a.json().path("cause").asText()).isEqualTo("missing-scopes");
            assertThat(a.json().path("fix").asText()).contains("read:repository:bitbucket");
        }
    }
}
