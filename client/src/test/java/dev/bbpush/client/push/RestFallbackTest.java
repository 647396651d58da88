package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.FileMode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;

/** When Git smart HTTP is unavailable the plan reads the REST listing; its cost is the one docs/push.md gives. */
@BitbucketEmulatorTest(world = "demo")
class RestFallbackTest {
    private static final int FILES = 150;
    private static final int BIG = 8 << 20;

    private static Map<String, String> seedFiles() {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < FILES; i++) {
            files.put(String.format("live/f%03d.tf", i), "value = " + (1000 + i) + "\n");
        }
        return files;
    }

    private static void gitDown(Emulator bb) throws Exception {
        bb.faults().add(Fault.onAnyMethod("\\.git/").respond(503));
    }

    @Test
    void gitUnavailableFallsBackToRestListingWithDocumentedRequestCount(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = PushFixture.texts(seedFiles())) {
            new Pusher(client).push(request(seed).branch("main").build());
        }
        Map<String, String> local = seedFiles();
        local.put("live/f000.tf", "value = 1000 # longer now\n"); // size differs: modified without a download
        local.put("live/f001.tf", "value = 9001\n"); // same size, other content: hashed, modified
        local.put("live/new.tf", "new\n"); // added
        gitDown(bb);
        bb.journal().clear();
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(local)) {
            PushResult r = new Pusher(client)
                    .push(request(changes).branch("main").listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.plan().source()).isEqualTo(PlanSource.REST);
            assertThat(r.plan().added()).containsExactly("live/new.tf");
            assertThat(r.plan().modified()).containsExactly("live/f000.tf", "live/f001.tf");
            assertThat(r.plan().unchanged()).isEqualTo(FILES - 2);
            assertThat(events.of(PushEvent.PlanFallback.class)).hasSize(1);
            // docs/push.md: 1 branch lookup + ceil(entries/100) listing pages + one raw GET per same-size candidate
            // (N - size-changed) + 1 POST. Here: 1 + 2 + 149 + 1.
            int expected = 1 + 2 + (FILES - 1) + 1;
            assertThat(r.requests().rest()).isEqualTo(expected);
            assertThat(PushFixture.rest(bb)).hasSize(expected);
            assertThat(r.requests().git()).isEqualTo(PushFixture.git(bb).size()).isEqualTo(1);
            assertThat(tree(bb, "main").get("live/f001.tf").text()).isEqualTo("value = 9001\n");
        }
    }

    @Test
    void restPlanSeesModeChangesAndMirrorDeletes(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = PushFixture.texts(Map.of("live/a.sh", "#!/bin/sh\n", "live/gone.tf", "g\n"))) {
            new Pusher(client).push(request(seed).build());
        }
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = ChangeSet.builder()
                        .addBytes("live/a.sh", "#!/bin/sh\n".getBytes(), FileMode.EXECUTABLE)
                        .build()) {
            PushResult r = new Pusher(client)
                    .push(request(changes)
                            .mirror("live")
                            .planSource(PlanSource.REST)
                            .build());

            assertThat(r.plan().modified()).containsExactly("live/a.sh");
            assertThat(r.plan().deleted()).containsExactly("live/gone.tf");
            assertThat(tree(bb, "main").get("live/a.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
            assertThat(tree(bb, "main")).doesNotContainKey("live/gone.tf");
        }
    }

    @Test
    void largeSameSizeRemoteFileIsHashedAsItStreamsNotLoadedWhole(Emulator bb) throws Exception {
        byte[] big = new byte[BIG];
        new Random(42).nextBytes(big);
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = ChangeSet.builder()
                        .addBytes("live/big.bin", big, FileMode.REGULAR)
                        .build()) {
            new Pusher(client).push(request(seed).build());
        }
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet same = ChangeSet.builder()
                        .addBytes("live/big.bin", big.clone(), FileMode.REGULAR)
                        .build()) {
            Pusher pusher = new Pusher(client);
            PushRequest push = request(same).planSource(PlanSource.REST).build();
            pusher.push(push); // warm up: class loading and connection setup are not what is measured
            bb.journal().clear();

            long before = allocatedByThisThread();
            PushResult r = pusher.push(push);
            long allocated = allocatedByThisThread() - before;

            assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
            assertThat(r.plan().unchanged()).isEqualTo(1);
            assertThat(PushFixture.rest(bb))
                    .anySatisfy(e -> assertThat(e.path()).endsWith("/live/big.bin"));
            // Buffering the raw body would allocate at least the file's size on this thread (local hashing runs on its
            // own thread); streaming allocates only read buffers.
            assertThat(allocated).isLessThan(BIG);
        }
        big[BIG / 2] ^= 1; // same size, one bit flipped
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changed = ChangeSet.builder()
                        .addBytes("live/big.bin", big, FileMode.REGULAR)
                        .build()) {
            PushResult r = new Pusher(client)
                    .push(request(changed)
                            .planSource(PlanSource.REST)
                            .dryRun(true)
                            .build());

            assertThat(r.plan().modified()).containsExactly("live/big.bin");
        }
    }

    @Test
    void streamedRawFileReadIsRetriedAfterTheConnectionDies(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet seed = PushFixture.texts(Map.of("live/a.tf", "a = 1\n"))) {
            new Pusher(client).push(request(seed).build());
        }
        // The raw GET is answered, then the connection is reset: the client saw no complete body.
        bb.faults().add(Fault.on("GET", "/src/[0-9a-f]+/live/a\\.tf$").times(1).commitThenReset());
        bb.journal().clear();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet same = PushFixture.texts(Map.of("live/a.tf", "a = 1\n"))) {
            PushResult r = new Pusher(client)
                    .push(request(same).planSource(PlanSource.REST).build());

            assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
            assertThat(bb.faults().list()).as("the fault was used").isEmpty();
            assertThat(PushFixture.rest(bb))
                    .filteredOn(e -> e.path().endsWith("/live/a.tf"))
                    .hasSize(2);
        }
    }

    @Test
    void remoteBodyOfAnotherLengthThanListedIsNotTheSameFile() throws Exception {
        byte[] content = "value = 1\n".getBytes(StandardCharsets.UTF_8);
        ObjectId id = new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content);

        assertThat(RestCalls.blobIdOf(new ByteArrayInputStream(content), content.length))
                .contains(id);
        assertThat(RestCalls.blobIdOf(new ByteArrayInputStream(content), content.length + 1))
                .isEmpty();
        assertThat(RestCalls.blobIdOf(new ByteArrayInputStream(content), content.length - 1))
                .isEmpty();
    }

    private static long allocatedByThisThread() {
        return ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void gitOnlyPlanFailsClearlyWhenGitIsDown(Emulator bb) throws Exception {
        gitDown(bb);
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/x.tf", "x\n"))) {
            assertThatThrownBy(() -> new Pusher(client)
                            .push(request(changes).planSource(PlanSource.GIT).build()))
                    .isInstanceOf(PushRefusedException.class)
                    .hasMessageContaining("Git smart HTTP is unavailable");
            assertThat(PushFixture.srcPosts(bb)).isZero();
        }
    }
}
