package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many {@code bbpush push} processes started together on one branch (issue 8): real JVMs running the real CLI main
 * class against one emulator, the credential in each child's environment. Checked afterwards with JGit and the real
 * {@code git} CLI. No timing is asserted; the children run with the default conflict budget ({@code
 * --conflict-timeout} absent: 2 minutes), the one the README's "32 processes all land" is about. That the pushes
 * really raced is asserted from the emulator's answers to {@code POST …/src}, counted as they complete ({@link
 * SrcAnswers}), so the journal's 1,000-entry window does not limit the count.
 *
 * <p>Tagged {@value #TAG}: 40 JVM starts take about a minute on a loaded 2-core machine; {@code
 * -DexcludedGroups=processes} leaves it out of a quick local run.
 */
@Tag(ConcurrentPushProcessesTest.TAG)
@BitbucketEmulatorTest(world = "demo")
class ConcurrentPushProcessesTest {
    static final String TAG = "processes";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** One finished child: its exit code, its --json output and its standard error. */
    record Pusher(int index, int code, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("pusher " + index + " printed no JSON: " + out + err, e);
            }
        }
    }

    @Test
    void thirtyTwoPushersOnDisjointPathsOfOneBranchAllLand(Emulator bb) throws Exception {
        int n = 32;
        String before = EmulatorRepo.head(bb, "main").orElseThrow();
        List<List<String>> args = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Path dir = Files.createDirectories(tmp.resolve("in" + k));
            Files.writeString(dir.resolve("main.tf"), "# pusher " + k + "\n");
            args.add(List.of("push", dir.toString(), "--repo", "acme/infra", "--to", "conc/a" + k));
        }

        List<Pusher> done;
        Map<Integer, Integer> answers;
        try (SrcAnswers counted = new SrcAnswers(bb)) {
            done = runTogether(bb, args);
            answers = counted.finish();
        }

        // Every commit's 201 was counted (nothing missed), and they raced: some commit requests lost with 409.
        assertThat(answers.getOrDefault(201, 0))
                .as("201 answers to POST /src: %s", answers)
                .isEqualTo(n);
        assertThat(answers.getOrDefault(409, 0))
                .as("409 answers to POST /src: %s", answers)
                .isPositive();
        for (Pusher p : done) {
            assertThat(p.code()).as("pusher %d: %s", p.index(), p.err()).isZero();
            assertThat(p.json().path("status").asText()).isEqualTo("committed");
        }
        List<RevCommit> landed = commitsSince(bb, before);
        assertThat(landed).hasSize(n);
        Set<String> shas = new HashSet<>();
        landed.forEach(c -> shas.add(c.name()));
        assertThat(done)
                .allSatisfy(
                        p -> assertThat(shas).contains(p.json().path("commit").asText()));
        Map<String, EmulatorRepo.TreeFile> files = EmulatorRepo.tree(bb, "main");
        for (int k = 0; k < n; k++) {
            assertThat(files.get("conc/a" + k + "/main.tf").text()).isEqualTo("# pusher " + k + "\n");
        }
        assertFsckClean(bb);
        report("32 disjoint pushers", answers, done);
    }

    @Test
    void eightPushersOnTheSamePathEachLandOrConflictAndTheLastLandedContentWins(Emulator bb) throws Exception {
        int n = 8;
        String before = EmulatorRepo.head(bb, "main").orElseThrow();
        List<List<String>> args = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Path dir = Files.createDirectories(tmp.resolve("same" + k));
            Files.writeString(dir.resolve("same.tf"), "# writer " + k + "\n");
            args.add(List.of("push", dir.toString(), "--repo", "acme/infra", "--to", "conc/same"));
        }

        List<Pusher> done;
        Map<Integer, Integer> answers;
        try (SrcAnswers counted = new SrcAnswers(bb)) {
            done = runTogether(bb, args);
            answers = counted.finish();
        }

        List<Pusher> won = done.stream().filter(p -> p.code() == 0).toList();
        for (Pusher p : done) {
            assertThat(p.code()).as("pusher %d: %s", p.index(), p.err()).isIn(0, 4);
            if (p.code() == 4) {
                assertThat(p.json().path("error").path("paths").toString()).contains("conc/same/same.tf");
            }
        }
        assertThat(won).isNotEmpty();
        List<RevCommit> landed = commitsSince(bb, before);
        assertThat(landed).hasSize(won.size());
        String head = EmulatorRepo.head(bb, "main").orElseThrow();
        Pusher last = won.stream()
                .filter(p -> p.json().path("commit").asText().equals(head))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the head " + head + " is no exit-0 push's commit"));
        assertThat(EmulatorRepo.tree(bb, "main").get("conc/same/same.tf").text())
                .isEqualTo("# writer " + last.index() + "\n");
        // A 409 here always means an overlap (every push writes the same file), so each loser got exactly one.
        assertThat(answers.getOrDefault(201, 0)).as("%s", answers).isEqualTo(won.size());
        assertThat(answers.getOrDefault(409, 0)).as("%s", answers).isEqualTo(n - won.size());
        assertFsckClean(bb);
        report("8 pushers, same path", answers, done);
    }

    /** Starts every command line as its own {@code java} process at once, then waits for all of them. */
    private List<Pusher> runTogether(Emulator bb, List<List<String>> commands) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<Process> started = new ArrayList<>();
        List<Path> outs = new ArrayList<>();
        List<Path> errs = new ArrayList<>();
        try {
            for (int k = 0; k < commands.size(); k++) {
                List<String> cmd = new ArrayList<>(List.of(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xmx128m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName()));
                cmd.addAll(commands.get(k));
                cmd.add("--json");
                ProcessBuilder pb = new ProcessBuilder(cmd);
                Map<String, String> env = pb.environment();
                env.keySet()
                        .removeIf(name -> name.startsWith("BBPUSH_")
                                || name.startsWith("BITBUCKET_")
                                || name.startsWith("ATLASSIAN_"));
                env.putAll(EmulatorRepo.env(bb));
                env.put("HOME", home.toString());
                outs.add(tmp.resolve("out" + k + ".json"));
                errs.add(tmp.resolve("err" + k + ".txt"));
                pb.redirectOutput(outs.get(k).toFile())
                        .redirectError(errs.get(k).toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
                started.add(pb.start());
            }
            List<Pusher> done = new ArrayList<>();
            for (int k = 0; k < started.size(); k++) {
                Process p = started.get(k);
                assertThat(p.waitFor(10, TimeUnit.MINUTES))
                        .as("pusher %d finished", k)
                        .isTrue();
                done.add(new Pusher(k, p.exitValue(), Files.readString(outs.get(k)), Files.readString(errs.get(k))));
            }
            return done;
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    /** The commits on main that {@code before} does not have, newest first. */
    private static List<RevCommit> commitsSince(Emulator bb, String before) throws IOException {
        try (Repository r = EmulatorRepo.bare(bb);
                RevWalk rw = new RevWalk(r)) {
            rw.markStart(rw.parseCommit(r.resolve("refs/heads/main")));
            rw.markUninteresting(rw.parseCommit(ObjectId.fromString(before)));
            List<RevCommit> out = new ArrayList<>();
            rw.forEach(out::add);
            return out;
        }
    }

    /** {@code git fsck --strict} on the emulator's bare repository, with the real git CLI. */
    private static void assertFsckClean(Emulator bb) throws Exception {
        Path gitDir = bb.dataDir().resolve("repositories/acme/infra.git");
        Process p = new ProcessBuilder(
                        "git", "--git-dir=" + gitDir, "fsck", "--strict", "--no-dangling", "--no-progress")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).as("git fsck output").isBlank();
    }

    /** Prints the outcome counts and the emulator's answers to POST …/src (in the test's output file). */
    private static void report(String what, Map<Integer, Integer> answers, List<Pusher> done) {
        long exit0 = done.stream().filter(p -> p.code() == 0).count();
        System.out.println(what + ": exit 0 = " + exit0 + ", exit 4 = " + (done.size() - exit0)
                + ", answers to POST /src by status = " + answers);
    }

    /**
     * Counts the emulator's answers to {@code POST …/src} by status while the children run: a thread takes each
     * completed request from the journal ({@code takeRequest}) as it completes, so none falls out of the journal's
     * 1,000-entry window.
     */
    private static final class SrcAnswers implements AutoCloseable {
        private final Emulator bb;
        private final Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        private final Thread taker;
        private volatile boolean stop;

        SrcAnswers(Emulator bb) {
            this.bb = bb;
            bb.journal().clear();
            taker = new Thread(
                    () -> {
                        try {
                            while (!stop) {
                                take(Duration.ofMillis(100));
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "src-answers");
            taker.setDaemon(true);
            taker.start();
        }

        /** Takes one completed request, if one completes within {@code wait}; false when none did. */
        private boolean take(Duration wait) throws InterruptedException {
            JournalEntry e = bb.journal().takeRequest(wait);
            if (e == null) {
                return false;
            }
            if (e.method().equals("POST") && e.path().endsWith("/src")) {
                byStatus.merge(e.status(), 1, Integer::sum);
            }
            return true;
        }

        /** After every child exited: the requests still completing are taken too, then the counts. */
        Map<Integer, Integer> finish() throws InterruptedException {
            stop = true;
            taker.join();
            while (take(Duration.ofMillis(500))) {
                // drain
            }
            return Map.copyOf(byStatus);
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            taker.join();
        }
    }
}
