package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bbpush}'s class-data-sharing archive, through the real launcher and the shaded jar (run by failsafe after
 * {@code package}): each test lays out its own copy ({@code ROOT/bin/bbpush}, {@code ROOT/cli/target/bbpush.jar}) so
 * archives never leak between tests or into the build. Correctness only, never speed (docs/benchmarks.md has the
 * timings).
 */
@BitbucketEmulatorTest(world = "demo")
class LauncherIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARCHIVE_SUFFIX = isJdk25OrLater() ? ".aot" : ".jsa";

    @TempDir
    Path tmp;

    private Path launcher;
    private Path jarDir;
    private Path files;

    /** A process run: exit code, standard output, standard error. */
    record Run(int code, String out, String err) {
        JsonNode json() throws IOException {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void layOutACopy() throws IOException {
        Path root = tmp.resolve("root");
        jarDir = Files.createDirectories(root.resolve("cli/target"));
        Files.createDirectories(root.resolve("bin"));
        launcher = Files.copy(Path.of(System.getProperty("bbpush.launcher")), root.resolve("bin/bbpush"));
        Files.copy(Path.of(System.getProperty("bbpush.jar")), jarDir.resolve("bbpush.jar"));
        files = Files.createDirectories(tmp.resolve("files"));
        Files.writeString(files.resolve("main.tf"), "# main\n");
        Files.writeString(files.resolve("vars.tf"), "# vars\n");
    }

    @Test
    void firstPushCreatesTheArchiveWithCleanJsonAndTheNextPushLoadsItsClassesFromIt(Emulator bb) throws Exception {
        Run first = bbpush(
                bb,
                Map.of("BBPUSH_CDS_DEBUG", "1"),
                "push",
                files.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "first",
                "--json");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.json().path("status").asText()).isEqualTo("committed"); // stdout is the JSON and nothing else
        assertThat(first.err()).contains("bbpush-launcher: creating ").contains("bbpush-launcher: created ");
        assertThat(archives()).hasSize(1);
        assertThat(leftovers()).isEmpty();

        Path classLog = tmp.resolve("classes.log");
        Run second = bbpush(
                bb,
                Map.of("BBPUSH_CDS_DEBUG", "1", "BBPUSH_JAVA_OPTS", "-Xlog:class+load:file=" + classLog),
                "push",
                files.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "second",
                "--quiet");

        assertThat(second.code()).as(second.err()).isZero();
        assertThat(EmulatorRepo.head(bb, "second")).isPresent();
        assertThat(second.err()).contains("bbpush-launcher: using " + archives().get(0));
        String classes = Files.readString(classLog);
        assertThat(classes).containsPattern("dev\\.bbpush\\.cli\\.PushCommand source: shared objects file");
        // picocli too: it is compiled from source for Java 17 (module picocli) because the published Java 5 classes
        // are refused by CDS and were loaded and verified from the jar on every run.
        assertThat(classes)
                .containsPattern("picocli\\.CommandLine source: shared objects file")
                .doesNotContainPattern("picocli\\.CommandLine source: (jar|file):");
        // Only the work the command needs: a text push over http sets up no TLS and builds no Jackson ObjectMapper.
        assertThat(classes)
                .doesNotContain("sun.security.ssl.SSLContextImpl ")
                .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper ");
    }

    @Test
    void aRebuiltJarGetsAFreshArchiveAndTheStaleOneIsRemoved(Emulator bb) throws Exception {
        Run first = push(bb, "one");
        assertThat(first.code()).as(first.err()).isZero();
        Path stale = archives().get(0);

        // A rebuild gives the jar a new mtime (and usually size): the JVM would refuse the old archive.
        Path jar = jarDir.resolve("bbpush.jar");
        Files.setLastModifiedTime(
                jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Run rebuilt = bbpush(
                bb,
                Map.of("BBPUSH_CDS_DEBUG", "1"),
                "push",
                files.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "one",
                "--json");

        assertThat(rebuilt.code()).as(rebuilt.err()).isZero();
        assertThat(rebuilt.json().path("status").asText()).isEqualTo("unchanged");
        assertThat(rebuilt.err()).contains("bbpush-launcher: creating ");
        assertThat(archives()).hasSize(1).doesNotContain(stale);
    }

    @Test
    void anUnwritableArchiveDirectoryRunsTheCommandWithoutArchiveOrExtraOutput(Emulator bb) throws Exception {
        // Tests run as root, which ignores permission bits: a path under a regular file can never be a directory.
        Run r = bbpush(
                bb,
                Map.of("BBPUSH_CDS_DIR", files.resolve("main.tf").resolve("cds").toString()),
                "push",
                files.toString(),
                "--repo",
                "acme/infra",
                "--branch",
                "ro",
                "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().path("status").asText()).isEqualTo("committed");
        assertThat(r.err()).isEmpty();
        assertThat(archives()).isEmpty();
    }

    @Test
    void aCorruptArchiveIsIgnoredSilently(Emulator bb) throws Exception {
        assertThat(push(bb, "one").code()).isZero();
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        Run r = push(bb, "one");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().path("status").asText()).isEqualTo("unchanged");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void versionAndHelpNeverTrainAnArchive(Emulator bb) throws Exception {
        Run version = bbpush(bb, Map.of(), "--version");
        Run help = bbpush(bb, Map.of(), "push", "--help");

        assertThat(version.code()).isZero();
        assertThat(version.out()).matches("bbpush \\S+\\R");
        assertThat(version.err()).isEmpty();
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("Usage: bbpush push");
        assertThat(archives()).isEmpty();
    }

    @Test
    void cdsOffRunsWithoutArchive(Emulator bb) throws Exception {
        Run r = bbpush(bb, Map.of("BBPUSH_CDS", "off"), "push", files.toString(), "--repo", "acme/infra", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(archives()).isEmpty();
    }

    @Test
    void concurrentFirstRunsAllSucceedAndLeaveOneWholeArchive(Emulator bb) throws Exception {
        List<Process> processes = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path out = tmp.resolve("out" + i);
            outs.add(out);
            processes.add(start(
                    bb,
                    Map.of(),
                    out,
                    "push",
                    files.toString(),
                    "--repo",
                    "acme/infra",
                    "--branch",
                    "agent-" + i,
                    "--json"));
        }
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String err = Files.readString(tmp.resolve(outs.get(i).getFileName() + ".err"));
            assertThat(p.exitValue()).as(err).isZero();
            assertThat(err).isEmpty();
            assertThat(JSON.readTree(Files.readString(outs.get(i)))
                            .path("status")
                            .asText())
                    .isEqualTo("committed");
        }
        assertThat(archives()).hasSize(1);
        assertThat(leftovers()).isEmpty();

        Run after = push(bb, "agent-0");
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.json().path("status").asText()).isEqualTo("unchanged");
    }

    private Run push(Emulator bb, String branch) throws Exception {
        return bbpush(bb, Map.of(), "push", files.toString(), "--repo", "acme/infra", "--branch", branch, "--json");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> s = Files.list(jarDir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("bbpush-push-")
                            && p.getFileName().toString().endsWith(ARCHIVE_SUFFIX))
                    .sorted()
                    .toList();
        }
    }

    /** Temporary archives and locks a training run must not leave behind. */
    private List<Path> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(jarDir)) {
            return s.filter(p -> p.getFileName().toString().contains(".tmp.")
                            || p.getFileName().toString().endsWith(".lock"))
                    .toList();
        }
    }

    private Run bbpush(Emulator bb, Map<String, String> env, String... args) throws Exception {
        Path out = Files.createTempFile(tmp, "out", "");
        Process p = start(bb, env, out, args);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(tmp.resolve(out.getFileName() + ".err"), StandardCharsets.UTF_8));
    }

    private Process start(Emulator bb, Map<String, String> env, Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("BBPUSH_") || k.startsWith("BITBUCKET_") || k.startsWith("JAVA_TOOL"));
        Map<String, String> all = new HashMap<>(EmulatorRepo.env(bb));
        all.put("HOME", tmp.resolve("home").toString());
        all.putAll(env);
        e.putAll(all);
        return pb.start();
    }

    private static boolean isJdk25OrLater() {
        return Runtime.version().feature() >= 25;
    }
}
