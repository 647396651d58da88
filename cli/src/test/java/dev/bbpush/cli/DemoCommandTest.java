package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code bbpush demo} end to end. The injected emulator only supplies the demo world's (deterministic) secrets. */
@BitbucketEmulatorTest(world = "demo")
class DemoCommandTest {
    @Test
    void demoRunsItsFourStepsAndLeavesNothingRunning(Emulator secrets) throws Exception {
        CliRun r = CliRun.run(Map.of(), "demo");

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out())
                .contains("== 1. Push the example Terraform module to a new branch and open a pull request")
                .contains("$ bbpush push terraform --repo acme/infra --branch bbpush/demo-network --to .")
                .containsPattern("Committed [0-9a-f]{40} to bbpush/demo-network")
                .contains("Pull request #1 created: http://127.0.0.1:")
                .contains("== 2.")
                .contains("Nothing to commit: bbpush/demo-network already has these files.")
                .contains("Reused PR #1")
                .contains("== 3.")
                .contains("terraform.tfstate terraform-profile")
                .contains("aws-access-key-id AKIA********")
                .contains("(exit code 5)")
                .contains("== 4.")
                .contains("$ BBPUSH_EMAIL=rahul-dev bbpush push terraform")
                .contains("✗ api-token-needs-email")
                .contains("(exit code 3)")
                .contains("export BBPUSH_API_TOKEN=ATATT3x****")
                .contains("Demo finished");
        for (String name : EmulatorRepo.SECRET_NAMES) {
            assertThat(r.out() + r.err()).doesNotContain(secrets.secret(name));
        }
        Matcher port =
                Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)").matcher(r.out());
        assertThat(port.find()).isTrue();
        try (ServerSocket s = new ServerSocket(Integer.parseInt(port.group(1)), 1, InetAddress.getLoopbackAddress())) {
            assertThat(s.isBound()).as("the demo's emulator port is free again").isTrue();
        }
        Matcher work = Pattern.compile("and in (\\S+), which holds").matcher(r.out());
        assertThat(work.find()).isTrue();
        assertThat(Files.exists(Path.of(work.group(1))))
                .as("temporary directory deleted")
                .isFalse();
    }

    @Test
    void bundledExampleKeepsTheExecutableScript() throws Exception {
        Path target = Files.createTempDirectory("bbpush-example-test-");
        try {
            Path module = DemoExample.extract(target.resolve("terraform"));

            assertThat(module.resolve("main.tf")).exists();
            assertThat(module.resolve(".bbpushignore")).exists();
            assertThat(Files.isExecutable(module.resolve("scripts/plan.sh"))).isTrue();
            assertThat(Files.isExecutable(module.resolve("main.tf"))).isFalse();
        } finally {
            try (var walk = Files.walk(target)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
