package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.commitCount;
import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.RecordingSleeper;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.HttpListener;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.control.Hold;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exactly-once commit protocol: 409s, lost responses, 5xx and 429s, through the emulator's faults. */
@BitbucketEmulatorTest(world = "demo")
class CommitProtocolTest {

    /** Another writer commits {@code path} on main through REST (no parents: lands on the tip). */
    private static void otherWriterCommits(Emulator bb, String path, String content) {
        try (BitbucketClient other = PushFixture.rahul(bb)) {
            String form = "message=other+writer&branch=main&" + URLEncoder.encode("/" + path, StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(content, StandardCharsets.UTF_8);
            int status = other.http()
                    .exchange(Request.postForm(other.endpoint("repositories", "acme", "infra", "src"), form)
                            .build())
                    .status();
            assertThat(status).isEqualTo(201);
        }
    }

    private static PushListener onPlanReady(Runnable action, PushFixture.Events events) {
        return e -> {
            events.onEvent(e);
            if (e instanceof PushEvent.PlanReady) {
                action.run();
            }
        };
    }

    @Test
    void retriesAfter409WhenTouchedPathsUnchanged(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushResult r = new Pusher(client)
                    .push(request(changes)
                            .listener(onPlanReady(() -> otherWriterCommits(bb, "other/theirs.tf", "theirs\n"), events))
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(2);
            assertThat(events.of(PushEvent.Retrying.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PushEvent.Reason.BRANCH_MOVED));
            assertThat(commitCount(bb, "main")).isEqualTo(before + 2);
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.get("live/ours.tf").text()).isEqualTo("ours\n");
            assertThat(files.get("other/theirs.tf").text()).isEqualTo("theirs\n");
            assertThat(PushFixture.commit(bb, r.commit().orElseThrow())
                            .getParent(0)
                            .name())
                    .isEqualTo(r.plan().head().orElseThrow());
        }
    }

