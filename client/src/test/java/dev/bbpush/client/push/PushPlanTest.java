package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.commitCount;
import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans and single commits through the emulator: what changes, what does not, and what lands. */
@BitbucketEmulatorTest(world = "demo")
class PushPlanTest {

    @Test
    void binaryFileLandsByteForByte(Emulator bb) throws Exception {
        byte[] blob = new byte[300_000];
        new Random(7).nextBytes(blob);
        blob[10] = 0;
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .addBytes("assets/logo.bin", blob, FileMode.REGULAR)
                        .build()) {
            PushFixture.Events events = new PushFixture.Events();
            PushResult r = new Pusher(client)
                    .push(request(changes).message("Add logo").listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.plan().added()).containsExactly("assets/logo.bin");
            assertThat(tree(bb, "main").get("assets/logo.bin").content()).isEqualTo(blob);
            assertThat(r.commitUrl())
                    .contains(bb.baseUrl() + "/acme/infra/commits/" + r.commit().orElseThrow());
            var uploads = events.of(PushEvent.Uploading.class);
            assertThat(uploads.get(0).sentBytes()).isZero();
            assertThat(uploads.get(uploads.size() - 1).sentBytes())
                    .isEqualTo(uploads.get(0).totalBytes())
                    .isGreaterThan(blob.length);
        }
    }

    @Test
    void thousandFilesLandInExactlyOneCommit(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        var builder = ChangeSet.builder();
        for (int i = 0; i < 1000; i++) {
            builder.addText(String.format("live/mod%02d/file%04d.tf", i % 10, i), "# file " + i + "\n");
        }
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = builder.build()) {
            PushResult r = new Pusher(client).push(request(changes).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.plan().added()).hasSize(1000);
            assertThat(r.commitAttempts()).isEqualTo(1);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.keySet().stream().filter(p -> p.startsWith("live/")))
                    .hasSize(1000);
            assertThat(files.get("live/mod07/file0997.tf").text()).isEqualTo("# file 997\n");
            // The plan read the remote side over Git: a fixed number of requests, whatever the number of files.
            assertThat(r.requests().git()).isEqualTo(2);
            assertThat(r.requests().rest()).isEqualTo(1);
        }
    }

    @Test
    void executableAndSymlinkModesLandAndModeChangesCountAsModified(Emulator bb, @TempDir Path dir) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .addBytes("bin/deploy.sh", "#!/bin/sh\necho hi\n".getBytes(), FileMode.EXECUTABLE)
                        .addBytes("current", "live/main.tf".getBytes(), FileMode.SYMLINK)
                        // plan.sh is executable in the world; the same content as a regular file is a mode change
                        .addBytes(
                                "scripts/plan.sh",
                                tree(bb, "main").get("scripts/plan.sh").content(),
                                FileMode.REGULAR)
                        .build()) {
            PushResult r = new Pusher(client).push(request(changes).build());

            assertThat(r.plan().added()).containsExactly("bin/deploy.sh", "current");
            assertThat(r.plan().modified()).containsExactly("scripts/plan.sh");
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.get("bin/deploy.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
            assertThat(files.get("current").mode()).isEqualTo(FileMode.SYMLINK);
            assertThat(files.get("current").text()).isEqualTo("live/main.tf");
            assertThat(files.get("scripts/plan.sh").mode()).isEqualTo(FileMode.REGULAR);
        }
        // A local directory walk: the executable bit and a relative symlink are taken from the file system.
        Path src = Files.createDirectories(dir.resolve("tools"));
        Path run = Files.writeString(src.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(src.resolve("latest"), Path.of("run.sh"));
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes =
                        ChangeSet.builder().addDirectory(src, "tools").build()) {
            new Pusher(client).push(request(changes).build());
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.get("tools/run.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
            assertThat(files.get("tools/latest").mode()).isEqualTo(FileMode.SYMLINK);
        }
    }

    @Test
    void mirrorModeDeletesRemoteFilesMissingLocallyUnderThePrefixOnly(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = PushFixture.texts(Map.of(
                        "live/a.tf", "a\n", "live/b.tf", "b\n", "live/sub/c.tf", "c\n", "other/keep.tf", "keep\n"))) {
            new Pusher(client).push(request(seed).build());
        }
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet local = PushFixture.texts(Map.of("live/a.tf", "a2\n"))) {
            PushResult r = new Pusher(client).push(request(local).mirror("live").build());

            assertThat(r.plan().modified()).containsExactly("live/a.tf");
            assertThat(r.plan().deleted()).containsExactly("live/b.tf", "live/sub/c.tf");
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files)
                    .containsKeys("live/a.tf", "other/keep.tf", "main.tf")
                    .doesNotContainKeys("live/b.tf", "live/sub/c.tf");
        }
    }

    @Test
    void gitPlanReadsOnlyThePushedPathsYetSeesDeletedDirectoriesAndUnchangedNeighbours(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = PushFixture.texts(Map.of(
                        "mods/a/x.tf", "x\n", "mods/a/y.tf", "y\n", "mods/b/z.tf", "z\n", "mods/b/w.tf", "w\n"))) {
            new Pusher(client).push(request(seed).build());
        }
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .addText("mods/b/z.tf", "z\n")
                        .addText("mods/b/w.tf", "w2\n")
                        .addText("mods/c/new.tf", "n\n")
                        .delete("mods/a")
                        .delete("mods/gone.tf")
                        .build()) {
            PushResult r = new Pusher(client).push(request(changes).dryRun(true).build());

            assertThat(r.plan().source()).isEqualTo(PlanSource.GIT);
            assertThat(r.plan().added()).containsExactly("mods/c/new.tf");
            assertThat(r.plan().modified()).containsExactly("mods/b/w.tf");
            assertThat(r.plan().deleted()).containsExactly("mods/a");
            assertThat(r.plan().unchanged()).isEqualTo(2); // mods/b/z.tf, and deleting the missing mods/gone.tf
        }
    }

    @Test
    void secondIdenticalPushIsUnchangedAndSendsNoCommitAndNoRestRequest(Emulator bb) throws Exception {
        Map<String, String> files = Map.of("live/a.tf", "a\n", "live/b.tf", "b\n");
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(files)) {
            new Pusher(client).push(request(changes).build());
        }
        int commits = commitCount(bb, "main");
        bb.journal().clear();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(files)) {
            PushResult r = new Pusher(client).push(request(changes).build());

            assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
            assertThat(r.commit()).isEmpty();
            assertThat(r.plan().unchanged()).isEqualTo(2);
            assertThat(r.plan().hasChanges()).isFalse();
            assertThat(commitCount(bb, "main")).isEqualTo(commits);
            assertThat(PushFixture.srcPosts(bb)).isZero();
            // The head lookup is the Git advertisement; no REST request at all.
            assertThat(PushFixture.rest(bb)).isEmpty();
            assertThat(r.requests().rest()).isZero();
            assertThat(PushFixture.git(bb)).hasSize(r.requests().git());
        }
    }

    @Test
    void dryRunPlansWithoutWriting(Emulator bb) throws Exception {
        int commits = commitCount(bb, "main");
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("main.tf", "changed\n", "new.tf", "n\n"))) {
            PushResult r = new Pusher(client).push(request(changes).dryRun(true).build());

            assertThat(r.status()).isEqualTo(PushStatus.DRY_RUN);
            assertThat(r.plan().added()).containsExactly("new.tf");
            assertThat(r.plan().modified()).containsExactly("main.tf");
            assertThat(PushFixture.srcPosts(bb)).isZero();
            assertThat(commitCount(bb, "main")).isEqualTo(commits);
        }
    }

    @Test
    void emptyRepositoryGetsARootCommit(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("main.tf", "root\n"))) {
            PushResult r = new Pusher(client)
                    .push(PushRequest.builder()
                            .repository("acme", "empty")
                            .changes(changes)
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.plan().head()).isEmpty();
            assertThat(r.plan().added()).containsExactly("main.tf");
            try (var repo = PushFixture.bare(bb, "empty");
                    var rw = new RevWalk(repo)) {
                var c = rw.parseCommit(repo.resolve("refs/heads/main"));
                assertThat(c.getParentCount()).isZero();
                assertThat(c.name()).isEqualTo(r.commit().orElseThrow());
            }
        }
    }
}
