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
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.HttpListener;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.client.http.Sleeper;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the commit loop ends when retrying cannot go on: an interrupt while waiting, a 409 that is not a race, a read
 * that fails after an earlier unanswered attempt, and first commits racing in an empty repository.
 */
@BitbucketEmulatorTest(world = "demo")
class CommitRetryOutcomeTest {

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted(); // a failing assertion must not leave the flag set for the next test on this thread
    }

    /** Another writer commits {@code path} on {@code repo}'s main through REST (no parents: lands on the tip). */
    private static void otherWriterCommits(Emulator bb, String repo, String path, String content) {
        try (BitbucketClient other = PushFixture.rahul(bb)) {
            String form = "message=other+writer&branch=main&" + URLEncoder.encode("/" + path, StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(content, StandardCharsets.UTF_8);
            int status = other.http()
                    .exchange(Request.postForm(other.endpoint("repositories", "acme", repo, "src"), form)
                            .build())
                    .status();
            assertThat(status).isEqualTo(201);
        }
    }

    /** A client with the given retry policy that runs {@code beforePost.accept(n)} as our {@code n}th POST /src leaves. */
    private static BitbucketClient client(Emulator bb, RetryPolicy policy, IntConsumer beforePost) {
        AtomicInteger posts = new AtomicInteger();
        HttpListener hook = e -> {
            if (e instanceof HttpEvent.RequestSent s
                    && s.method().equals("POST")
                    && s.uri().getPath().endsWith("/src")) {
                beforePost.accept(posts.incrementAndGet());
            }
        };
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(PushFixture.EMAIL, bb.secret("rahul-api-token")))
                .listener(hook)
                .retryPolicy(policy)
                .build();
    }

    private static final Sleeper INTERRUPTED = d -> {
        throw new InterruptedException("test interrupt");
    };

    @Test
    void interruptWhileWaitingAfter409EndsAsInterruptedNotAsBusyBranch(Emulator bb) throws Exception {
        int before = commitCount(bb, "main");
        try (BitbucketClient client = client(
                        bb,
                        RetryPolicy.builder().sleeper(INTERRUPTED).build(),
                        n -> otherWriterCommits(bb, "infra", "other/t" + n + ".tf", "theirs\n"));
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(PushInterruptedException.class, e -> {
                        assertThat(e.nothingLanded()).isTrue();
                        assertThat(e.branch()).isEqualTo("main");
                        assertThat(e.getMessage())
                                .contains("interrupted while waiting to retry")
                                .contains("Nothing of this push was committed")
                                .doesNotContain("kept moving");
                        assertThat(e.getCause()).isInstanceOf(InterruptedException.class);
                    });
            assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();
            // One POST of ours (409) and the other writer's; no further attempt after the interrupt.
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2);
            assertThat(commitCount(bb, "main")).isEqualTo(before + 1);
            assertThat(tree(bb, "main")).doesNotContainKey("live/ours.tf");
        }
    }

    @Test
    void interruptWhileWaitingAfterAServerErrorDoesNotClaimNothingLanded(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("POST", "/src$").times(1).respond(503));
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(INTERRUPTED).build(), n -> {});
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(PushInterruptedException.class, e -> {
                        assertThat(e.nothingLanded()).isFalse();
                        assertThat(e.getMessage())
                                .contains("whether it landed is unknown")
                                .contains(e.changeId())
                                .doesNotContain("Nothing of this push was committed");
                    });
            assertThat(Thread.interrupted()).isTrue();
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(1);
        }
    }

    @Test
    void a409WhileTheHeadDoesNotMoveIsBoundedAndReportedAsTheServersConflict(Emulator bb) throws Exception {
        String head = PushFixture.head(bb, "main").orElseThrow();
        bb.faults().add(Fault.on("POST", "/src$").respond(409));
        MutableClock clock = MutableClock.atEpochPlusDays(0);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        try (BitbucketClient client = client(
                        bb,
                        RetryPolicy.builder()
                                .maxAttempts(3)
                                .clock(clock)
                                .sleeper(sleeper)
                                .random(() -> 0.5)
                                .build(),
                        n -> {});
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build(); // the default 2-minute conflict budget

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(UnexplainedConflictException.class, e -> {
                        assertThat(e).isInstanceOf(ConflictException.class);
                        assertThat(e.failure().status()).isEqualTo(409);
                        assertThat(e.rejections()).isEqualTo(3);
                        assertThat(e.head()).isEqualTo(head);
                    })
                    .hasMessageContaining("409 3 times in a row although the branch head stayed at " + head)
                    .hasMessageContaining("not a race with other writers")
                    .hasMessageContaining("Nothing of this push");
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(3);
            // The short 409 backoff only, nowhere near the 2-minute budget.
            assertThat(sleeper.sleeps())
                    .containsExactly(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200));
            assertThat(PushFixture.head(bb, "main")).contains(head);
        }
    }

    @Test
    void failedReadAfter409FollowingAnUnansweredAttemptIsAnUnknownOutcome(Emulator bb) throws Exception {
        // POST 1: 500 (the server may still be writing it); the head read shows nothing yet, so it is re-sent.
        // POST 2: another writer moved the branch first, so 409; then every read of the branch fails.
        bb.faults().add(Fault.on("POST", "/src$").times(1).respond(500));
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            if (n == 2) {
                                otherWriterCommits(bb, "infra", "other/moved.tf", "theirs\n");
                                bb.faults()
                                        .add(Fault.on("GET", "/refs/branches/main$")
                                                .respond(500));
                            }
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(PushOutcomeUnknownException.class, e -> {
                        assertThat(e.getMessage())
                                .contains("may or may not have landed")
                                .contains("409")
                                .contains("Bbpush-Change-Id: " + e.changeId());
                        assertThat(e.getCause()).isInstanceOf(ServerErrorException.class);
                    });
        }
    }

    @Test
    void failedDiffstatAfter409FollowingAnUnansweredAttemptIsAnUnknownOutcome(Emulator bb) throws Exception {
        bb.faults().add(Fault.on("POST", "/src$").times(1).respond(503));
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            if (n == 2) {
                                otherWriterCommits(bb, "infra", "other/moved.tf", "theirs\n");
                                bb.faults().add(Fault.on("GET", "/diffstat/").respond(500));
                            }
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(
                            PushOutcomeUnknownException.class,
                            e -> assertThat(e.getMessage()).contains("listing the other writers' changes failed"));
            assertThat(tree(bb, "main")).doesNotContainKey("live/ours.tf");
        }
    }

    @Test
    void failedReadAfter409WithNoEarlierUnansweredAttemptIsReportedAsItself(Emulator bb) throws Exception {
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            otherWriterCommits(bb, "infra", "other/moved.tf", "theirs\n");
                            bb.faults()
                                    .add(Fault.on("GET", "/refs/branches/main$").respond(500));
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/ours.tf", "ours\n"))) {
            PushRequest req = request(changes).build();

            assertThatThrownBy(() -> new Pusher(client).push(req)).isInstanceOf(ServerErrorException.class);
        }
    }

    @Test
    void firstCommitsOnDisjointPathsInAnEmptyRepositoryBothLand(Emulator bb) throws Exception {
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            if (n == 1) {
                                otherWriterCommits(bb, "empty", "theirs/first.tf", "theirs\n");
                            }
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/root.tf", "root\n"))) {
            PushResult r = new Pusher(client)
                    .push(PushRequest.builder()
                            .repository("acme", "empty")
                            .changes(changes)
                            .branch("main")
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            try (var repo = PushFixture.bare(bb, "empty");
                    var rw = new RevWalk(repo)) {
                var head = rw.parseCommit(repo.resolve("refs/heads/main"));
                assertThat(head.name()).isEqualTo(r.commit().orElseThrow());
                assertThat(head.getParentCount()).isEqualTo(1);
            }
        }
    }

    /**
     * Bitbucket has no guard for a root commit (reference §2.2), but should it answer 409 because another writer made the
     * first commit meanwhile (the emulator's fault stands in for that), the change to compare with is that writer's
     * whole tree: disjoint paths are rebased and sent again.
     */
    @Test
    void a409OnAnEmptyRepositoryFirstCommitOnDisjointPathsIsRebasedOnTheOtherWritersCommit(Emulator bb)
            throws Exception {
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            if (n == 1) {
                                otherWriterCommits(bb, "empty", "theirs/first.tf", "theirs\n");
                                bb.faults()
                                        .add(Fault.on("POST", "/empty/src$")
                                                .times(1)
                                                .respond(409));
                            }
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/root.tf", "root\n"))) {
            PushResult r = new Pusher(client)
                    .push(PushRequest.builder()
                            .repository("acme", "empty")
                            .changes(changes)
                            .branch("main")
                            .build());

            assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
            assertThat(r.commitAttempts()).isEqualTo(2);
            try (var repo = PushFixture.bare(bb, "empty");
                    var rw = new RevWalk(repo)) {
                var head = rw.parseCommit(repo.resolve("refs/heads/main"));
                assertThat(head.name()).isEqualTo(r.commit().orElseThrow());
                assertThat(r.plan().head()).contains(head.getParent(0).name());
                assertThat(rw.parseCommit(head.getParent(0)).getParentCount())
                        .isZero(); // the other writer's root commit
                var theirs = TreeWalk.forPath(repo, "theirs/first.tf", head.getTree());
                assertThat(theirs).as("the other writer's file is kept").isNotNull();
            }
        }
    }

    @Test
    void a409OnAnEmptyRepositoryFirstCommitOverlappingTheOtherWritersFilesIsAConflictNamingThePaths(Emulator bb)
            throws Exception {
        try (BitbucketClient client =
                        client(bb, RetryPolicy.builder().sleeper(d -> {}).build(), n -> {
                            if (n == 1) {
                                otherWriterCommits(bb, "empty", "live/root.tf", "theirs\n");
                                bb.faults()
                                        .add(Fault.on("POST", "/empty/src$")
                                                .times(1)
                                                .respond(409));
                            }
                        });
                ChangeSet changes = PushFixture.texts(Map.of("live/root.tf", "root\n", "live/other.tf", "other\n"))) {
            PushRequest req = PushRequest.builder()
                    .repository("acme", "empty")
                    .changes(changes)
                    .branch("main")
                    .build();

            assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOfSatisfying(PushConflictException.class, e -> {
                        assertThat(e.paths()).containsExactly("live/root.tf");
                        assertThat(e.expectedHead()).isNull();
                    });
            assertThat(PushFixture.srcPosts(bb)).isEqualTo(2); // theirs and our refused one
        }
    }
}
