package dev.bbpush.cli;

import static dev.bbpush.cli.EmulatorRepo.env;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.cli.output.PushOutput;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@BitbucketEmulatorTest(world = "demo")
class PushCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path files(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return dir;
    }

    private static CliRun push(Emulator bb, String... args) {
        List<String> a = new ArrayList<>(List.of("push"));
        a.addAll(List.of(args));
        CliRun r = CliRun.run(env(bb), a.toArray(String[]::new));
        assertNoSecret(bb, r);
        return r;
    }

    static void assertNoSecret(Emulator bb, CliRun r) {
        for (String name : EmulatorRepo.SECRET_NAMES) {
            assertThat(r.out() + r.err()).doesNotContain(bb.secret(name));
        }
    }

    private static JsonNode json(CliRun r) throws IOException {
        return JSON.readTree(r.out());
    }

    @Test
    void pushPrintsThePlanTheCommitShaAndItsWebUrl(Emulator bb) throws Exception {
        files(Map.of("net.tf", "# net\n", "dns.tf", "# dns\n"));

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--branch", "feature/net", "--to", "live");

        assertThat(r.code()).as(r.err()).isZero();
        String sha = EmulatorRepo.head(bb, "feature/net").orElseThrow();
        assertThat(r.out())
                .contains("Plan for feature/net (new, from main at ")
                .contains("2 added, 0 modified, 0 deleted, 0 unchanged")
                .contains("  A  live/dns.tf\n  A  live/net.tf")
                .contains("Committed " + sha + " to feature/net")
                .contains(bb.baseUrl() + "/acme/infra/commits/" + sha);
        assertThat(EmulatorRepo.tree(bb, "feature/net").get("live/net.tf").text())
                .isEqualTo("# net\n");
    }

    @Test
    void jsonHasTheContractFieldsWithTheirValues(Emulator bb) throws Exception {
        files(Map.of("main.tf", "# changed\n", "extra.tf", "# new\n"));

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = json(r);
        List<String> names = new ArrayList<>();
        j.fieldNames().forEachRemaining(names::add);
        assertThat(names.subList(0, 6))
                .containsExactly("status", "commit", "branch", "changes", "pullRequest", "requests");
        assertThat(j.path("status").asText()).isEqualTo("committed");
        assertThat(j.path("commit").asText())
                .isEqualTo(EmulatorRepo.head(bb, "main").orElseThrow());
        assertThat(j.path("branch").asText()).isEqualTo("main");
        JsonNode changes = j.path("changes");
        assertThat(JSON.convertValue(changes.path("added"), List.class)).containsExactly("extra.tf");
        assertThat(JSON.convertValue(changes.path("modified"), List.class)).containsExactly("main.tf");
        assertThat(changes.path("deleted").isArray()).isTrue();
        assertThat(changes.path("deleted")).isEmpty();
        assertThat(changes.path("unchanged").asInt()).isZero();
        List<String> changeNames = new ArrayList<>();
        changes.fieldNames().forEachRemaining(changeNames::add);
        assertThat(changeNames).containsExactly("added", "modified", "deleted", "unchanged");
        assertThat(j.path("pullRequest").isNull()).isTrue();
        assertThat(j.path("requests").path("rest").asInt()).isEqualTo(1);
        assertThat(j.path("requests").path("git").asInt()).isEqualTo(2);
        assertThat(j.path("commitUrl").asText())
                .endsWith("/acme/infra/commits/" + j.path("commit").asText());
    }

    @Test
    void secondIdenticalPushIsUnchangedAndMakesNoCommit(Emulator bb) throws Exception {
        files(Map.of("a.tf", "# a\n"));
        assertThat(push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live")
                        .code())
                .isZero();
        String head = EmulatorRepo.head(bb, "main").orElseThrow();

        CliRun text = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live");
        CliRun json = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live", "--json");

        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Nothing to commit: main already has these files.");
        assertThat(json.code()).isZero();
        JsonNode j = json(json);
        assertThat(j.path("status").asText()).isEqualTo("unchanged");
        assertThat(j.path("commit").isNull()).isTrue();
        assertThat(j.path("changes").path("unchanged").asInt()).isEqualTo(1);
        assertThat(j.path("requests").path("rest").asInt()).isZero();
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
    }

    @Test
    void dryRunPrintsThePlanAndCommitsNothing(Emulator bb) throws Exception {
        files(Map.of("a.tf", "# a\n"));
        String head = EmulatorRepo.head(bb, "main").orElseThrow();

        CliRun text = push(bb, dir.toString(), "--repo", "acme/infra", "--dry-run");
        CliRun json = push(bb, dir.toString(), "--repo", "acme/infra", "--dry-run", "--json");

        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("  A  a.tf").contains("Dry run: nothing was committed.");
        assertThat(json(json).path("status").asText()).isEqualTo("dry-run");
        assertThat(json(json).path("commit").isNull()).isTrue();
        assertThat(EmulatorRepo.head(bb, "main")).contains(head);
        assertThat(bb.journal().entries())
                .noneMatch(e -> e.method().equals("POST") && e.path().endsWith("/src"));
    }

    @Test
    void deleteMirrorsTheToPrefixAndLeavesTheRestAlone(Emulator bb) throws Exception {
        files(Map.of("a.tf", "# a\n", "b.tf", "# b\n"));
        assertThat(push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live")
                        .code())
                .isZero();
        Files.delete(dir.resolve("b.tf"));

        CliRun plain = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live", "--json");
        CliRun mirror = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "live", "--delete", "--json");

        assertThat(json(plain).path("status").asText()).isEqualTo("unchanged");
        assertThat(mirror.code()).as(mirror.err()).isZero();
        assertThat(JSON.convertValue(json(mirror).path("changes").path("deleted"), List.class))
                .containsExactly("live/b.tf");
        assertThat(EmulatorRepo.tree(bb, "main"))
                .containsKey("live/a.tf")
                .doesNotContainKey("live/b.tf")
                .containsKey("main.tf");
    }

    @Test
    void includeAndExcludeFilterTheWalk(Emulator bb) throws Exception {
        files(Map.of("a.tf", "# a\n", "b.tf", "# b\n", "notes.md", "notes\n", "sub/c.tf", "# c\n"));

        CliRun r = push(
                bb,
                dir.toString(),
                "--repo",
                "acme/infra",
                "--to",
                "live",
                "--include",
                "*.tf",
                "--exclude",
                "b.tf",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.convertValue(json(r).path("changes").path("added"), List.class))
                .containsExactly("live/a.tf", "live/sub/c.tf");
        assertThat(EmulatorRepo.tree(bb, "main")).doesNotContainKeys("live/b.tf", "live/notes.md");
    }

    @Test
    void executableBitIsKept(Emulator bb) throws Exception {
        files(Map.of("run.sh", "#!/bin/sh\necho hi\n"));
        Files.setPosixFilePermissions(dir.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "bin");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(EmulatorRepo.tree(bb, "main").get("bin/run.sh").mode()).isEqualTo(FileMode.EXECUTABLE_FILE);
    }

    @Test
    void toDotIsTheRoot(Emulator bb) throws Exception {
        files(Map.of("root.tf", "# root\n"));

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--to", ".", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(JSON.convertValue(json(r).path("changes").path("added"), List.class))
                .containsExactly("root.tf");
    }

    @Test
    void repoDefaultsToBitbucketPipelinesVariables(Emulator bb) throws Exception {
        files(Map.of("ci.tf", "# ci\n"));
        Map<String, String> env = env(bb, "BITBUCKET_WORKSPACE", "acme", "BITBUCKET_REPO_SLUG", "infra");

        CliRun r = CliRun.run(env, "push", dir.toString(), "--to", "ci", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(json(r).path("status").asText()).isEqualTo("committed");
        assertThat(EmulatorRepo.tree(bb, "main")).containsKey("ci/ci.tf");
    }

    @Test
    void stdinPathPushesStandardInput(Emulator bb) {
        CliRun r = CliRun.withStdin(
                env(bb),
                "region = \"eu-west-1\"\n",
                "push",
                "--stdin-path",
                "live/region.tfvars",
                "--repo",
                "acme/infra");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(EmulatorRepo.tree(bb, "main").get("live/region.tfvars").text())
                .isEqualTo("region = \"eu-west-1\"\n");
    }

    @Test
    void pullRequestIsCreatedThenReused(Emulator bb) throws Exception {
        files(Map.of("pr.tf", "# pr\n"));

        CliRun first = push(
                bb,
                dir.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "bbpush/pr",
                "--pr",
                "Add pr.tf",
                "--pr-description",
                "From the test",
                "--json");
        CliRun again = push(bb, dir.toString(), "--repo", "acme/infra", "--branch", "bbpush/pr", "--pr", "Add pr.tf");

        assertThat(first.code()).as(first.err()).isZero();
        JsonNode pr = json(first).path("pullRequest");
        int id = pr.path("id").asInt();
        assertThat(id).isPositive();
        assertThat(pr.path("url").asText()).endsWith("/acme/infra/pull-requests/" + id);
        assertThat(pr.path("outcome").asText()).isEqualTo("created");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("Nothing to commit").contains("Reused PR #" + id);
    }

    @Test
    void pullRequestForAnUnchangedNewBranchSaysNoChangesToPull(Emulator bb) throws Exception {
        files(Map.of("main.tf", EmulatorRepo.tree(bb, "main").get("main.tf").text()));

        CliRun r = push(
                bb,
                dir.resolve("main.tf").toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "bbpush/same",
                "--pr",
                "Nothing");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Nothing to commit: main already has these files, so branch bbpush/same was not created.")
                .contains("No pull request: no changes to pull from bbpush/same into main.");
    }

    @Test
    void terraformStateInAWalkIsSkippedAndReported(Emulator bb) throws Exception {
        files(Map.of("main.tf", "# m\n", "terraform.tfstate", "{}\n"));

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "walk");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Skipped by the Terraform profile")
                .contains("walk/terraform.tfstate  (matches *.tfstate)");
        assertThat(EmulatorRepo.tree(bb, "main"))
                .containsKey("walk/main.tf")
                .doesNotContainKey("walk/terraform.tfstate");
    }

    @Test
    void quietPrintsNothingOnSuccessAndOnlyJsonWithJson(Emulator bb) throws Exception {
        files(Map.of("q.tf", "# q\n"));

        CliRun quiet = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "q", "--quiet");
        CliRun quietJson = push(bb, dir.toString(), "--repo", "acme/infra", "--to", "q", "--quiet", "--json");

        assertThat(quiet.code()).isZero();
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err()).isEmpty();
        assertThat(json(quietJson).path("status").asText()).isEqualTo("unchanged");
        assertThat(quietJson.err()).isEmpty();
    }

    @Test
    void textOutputOfALargePushListsTwentyPathsAndCountsTheRest(Emulator bb) throws Exception {
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            many.put(String.format("f%02d.tf", i), "# " + i + "\n");
        }
        files(many);

        CliRun r = push(bb, dir.toString(), "--repo", "acme/infra", "--branch", "many", "--to", "many", "--dry-run");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("30 added, 0 modified, 0 deleted, 0 unchanged")
                .contains("  A  many/f19.tf\n  … and 10 more (use --verbose to list all; --json lists every path)")
                .doesNotContain("many/f20.tf");
        assertThat(r.out().lines().filter(l -> l.startsWith("  A  "))).hasSize(PushOutput.MAX_LISTED);
    }

    @Test
    void verboseListsEveryPathAndJsonKeepsThemAll(Emulator bb) throws Exception {
        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            many.put(String.format("f%02d.tf", i), "# " + i + "\n");
        }
        files(many);

        CliRun verbose = push(
                bb,
                dir.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "many",
                "--to",
                "many",
                "--dry-run",
                "--verbose");
        CliRun json = push(
                bb, dir.toString(), "--repo", "acme/infra", "--branch", "many", "--to", "many", "--dry-run", "--json");

        assertThat(verbose.out().lines().filter(l -> l.startsWith("  A  "))).hasSize(30);
        assertThat(verbose.out()).contains("  A  many/f29.tf").doesNotContain("more (use --verbose");
        assertThat(JSON.convertValue(json(json).path("changes").path("added"), List.class))
                .hasSize(30);
    }
}
