package dev.bbpush.cli;

import static dev.bbpush.cli.EmulatorRepo.env;
import static dev.bbpush.cli.PushCommandTest.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@BitbucketEmulatorTest(world = "demo")
class PushSafetyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** An AWS access key id made up at run time (no key-shaped literal in the source). */
    private static String fakeKeyId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("AKIA");
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void terraformStateNamedExplicitlyIsBlockedWithMaskedFindingsAndNothingIsSent(Emulator bb) throws Exception {
        String keyId = fakeKeyId();
        Path state = dir.resolve("terraform.tfstate");
        Files.writeString(state, "{\n  \"version\": 4,\n  \"id\": \"" + keyId + "\"\n}\n");

        CliRun r = CliRun.run(env(bb), "push", state.toString(), "--repo", "acme/infra", "--to", "live");

        assertThat(r.code()).isEqualTo(5);
        assertThat(r.err())
                .contains("push blocked by 2 safety finding(s); nothing was sent")
                .contains("live/terraform.tfstate terraform-profile (")
                .contains("live/terraform.tfstate:3 aws-access-key-id AKIA********")
                .contains(
                        "--allow terraform-profile:live/terraform.tfstate --allow aws-access-key-id:live/terraform.tfstate");
        assertThat(r.out() + r.err()).doesNotContain(keyId).doesNotContain(keyId.substring(4));
        assertThat(bb.journal().entries()).isEmpty();
        assertNoSecret(bb, r);
    }

    @Test
    void blockedPushWithJsonIsOneErrorObject(Emulator bb) throws Exception {
        String keyId = fakeKeyId();
        Path state = dir.resolve("terraform.tfstate");
        Files.writeString(state, "\"" + keyId + "\"\n");

        CliRun r = CliRun.run(env(bb), "push", state.toString(), "--repo", "acme/infra", "--json");

        assertThat(r.code()).isEqualTo(5);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("status").asText()).isEqualTo("error");
        assertThat(j.path("exitCode").asInt()).isEqualTo(5);
        assertThat(j.path("error").path("type").asText()).isEqualTo("SafetyBlockedException");
        assertThat(j.path("error").path("findings")).hasSize(2);
        assertThat(j.path("error").path("findings").get(1).path("match").asText())
                .isEqualTo("AKIA********");
        assertThat(j.path("diagnosis").isNull()).isTrue();
        assertThat(r.out()).doesNotContain(keyId);
    }

    @Test
    void secretInTfvarsIsBlockedAndTheAllowOverrideLetsExactlyThatThrough(Emulator bb) throws Exception {
        Files.writeString(dir.resolve("test.tfvars"), "db_password = \"not-a-real-password-42\"\n");

        CliRun blocked = CliRun.run(env(bb), "push", dir.toString(), "--repo", "acme/infra", "--to", "live");
        CliRun otherPath = CliRun.run(
                env(bb),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live",
                "--allow",
                "tfvars-password:elsewhere/test.tfvars");
        CliRun allowed = CliRun.run(
                env(bb),
                "push",
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live",
                "--allow",
                "tfvars-password:live/test.tfvars");

        assertThat(blocked.code()).isEqualTo(5);
        assertThat(blocked.err())
                .contains("live/test.tfvars:1 tfvars-password")
                .contains("--allow tfvars-password:live/test.tfvars");
        assertThat(otherPath.code()).isEqualTo(5);
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Allowed by --allow tfvars-password:live/test.tfvars");
        assertThat(EmulatorRepo.tree(bb, "main")).containsKey("live/test.tfvars");
        for (CliRun r : new CliRun[] {blocked, otherPath, allowed}) {
            assertThat(r.out() + r.err()).doesNotContain("not-a-real-password-42");
            assertNoSecret(bb, r);
        }
    }

    @Test
    void malformedOrUnknownAllowIsAUsageError(Emulator bb) {
        CliRun noColon = CliRun.run(env(bb), "push", ".", "--repo", "acme/infra", "--allow", "tfvars-password");
        CliRun unknownRule = CliRun.run(env(bb), "push", ".", "--repo", "acme/infra", "--allow", "everything:a.tf");

        assertThat(noColon.code()).isEqualTo(2);
        assertThat(noColon.err()).contains("--allow takes RULE:PATH");
        assertThat(unknownRule.code()).isEqualTo(2);
        assertThat(unknownRule.err()).contains("tfvars-password");
    }
}
