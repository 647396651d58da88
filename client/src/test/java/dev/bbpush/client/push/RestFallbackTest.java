package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.commit.ChangeSet;
import dev.bbpush.client.commit.FileMode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When Git smart HTTP is unavailable the plan reads the REST listing; its cost is the one docs/push.md gives. */
@BitbucketEmulatorTest(world = "demo")
class RestFallbackTest {
  private static final int FILES = 150;

  private static Map<String, String> seedFiles() {
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < FILES; i++) {
      files.put(String.format("live/f%03d.tf", i), "value = " + (1000 + i) + "\n");
    }
    return files;
  }

  private static void gitDown(Emulator bb) throws Exception {
    bb.faults().add(new ObjectMapper().readTree("{\"path\":\"\\\\.git/\",\"action\":\"status\",\"status\":503}"));
  }

  @Test
  void gitUnavailableFallsBackToRestListingWithDocumentedRequestCount(Emulator bb) throws Exception {
    try (BitbucketClient client = PushFixture.rahul(bb); ChangeSet seed = PushFixture.texts(seedFiles())) {
      new Pusher(client).push(request(seed).branch("main").build());
    }
    Map<String, String> local = seedFiles();
    local.put("live/f000.tf", "value = 1000 # longer now\n"); // size differs: modified without a download
    local.put("live/f001.tf", "value = 9001\n");              // same size, other content: hashed, modified
    local.put("live/new.tf", "new\n");                          // added
    gitDown(bb);
    bb.journal().clear();
    PushFixture.Events events = new PushFixture.Events();
    try (BitbucketClient client = PushFixture.rahul(bb); ChangeSet changes = PushFixture.texts(local)) {
      PushResult r = new Pusher(client).push(request(changes).branch("main").listener(events).build());

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
        ChangeSet changes = ChangeSet.builder().addBytes("live/a.sh", "#!/bin/sh\n".getBytes(), FileMode.EXECUTABLE)
            .build()) {
      PushResult r = new Pusher(client).push(request(changes).mirror("live").planSource(PlanSource.REST).build());

      assertThat(r.plan().modified()).containsExactly("live/a.sh");
      assertThat(r.plan().deleted()).containsExactly("live/gone.tf");
      assertThat(tree(bb, "main").get("live/a.sh").mode()).isEqualTo(FileMode.EXECUTABLE);
      assertThat(tree(bb, "main")).doesNotContainKey("live/gone.tf");
    }
  }

  @Test
  void gitOnlyPlanFailsClearlyWhenGitIsDown(Emulator bb) throws Exception {
    gitDown(bb);
    try (BitbucketClient client = PushFixture.rahul(bb);
        ChangeSet changes = PushFixture.texts(Map.of("live/x.tf", "x\n"))) {
      assertThatThrownBy(() -> new Pusher(client).push(request(changes).planSource(PlanSource.GIT).build()))
          .isInstanceOf(PushRefusedException.class)
          .hasMessageContaining("Git smart HTTP is unavailable");
      assertThat(PushFixture.srcPosts(bb)).isZero();
    }
  }
}
