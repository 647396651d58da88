package dev.bbpush.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.BareRepo;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The journal's waits ({@link Journal#takeRequest}, {@link Journal#await}, {@code GET /_emulator/requests?timeout=})
 * and the typed {@link Fault.Builder}, every action through real HTTP.
 */
@BitbucketEmulatorTest(world = "demo")
class JournalAwaitAndTypedFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String SRC = "/2.0/repositories/acme/infra/src";

  private static String rahul(Emulator bb) {
    return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
  }

  private static Http.Response commit(Emulator bb, String path) {
    return Http.postForm(bb.baseUrl() + SRC, rahul(bb), path.replace("/", "%2F") + "=content");
  }

  private static Http.Response getInfra(Emulator bb) {
    return Http.get(bb.apiUrl() + "/repositories/acme/infra", rahul(bb));
  }

  @Test
  void takeRequestHandsOutCompletedRequestsInOrderThenNullWhenNoneComes(Emulator bb, Journal journal) throws Exception {
    getInfra(bb);
    Http.get(bb.apiUrl() + "/repositories/acme/nope", rahul(bb));

    JournalEntry first = journal.takeRequest(WAIT);
    JournalEntry second = journal.takeRequest(WAIT);

    assertThat(first.path()).isEqualTo("/2.0/repositories/acme/infra");
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(404);
    assertThat(journal.takeRequest(Duration.ZERO)).as("nothing else was sent").isNull();
  }

  @Test
  void awaitReturnsOnlyOnceTheCommitHasLanded(Emulator bb, Faults faults, Journal journal) throws Exception {
    // The response is slow to start, so the client cannot have seen anything when await is called.
    faults.add(Fault.on("POST", "/src$").times(1).latency(Duration.ofMillis(300)));
    try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
      String before = repo.refs().get("refs/heads/main");
      CompletableFuture<Http.Response> post = CompletableFuture.supplyAsync(() -> commit(bb, "live/slow.tf"));

      JournalEntry e = journal.await(x -> x.method().equals("POST") && x.path().equals(SRC), WAIT).orElseThrow();

      assertThat(e.status()).isEqualTo(201);
      assertThat(e.fault()).isEqualTo("latency");
      assertThat(repo.refs().get("refs/heads/main")).as("the commit is visible when await returns").isNotEqualTo(before);
      assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
    }
  }

  @Test
  void awaitCountWaitsForEnoughMatchesAndReturnsWhatCompletedOnTimeout(Emulator bb, Journal journal) throws Exception {
    getInfra(bb);
    getInfra(bb);

    assertThat(journal.await(e -> e.path().endsWith("/infra"), 2, WAIT)).hasSize(2);
    assertThat(journal.await(e -> e.path().endsWith("/infra"), 3, Duration.ofMillis(1))).hasSize(2);
  }

  @Test
  void requestsRecordedBeforeAClearNeverCompleteIntoTheNewJournal(Emulator bb, Journal journal) throws Exception {
    getInfra(bb);
    journal.clear();

    assertThat(journal.takeRequest(Duration.ZERO)).isNull();
    assertThat(journal.entries()).isEmpty();
  }

  @Test
  void controlApiLongPollAnswersOnceTheRequestCompletes(Emulator bb, Faults faults) throws Exception {
    faults.add(Fault.on("POST", "/src$").times(1).latency(Duration.ofMillis(300)));
    CompletableFuture<Http.Response> post = CompletableFuture.supplyAsync(() -> commit(bb, "live/polled.tf"));

    Http.Response r = Http.get(bb.baseUrl() + "/_emulator/requests?timeout=30000&method=POST&path=/src%24&count=1", null);

    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json()).hasSize(1);
    assertThat(r.json().get(0).path("status").asInt()).isEqualTo(201);
    assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
  }

  @Test
  void controlApiLongPollTimesOutWith408ListingWhatMatched(Emulator bb) {
    getInfra(bb);

    Http.Response r = Http.get(bb.baseUrl() + "/_emulator/requests?timeout=0&path=/infra%24&count=2", null);

    assertThat(r.status()).as(r.toString()).isEqualTo(408);
    assertThat(r.json().path("error").path("message").asText()).contains("1 of 2");
    assertThat(r.json().path("error").path("data").path("requests")).hasSize(1);
  }

  @Test
  void controlApiLongPollRefusesABadTimeoutNamingIt(Emulator bb) {
    Http.Response r = Http.get(bb.baseUrl() + "/_emulator/requests?timeout=forever", null);

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("error").path("fields").has("timeout")).isTrue();
  }

  // --- typed faults, one per action ---

  @Test
  void respondAnswersTheStatusWithTheEnvelopeForTheGivenTimesOnly(Emulator bb, Faults faults) {
    faults.add(Fault.on("GET", "^/2.0/repositories/acme/infra$").times(1).respond(503));

    Http.Response first = getInfra(bb);

    assertThat(first.status()).isEqualTo(503);
    assertThat(first.json().path("error").path("message").asText()).isEqualTo("Service Unavailable");
    assertThat(getInfra(bb).status()).isEqualTo(200);
    assertThat(faults.list()).isEmpty();
  }

  @Test
  void respondWithABodySendsItAsJson(Emulator bb, Faults faults) {
    faults.add(Fault.onAnyMethod("^/2.0/repositories/acme/infra$").respond(200, "{\"values\":[]}"));

    Http.Response r = getInfra(bb);

    assertThat(r.header("Content-Type")).startsWith("application/json");
    assertThat(r.json().path("values").isArray()).isTrue();
  }

  @Test
  void rateLimitAnswers429WithRetryAfter(Emulator bb, Faults faults) {
    faults.add(Fault.onAnyMethod("/repositories/").times(1).rateLimit(Duration.ofSeconds(7)));

    Http.Response r = getInfra(bb);

    assertThat(r.status()).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("7");
  }

  @Test
  void resetBeforeBreaksTheConnectionAndCommitsNothing(Emulator bb, Faults faults, Journal journal) throws Exception {
    faults.add(Fault.on("POST", "/src$").times(1).resetBefore());
    try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
      Map<String, String> before = repo.refs();

      assertThatThrownBy(() -> commit(bb, "live/never.tf")).isInstanceOf(UncheckedIOException.class);

      assertThat(journal.takeRequest(WAIT).fault()).isEqualTo("reset-before");
      assertThat(repo.refs()).isEqualTo(before);
    }
  }

  @Test
  void commitThenResetCommitsButTheClientSeesNoResponse(Emulator bb, Faults faults, Journal journal) throws Exception {
    faults.add(Fault.on("POST", "/src$").times(1).commitThenReset());
    try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
      String before = repo.refs().get("refs/heads/main");

      assertThatThrownBy(() -> commit(bb, "live/lost-response.tf")).isInstanceOf(UncheckedIOException.class);

      JournalEntry e = journal.takeRequest(WAIT);
      assertThat(e.fault()).isEqualTo("commit-then-reset");
      assertThat(e.status()).as("the status the client never got").isEqualTo(201);
      assertThat(repo.refs().get("refs/heads/main")).isNotEqualTo(before);
    }
  }

  @Test
  void typedFaultHasTheSameJsonFormAsTheControlApi(Emulator bb, Faults faults) {
    faults.add(Fault.on("post", "/src$").times(2).respond(500, "boom"));

    JsonNode listed = Http.get(bb.baseUrl() + "/_emulator/faults", null).json().get(0);

    assertThat(listed.path("method").asText()).isEqualTo("POST");
    assertThat(listed.path("path").asText()).isEqualTo("/src$");
    assertThat(listed.path("action").asText()).isEqualTo("status");
    assertThat(listed.path("status").asInt()).isEqualTo(500);
    assertThat(listed.path("body").asText()).isEqualTo("boom");
    assertThat(listed.path("count").asInt()).isEqualTo(2);
  }

  @Test
  void builderRefusesInvalidArgumentsAndAFaultWithoutAction(Faults faults) {
    assertThatThrownBy(() -> Fault.on("GET", "(")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pathRegex");
    assertThatThrownBy(() -> Fault.onAnyMethod("/x").times(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count");
    assertThatThrownBy(() -> Fault.onAnyMethod("/x").respond(99)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
    assertThatThrownBy(() -> Fault.onAnyMethod("/x").latency(Duration.ofMinutes(11))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.onAnyMethod("/x").rateLimit(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.add(Fault.onAnyMethod("/x").times(1))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no action");
    assertThat(faults.list()).isEqualTo(List.of());
  }
}