    @Test
    void conflictWhenConcurrentCommitTouchedOurPath(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n", "live/x.tf", "x\n"))) {
            PushRequest req = request(changes)
                    .listener(onPlanReady(
                            () -> otherWriterCommits(bb, "live/ours.tf", "theirs\n"), new PushFixture.Events()))
                    .build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(PushConflictException.class, e -> {
                        assertThat(e.paths()).containsExactly("live/ours.tf");
                        assertThat(e.branch()).isEqualTo("main");
                        assertThat(e.getMessage()).contains("live/ours.tf").contains("Nothing was committed");
                    });
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.get("live/ours.tf").text()).isEqualTo("theirs\n");
            assertThat(files).doesNotContainKey("live/x.tf");
        }
    }

    @Test
    void lostResponseAfterCommitIsRecoveredAsExactlyOneCommit(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        bb.faults().add(Fault.on("POST", "/src$").times(1).commitThenReset());
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/once.tf", "once\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(r.commit()).isEqualTo(PushFixture.head(bb, "main"));
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(1);
            assertThat(events.of(PushEvent.CommitCreated.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.recovered()).isTrue());
            assertThat(PushFixture.commit(bb, r.commit().orElseThrow()).getFullMessage())
                    .contains("Bbpush-Change-Id: " + r.changeId());
        }
    }

    @Test
    void serverErrorOnCommitRereadsHeadAndRetriesOnce(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        bb.faults().add(Fault.on("POST", "/src$").times(1).respond(500));
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/five.tf", "5\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(2);
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(events.of(PushEvent.Retrying.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PushEvent.Reason.SERVER_ERROR));
        }
    }

    @Test
    void ourOwnSlowCommitAnswering409IsReportedAsCommitted(Emulator bb) throws Exception {
        // The order, step by step, with no race against a delay:
        // 1. attempt 1 is held by the emulator before it is handled, so the client's read timeout fires (it waits as
        //    long as it takes: the hold lasts until released);
        // 2. the client reads the head: still H, as attempt 1 has not been handled, so it sends attempt 2;
        // 3. just before attempt 2 goes out, the listener releases attempt 1 and waits until the emulator has finished
        //    it: our commit C1 has landed on H;
        // 4. attempt 2 (parents=H) gets 409; the commits H..C1 carry our change id, so the push is committed,
        // recovered.
        int before = commitCount(bb, "main");
        Hold firstPost =
                bb.faults().add(Fault.on("POST", "/src$").times(1).hold()).hold();
        AtomicInteger posts = new AtomicInteger();
        HttpListener landFirstPostBeforeTheSecond = e -> {
            if (e instanceof HttpEvent.RequestSent s
                    && s.method().equals("POST")
                    && s.uri().getPath().endsWith("/src")
                    && posts.incrementAndGet() == 2) {
                assertThat(firstPost.held())
                        .as("attempt 1 is still held when attempt 2 is sent")
                        .isEqualTo(1);
                firstPost.release();
                awaitFinished(firstPost);
            }
        };
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .readTimeout(Duration.ofMillis(300))
                        .listener(landFirstPostBeforeTheSecond)
                        .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/slow.tf", "slow\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2);
            assertThat(bb.journal().entries())
                    .filteredOn(x -> x.method().equals("POST") && x.path().endsWith("/src"))
                    .extracting(x -> x.status())
                    .containsExactly(201, 409);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(r.commit()).isEqualTo(PushFixture.head(bb, "main"));
            assertThat(events.of(PushEvent.CommitCreated.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.recovered()).isTrue());
        }
    }

    /** Waits until the emulator has finished the released first {@code POST /src}, its commit included. */
    private static void awaitFinished(Hold firstPost) {
        try {
            if (!firstPost.awaitFinished(Duration.ofSeconds(30))) {
                throw new AssertionError("the first POST never completed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void lostResponseOfRootCommitInEmptyRepositoryIsRecoveredWithoutSecondPost(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("POST", "/empty/src$").times(1).commitThenReset());
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/root.tf", "root\n"))) {
            PushResult r = new Pusher(client)
                    .push(PushRequest.builder()
                            .repository("acme", "empty")
                            .changes(changes)
                            .branch("main")
                            .listener(events)
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            // One POST (the journal may not yet list a reset request, so the push's own count is asserted).
            assertThat(r.commitAttempts()).isEqualTo(1);
            assertThat(events.of(PushEvent.CommitCreated.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.recovered()).isTrue());
            try (var repo = PushFixture.bare(bb, "empty");
                    var rw = new RevWalk(repo)) {
                var head = rw.parseCommit(repo.resolve("refs/heads/main"));
                assertThat(head.name()).isEqualTo(r.commit().orElseThrow());
                assertThat(head.getParentCount()).isZero();
            }
        }
    }

    @Test
    void emptyRepositoryCreatedByAnotherWriterAfterUnknownOutcomeIsNotResentButReportedUnknown(Emulator bb)
            throws Exception {
        // Our root POST gets a 500 (outcome unknown); before we read the branch, another writer makes the first commit.
        // A root commit has no parents guard, so re-sending could commit twice: the push must stop, outcome unknown.
        bb.faults().add(Fault.on("POST", "/empty/src$").times(1).respond(500));
        AtomicBoolean posted = new AtomicBoolean();
        AtomicBoolean otherDone = new AtomicBoolean();
        HttpListener hook = e -> {
            if (e instanceof HttpEvent.RequestSent s) {
                if (s.method().equals("POST")) {
                    posted.set(true);
                } else if (posted.get()
                        && s.uri().getPath().endsWith("/refs/branches/main")
                        && !otherDone.getAndSet(true)) {
                    try (BitbucketClient other = PushFixture.rahul(bb)) {
                        assertThat(other.http()
                                        .exchange(Request.postForm(
                                                        other.endpoint("repositories", "acme", "empty", "src"),
                                                        "message=first&branch=main&%2Ftheirs.tf=theirs")
                                                .build())
                                        .status())
                                .isEqualTo(201);
                    }
                }
            }
        };
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .listener(hook)
                        .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/root.tf", "root\n"))) {
            PushRequest req = PushRequest.builder()
                    .repository("acme", "empty")
                    .changes(changes)
                    .branch("main")
                    .build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(
                            PushOutcomeUnknownException.class,
                            e -> assertThat(e.getMessage()).contains("created by another commit"));
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2); // ours (500) and the other writer's
        }
    }

    @Test
    void commitAttemptsAfterServerErrorsAreSpacedByTheRetryBackoff(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("POST", "/src$").times(2).respond(500));
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .retryPolicy(RetryPolicy.builder()
                                .clock(clock)
                                .sleeper(sleeper)
                                .build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/spaced.tf", "s\n"))) {
            PushResult r = new Pusher(client).push(request(changes).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(3);
            // Jittered exponential backoff: attempt n waits in [b/2, b], b = 500 ms * 2^(n-1).
            assertThat(sleeper.sleeps()).hasSize(2);
            assertThat(sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
            assertThat(sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void rateLimitedCommitWaitsForRetryAfterThenCommitsOnce(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("POST", "/src$").times(1).rateLimit(Duration.ofSeconds(7)));
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        PushFixture.Events events = new PushFixture.Events();
        int before = commitCount(bb, "main");
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .retryPolicy(RetryPolicy.builder()
                                .clock(clock)
                                .sleeper(sleeper)
                                .build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/rl429.tf", "x\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(events.of(PushEvent.Retrying.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo(PushEvent.Reason.RATE_LIMITED));
        }
    }

    @Test
    void localFileChangingDuringUploadFailsAsLocalErrorWithoutResending(Emulator bb, @TempDir Path tmp)
            throws Exception {
        int before = commitCount(bb, "main");
        Path f = Files.writeString(tmp.resolve("shrinks.tf"), "0123456789\n");
        PushFixture.Events events = new PushFixture.Events();
        PushListener shrinkAfterPlan = e -> {
            events.onEvent(e);
            if (e instanceof PushEvent.PlanReady) {
                try {
                    Files.writeString(f, "012\n");
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
        };
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes =
                        ChangeSet.builder().addFile(f, "live/shrinks.tf").build()) {
            PushRequest req = request(changes).listener(shrinkAfterPlan).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(LocalContentException.class, e -> {
                        assertThat(e.repoPath()).contains("live/shrinks.tf");
                        assertThat(e.source()).isEqualTo(f.toString());
                        assertThat(e.getMessage())
                                .contains("changed while uploading")
                                .contains("Nothing was committed");
                    });
            assertThat(PushFixture.srcPosts(bb)).isLessThanOrEqualTo(1);
            assertThat(commitCount(bb, "main")).isEqualTo(before);
            assertThat(events.of(PushEvent.Retrying.class)).isEmpty();
        }
    }

    @Test
    void listenerThrowingDuringUploadDoesNotHideTheCommit(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        PushListener throwing = e -> {
            if (e instanceof PushEvent.Uploading || e instanceof PushEvent.CommitCreated) {
                throw new IllegalStateException("listener bug");
            }
        };
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/listener.tf", "l\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(throwing).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(1);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(r.commit()).isEqualTo(PushFixture.head(bb, "main"));
        }
    }

    @Test
    void connectionResetBeforeCommitIsRetriedSafely(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        bb.faults().add(Fault.on("POST", "/src$").times(1).resetBefore());
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(Map.of("live/reset.tf", "r\n"))) {
            PushResult r = new Pusher(client).push(request(changes).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(tree(bb, "main").get("live/reset.tf").text()).isEqualTo("r\n");
        }
    }

    @Test
    void rateLimitStormOnReadsIsWaitedOut(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("GET", "^/2.0/repositories/").times(3).rateLimit(Duration.ofSeconds(1)));
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .retryPolicy(RetryPolicy.builder()
                                .clock(clock)
                                .sleeper(sleeper)
                                .build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/rl.tf", "rl\n"))) {
            PushResult r = new Pusher(client)
                    .push(request(changes).planSource(PlanSource.REST).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(sleeper.sleeps())
                    .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
            assertThat(tree(bb, "main").get("live/rl.tf").text()).isEqualTo("rl\n");
        }
    }

    @Test
    void attemptsAreBoundedWhenTheServerKeepsFailing(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        bb.faults().add(Fault.on("POST", "/src$").respond(503));
        try (BitbucketClient client = BitbucketClient.builder()
                        .apiUrl(bb.apiUrl())
                        .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                        .retryPolicy(RetryPolicy.builder()
                                .maxAttempts(3)
                                .sleeper(d -> {})
                                .build())
                        .build();
                ChangeSet changes = PushFixture.texts(Map.of("live/never.tf", "n\n"))) {
            assertThatThrownBy(() -> new Pusher(client).push(request(changes).build()))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(3);
            assertThat(commitCount(bb, "main")).isEqualTo(before);
        }
    }

    /**
     * A client whose waits only move {@code clock}, whose jitter is fixed at {@code jitter}, and which lets another
     * writer commit the path {@code otherPath.apply(n)} just before our {@code n}th commit request leaves (null: none).
     */
    private static BitbucketClient racedClient(
            Emulator bb, MutableClock clock, RecordingSleeper sleeper, double jitter, IntFunction<String> otherPath) {
        AtomicInteger posts = new AtomicInteger();
        HttpListener otherWriterFirst = e -> {
            if (e instanceof HttpEvent.RequestSent s
                    && s.method().equals("POST")
                    && s.uri().getPath().endsWith("/src")) {
                int n = posts.incrementAndGet();
                String path = otherPath.apply(n);
                if (path != null) {
                    otherWriterCommits(bb, path, "theirs " + n + "\n");
                }
            }
        };
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                .listener(otherWriterFirst)
                .retryPolicy(RetryPolicy.builder()
                        .clock(clock)
                        .sleeper(sleeper)
                        .random(() -> jitter)
                        .build())
                .build();
    }

    @Test
    void waitsAGrowingJitteredTimeBetween409sOnOtherPathsThenLands(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        PushFixture.Events events = new PushFixture.Events();
        try (BitbucketClient client = racedClient(bb, clock, sleeper, 0.5, n -> n <= 3 ? "other/t" + n + ".tf" : null);
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushResult r =
                    new Pusher(client).push(request(changes).listener(events).build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(4);
            // Full jitter: a random share (fixed at 0.5 here) of a window of 100 ms doubling per 409 in a row.
            assertThat(sleeper.sleeps())
                    .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(events.of(PushEvent.Retrying.class))
                    .hasSize(3)
                    .allSatisfy(e -> assertThat(e.reason()).isEqualTo(PushEvent.Reason.BRANCH_MOVED));
            assertThat(commitCount(bb, "main")).isEqualTo(before + 4);
            Map<String, PushFixture.TreeFile> files = tree(bb, "main");
            assertThat(files.get("live/ours.tf").text()).isEqualTo("ours\n");
            assertThat(files.get("other/t3.tf").text()).isEqualTo("theirs 3\n");
            assertThat(r.commit()).isEqualTo(PushFixture.head(bb, "main"));
        }
    }

    @Test
    void branchThatKeepsMovingOnOtherPathsForTheWholeBudgetIsBusyNotAConflict(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = racedClient(bb, clock, sleeper, 0.99, n -> "other/busy" + n + ".tf");
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req =
                    request(changes).conflictTimeout(Duration.ofSeconds(10)).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(BranchBusyException.class, e -> {
                        // Waits of 99, 198, 396, 792, 1584, 3168 ms, then the last one cut to what is left of 10 s: 8
                        // POSTs.
                        assertThat(e.rejections()).isEqualTo(8);
                        assertThat(e.commitsLanded()).isEqualTo(8);
                        assertThat(e.budget()).isEqualTo(Duration.ofSeconds(10));
                        assertThat(e.getMessage())
                                .contains("Branch 'main' kept moving")
                                .contains("8 commits by other writers")
                                .contains("not a conflict")
                                .contains("Nothing was committed")
                                .contains("--conflict-timeout");
                    });
            assertThat(sleeper.sleeps())
                    .hasSize(7)
                    .allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(Duration.ofSeconds(5)));
            assertThat(sleeper.sleeps().stream().reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(Duration.ofSeconds(10));
            assertThat(commitCount(bb, "main")).isEqualTo(before + 8);
            assertThat(tree(bb, "main")).doesNotContainKey("live/ours.tf");
        }
    }

    @Test
    void overlapAfterSomeMovesOnOtherPathsIsAConflictNamingThePath(Emulator bb) throws Exception {
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = racedClient(
                        bb, clock, sleeper, 0.5, n -> n <= 2 ? "other/t" + n + ".tf" : n == 3 ? "live/ours.tf" : null);
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(
                            PushConflictException.class,
                            e -> assertThat(e.paths()).containsExactly("live/ours.tf"));
            assertThat(tree(bb, "main").get("live/ours.tf").text()).isEqualTo("theirs 3\n");
        }
    }

    @Test
    void zeroConflictBudgetSendsOnceAndReportsTheBusyBranch(Emulator bb) throws Exception {
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = racedClient(bb, clock, sleeper, 0.5, n -> "other/once" + n + ".tf");
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).conflictTimeout(Duration.ZERO).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(BranchBusyException.class, e -> {
                        assertThat(e.rejections()).isEqualTo(1);
                        assertThat(e.commitsLanded()).isEqualTo(1);
                    });
            assertThat(sleeper.sleeps()).isEmpty();
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2); // the other writer's and ours
        }
    }
}
