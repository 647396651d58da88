package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformProfileWalkTest {
    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void workingDirectory() throws IOException {
        dir = tmp.resolve("infra");
        for (String f : new String[] {
            "main.tf",
            "terraform.tfstate",
            "terraform.tfstate.backup",
            "plan.tfplan",
            "crash.log",
            "crash.20260101.log",
            ".terraformrc",
            "terraform.rc",
            ".terraform/providers/x/bin",
            "envs/prod/main.tf",
            "envs/prod/.terraform/modules/modules.json",
            "envs/prod/prod.tfstate",
            ".terraform.lock.hcl"
        }) {
            Path p = dir.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, f);
        }
    }

    @Test
    void walkSkipsProfileFilesAndReportsThem() throws IOException {
        ChangeSet cs = ChangeSet.builder().to("live").addPath(dir).build();

        assertThat(cs.paths()).containsExactly("live/.terraform.lock.hcl", "live/envs/prod/main.tf", "live/main.tf");
        assertThat(cs.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::reason, SkippedFile::pattern)
                .containsExactlyInAnyOrder(
                        tuple("live/.terraform/", SkipReason.TERRAFORM_PROFILE, ".terraform/"),
                        tuple("live/.terraformrc", SkipReason.TERRAFORM_PROFILE, ".terraformrc"),
                        tuple("live/crash.20260101.log", SkipReason.TERRAFORM_PROFILE, "crash.*.log"),
                        tuple("live/crash.log", SkipReason.TERRAFORM_PROFILE, "crash.log"),
                        tuple("live/envs/prod/.terraform/", SkipReason.TERRAFORM_PROFILE, ".terraform/"),
                        tuple("live/envs/prod/prod.tfstate", SkipReason.TERRAFORM_PROFILE, "*.tfstate"),
                        tuple("live/plan.tfplan", SkipReason.TERRAFORM_PROFILE, "*.tfplan"),
                        tuple("live/terraform.rc", SkipReason.TERRAFORM_PROFILE, "terraform.rc"),
                        tuple("live/terraform.tfstate", SkipReason.TERRAFORM_PROFILE, "*.tfstate"),
                        tuple("live/terraform.tfstate.backup", SkipReason.TERRAFORM_PROFILE, "*.tfstate.*"));
        assertThat(cs.skipped()).allSatisfy(s -> assertThat(s.localPath()).startsWith(dir.toString()));
    }

    @Test
    void explicitStateFileIsKeptSoTheSafetyScanCanBlockIt() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .to("live")
                .addPath(dir.resolve("terraform.tfstate"))
                .build();

        assertThat(cs.paths()).containsExactly("live/terraform.tfstate");
    }

    @Test
    void stateFileMatchedByAnIncludeIsKeptEvenInsideTerraformDirectory() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .include("*.tfstate")
                .include("*.json")
                .addPath(dir)
                .build();

        assertThat(cs.paths())
                .containsExactly(
                        "envs/prod/.terraform/modules/modules.json", "envs/prod/prod.tfstate", "terraform.tfstate");
    }

    @Test
    void profileCanBeTurnedOffForAWalk() throws IOException {
        ChangeSet cs = ChangeSet.builder().terraformProfile(false).addPath(dir).build();

        assertThat(cs.paths()).contains("terraform.tfstate", ".terraform/providers/x/bin");
        assertThat(cs.skipped()).isEmpty();
    }
}
