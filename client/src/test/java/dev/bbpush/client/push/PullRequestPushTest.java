package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New branches and pull requests: created, reused, or "no changes to be pulled". */
@BitbucketEmulatorTest(world = "demo")
class PullRequestPushTest {

    private static PushResult push(Emulator bb, Map<String, String> files, PushRequest.Builder extra) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb);
                ChangeSet changes = PushFixture.texts(files)) {
            return new Pusher(client).push(extra.changes(changes).build());
        }
    }

    @Test
    void newBranchFromMainWithPullRequest(Emulator bb) throws Exception {
        String mainHead = PushFixture.head(bb, "main").orElseThrow();
        PushFixture.Events events = new PushFixture.Events();
        PushResult r = push(
                bb,
                Map.of("live/net.tf", "net\n"),
                request(ChangeSet.of())
                        .branch("feature/net")
                        .listener(events)
                        .pullRequest(PullRequestSpec.titled("Network").description("Adds the network")));

        assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
        assertThat(r.plan().newBranch()).isTrue();
        assertThat(r.plan().baseBranch()).isEqualTo("main");
        assertThat(PushFixture.commit(bb, r.commit().orElseThrow()).getParent(0).name())
                .isEqualTo(mainHead);
        assertThat(PushFixture.head(bb, "main")).contains(mainHead);
        assertThat(tree(bb, "feature/net")).containsKey("live/net.tf");
        PullRequestResult pr = r.pullRequest().orElseThrow();
        assertThat(pr.outcome()).isEqualTo(PullRequestResult.Outcome.CREATED);
        assertThat(pr.id()).isPresent();
        assertThat(pr.url().orElseThrow())
                .endsWith("/acme/infra/pull-requests/" + pr.id().getAsInt());
        assertThat(pr.destination()).isEqualTo("main");
        assertThat(events.of(PushEvent.PullRequestReady.class)).hasSize(1);
    }

    @Test
    void secondPushToSameBranchReusesTheOpenPullRequest(Emulator bb) throws Exception {
        PushResult first = push(
                bb,
                Map.of("live/a.tf", "1\n"),
                request(ChangeSet.of()).branch("feature/a").pullRequest(PullRequestSpec.titled("A")));
        PushResult second = push(
                bb,
                Map.of("live/a.tf", "2\n"),
                request(ChangeSet.of()).branch("feature/a").pullRequest(PullRequestSpec.titled("A again")));

        assertThat(second.status()).isEqualTo(PushStatus.COMMITTED);
        assertThat(second.plan().newBranch()).isFalse();
        assertThat(second.plan().modified()).containsExactly("live/a.tf");
        assertThat(second.pullRequest().orElseThrow().outcome()).isEqualTo(PullRequestResult.Outcome.REUSED);
        assertThat(second.pullRequest().orElseThrow().id())
                .isEqualTo(first.pullRequest().orElseThrow().id());
    }

    @Test
    void existingPullRequestReturnedWith200ByCreateIsReused(Emulator bb) throws Exception {
        PushResult first = push(
                bb,
                Map.of("live/c.tf", "1\n"),
                request(ChangeSet.of()).branch("feature/c").pullRequest(PullRequestSpec.titled("C")));
        // The lookup misses (as if the list were stale), so the POST meets the open pull request: 200 + that one.
        bb.faults().add(Fault.on("GET", "/pullrequests$").times(1).respond(200, "{\"values\":[]}"));
        PushResult second = push(
                bb,
                Map.of("live/c.tf", "2\n"),
                request(ChangeSet.of()).branch("feature/c").pullRequest(PullRequestSpec.titled("C")));

        assertThat(second.pullRequest().orElseThrow().outcome()).isEqualTo(PullRequestResult.Outcome.REUSED);
        assertThat(second.pullRequest().orElseThrow().id())
                .isEqualTo(first.pullRequest().orElseThrow().id());
    }

    @Test
    void unchangedPushStillOpensPullRequestForAnExistingBranch(Emulator bb) throws Exception {
        push(bb, Map.of("live/b.tf", "b\n"), request(ChangeSet.of()).branch("feature/b"));
        PushResult r = push(
                bb,
                Map.of("live/b.tf", "b\n"),
                request(ChangeSet.of()).branch("feature/b").pullRequest(PullRequestSpec.titled("B")));

        assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
        assertThat(r.pullRequest().orElseThrow().outcome()).isEqualTo(PullRequestResult.Outcome.CREATED);
    }

    @Test
    void emptyDiffPullRequestIsReportedNotThrown(Emulator bb) throws Exception {
        // A branch at main's head: nothing to pull.
        try (BitbucketClient client = PushFixture.rahul(bb)) {
            client.createBranch(
                    "acme",
                    "infra",
                    "feature/same",
                    PushFixture.head(bb, "main").orElseThrow());
        }
        String mainTf = tree(bb, "main").get("main.tf").text();
        PushResult r = push(
                bb,
                Map.of("main.tf", mainTf),
                request(ChangeSet.of()).branch("feature/same").pullRequest(PullRequestSpec.titled("Same")));

        assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
        PullRequestResult pr = r.pullRequest().orElseThrow();
        assertThat(pr.outcome()).isEqualTo(PullRequestResult.Outcome.NO_CHANGES);
        assertThat(pr.emptyDiff()).isTrue();
        assertThat(pr.id()).isEmpty();
    }

    @Test
    void newBranchWithNothingToChangeIsNotCreated(Emulator bb) throws Exception {
        String mainTf = tree(bb, "main").get("main.tf").text();
        PushResult r = push(
                bb,
                Map.of("main.tf", mainTf),
                request(ChangeSet.of()).branch("feature/noop").pullRequest(PullRequestSpec.titled("Noop")));

        assertThat(r.status()).isEqualTo(PushStatus.UNCHANGED);
        assertThat(PushFixture.head(bb, "feature/noop")).isEmpty();
        assertThat(r.pullRequest().orElseThrow().emptyDiff()).isTrue();
        assertThat(PushFixture.srcPosts(bb)).isZero();
    }

    @Test
    void newBranchFromExplicitBase(Emulator bb) throws Exception {
        PushResult base = push(
                bb, Map.of("live/base.tf", "base\n"), request(ChangeSet.of()).branch("release"));
        PushResult r = push(
                bb,
                Map.of("live/hotfix.tf", "fix\n"),
                request(ChangeSet.of()).branch("hotfix/1").base("release").pullRequest(PullRequestSpec.titled("Fix")));

        assertThat(PushFixture.commit(bb, r.commit().orElseThrow()).getParent(0).name())
                .isEqualTo(base.commit().orElseThrow());
        assertThat(r.pullRequest().orElseThrow().destination()).isEqualTo("release");
        assertThat(tree(bb, "hotfix/1")).containsKeys("live/base.tf", "live/hotfix.tf");
    }

    @Test
    void missingBaseBranchIsRefusedBeforeWriting(Emulator bb) {
        assertThatThrownBy(() -> push(
                        bb,
                        Map.of("x.tf", "x\n"),
                        request(ChangeSet.of()).branch("feature/x").base("nope")))
                .isInstanceOf(PushRefusedException.class)
                .hasMessageContaining("'nope' does not exist");
        assertThat(PushFixture.srcPosts(bb)).isZero();
    }

    @Test
    void pullRequestToItselfIsRefused() {
        assertThatThrownBy(() -> PushRequest.builder()
                        .repository("acme", "infra")
                        .changes(ChangeSet.of())
                        .pullRequest(PullRequestSpec.titled("x"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--branch");
    }
}
