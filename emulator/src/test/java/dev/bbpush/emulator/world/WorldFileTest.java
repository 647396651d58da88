package dev.bbpush.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldFileTest {

    /** The example in docs/emulator.md ("World files") is a valid world, so the documented format stays true. */
    @Test
    void documentedExampleLoads(@TempDir Path dir) throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "emulator.md"), StandardCharsets.UTF_8);
        String section = doc.substring(doc.indexOf("## World files"));
        String yaml = section.substring(
                section.indexOf("```yaml") + 7, section.indexOf("```", section.indexOf("```yaml") + 7));
        Path file = dir.resolve("my-world.yaml");
        Files.writeString(file, yaml);

        World w = WorldLoader.fromFile(file);

        assertThat(w.name()).isEqualTo("my-world");
        assertThat(w.settings().startTime()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(w.workspace("north").orElseThrow().ipAllowlist()).containsExactly("203.0.113.0/24", "2001:db8::/32");
        Repo site = w.repository("north", "site").orElseThrow();
        assertThat(site.permissionOf("dana")).isEqualTo(Permission.ADMIN);
        assertThat(site.seedExecutables()).containsExactly("scripts/deploy.sh");
        assertThat(w.credential("dana-token").orElseThrow().expires()).isEqualTo(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(w.credential("site-token").orElseThrow().kind()).isEqualTo(CredentialKind.REPOSITORY_ACCESS_TOKEN);
        assertThat(w.credential("north-agent").orElseThrow().key()).hasSize(18);
    }

    @Test
    void builtInDemoWorldHasTheDocumentedNamesAndSecretShapes() {
        World demo = WorldLoader.builtIn("demo");

        assertThat(demo.repositories())
                .extracting(Repo::fullName)
                .containsExactly("acme/infra", "acme/empty", "globex/platform");
        assertThat(demo.credential("rahul-api-token").orElseThrow().secret())
                .startsWith("ATATT3x")
                .hasSizeGreaterThan(180);
        assertThat(demo.credential("infra-repo-token").orElseThrow().secret()).startsWith("ATCTT3x");
        assertThat(demo.credential("rahul-app-password").orElseThrow().secret()).startsWith("ATBB");
        assertThat(WorldLoader.builtIn("demo")
                        .credential("rahul-api-token")
                        .orElseThrow()
                        .secret())
                .as("secrets are deterministic")
                .isEqualTo(demo.credential("rahul-api-token").orElseThrow().secret());
    }

    @Test
    void unknownKeyIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "accounts:\n  - username: a\n    emial: a@example.com\n");

        assertThatThrownBy(() -> WorldLoader.fromFile(file))
                .isInstanceOf(WorldLoader.WorldFileException.class)
                .hasMessageContaining("emial");
    }

    @Test
    void credentialOfUnknownOwnerIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("owner.yaml");
        Files.writeString(file, "credentials:\n  - name: t\n    kind: api_token\n    owner: nobody\n");

        assertThatThrownBy(() -> WorldLoader.fromFile(file))
                .isInstanceOf(WorldLoader.WorldFileException.class)
                .hasMessageContaining("unknown owner 'nobody'");
    }

    @Test
    void unknownBuiltInWorldNamesTheAlternatives() {
        assertThatThrownBy(() -> WorldLoader.builtIn("nope")).hasMessageContaining("demo");
    }
}
