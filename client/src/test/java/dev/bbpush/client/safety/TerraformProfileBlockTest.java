package dev.bbpush.client.safety;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.SkipReason;
import dev.bbpush.client.changes.SkippedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformProfileBlockTest {
    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void workingDirectory() throws IOException {
        dir = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(dir.resolve("main.tf"), "terraform {}\n");
        Files.writeString(dir.resolve("terraform.tfstate"), "{\"version\": 4}\n");
    }

    @Test
    void stateFileNamedAsPathBlocksThePush() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .to("live")
                .addPath(dir.resolve("terraform.tfstate"))
                .build();

        SafetyReport report = SafetyScanner.defaults().scan(cs);

        assertThat(report.blocked()).isTrue();
        assertThat(report.blockingFindings()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("live/terraform.tfstate");
            assertThat(f.ruleId()).isEqualTo("terraform-profile");
            assertThat(f.line()).isZero();
            assertThat(f.detail()).contains("*.tfstate");
        });
    }

    @Test
    void scannerWithTerraformProfileOffDoesNotBlockANamedStateFile() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .to("live")
                .addPath(dir.resolve("terraform.tfstate"))
                .build();

        SafetyReport report =
                SafetyScanner.defaults().withTerraformProfile(false).scan(cs);

        assertThat(report.blockingFindings()).noneMatch(f -> f.ruleId().equals("terraform-profile"));
    }

    @Test
    void stateFileSelectedByAnIncludeBlocksThePush() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .include("*.tfstate")
                .include("*.tf")
                .addPath(dir)
                .build();

        SafetyReport report = SafetyScanner.defaults().scan(cs);

        assertThat(report.blockingFindings())
                .extracting(Finding::path, Finding::ruleId)
                .containsExactly(Tuple.tuple("terraform.tfstate", "terraform-profile"));
    }

    @Test
    void walkedStateFileIsSkippedAndReportedNotBlocked() throws IOException {
        ChangeSet cs = ChangeSet.builder().addPath(dir).build();

        SafetyReport report = SafetyScanner.defaults().scan(cs);

        assertThat(report.blocked()).isFalse();
        assertThat(report.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::reason)
                .containsExactly(Tuple.tuple("terraform.tfstate", SkipReason.TERRAFORM_PROFILE));
    }

    @Test
    void profileBlockCanBeOverriddenForOnePathOnly() throws IOException {
        Files.writeString(dir.resolve("other.tfstate"), "{}\n");
        ChangeSet cs = ChangeSet.builder()
                .addPath(dir.resolve("terraform.tfstate"))
                .addPath(dir.resolve("other.tfstate"))
                .build();

        SafetyReport report = SafetyScanner.defaults()
                .withOverrides(SafetyOverrides.none().allow("terraform.tfstate", "terraform-profile"))
                .scan(cs);

        assertThat(report.findings())
                .extracting(Finding::path, Finding::allowed)
                .containsExactly(Tuple.tuple("other.tfstate", false), Tuple.tuple("terraform.tfstate", true));
        assertThat(report.blocked()).isTrue();
    }

    @Test
    void stdinWrittenToAStatePathIsBlockedToo() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .spoolDirectory(tmp)
                .addStdin("live/.terraform/terraform.tfstate", new ByteArrayInputStream(new byte[] {'{', '}'}))
                .build();
        try (cs) {
            assertThat(SafetyScanner.defaults().scan(cs).blockingFindings())
                    .extracting(Finding::ruleId)
                    .containsExactly("terraform-profile");
        }
    }
}
