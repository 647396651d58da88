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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
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

    /** A thread of its own per call: the common pool may have a single thread on a small machine. */
    private static <T> CompletableFuture<T> async(Callable<T> task) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(
                () -> {
                    try {
                        f.complete(task.call());
                    } catch (Throwable e) {
                        f.completeExceptionally(e);
                    }
                },
                "test-async");
        t.setDaemon(true);
        t.start();
        return f;
    }

    private static JournalEntry entry(String path) {
        return new JournalEntry(Instant.now(), "GET", path, null, 200, Map.of(), "127.0.0.1", 0, null);
    }

    private static void fill(Journal journal, int n) {
        for (int i = 0; i < n; i++) {
            journal.complete(journal.record(entry("/filler/" + i)));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void takeRequestHandsOutCompletedRequestsInOrderThenNullWhenNoneComes(Emulator bb, Journal journal)
            throws Exception {
        getInfra(bb);
        Http.get(bb.apiUrl() + "/repositories/acme/nope", rahul(bb));

        JournalEntry first = journal.takeRequest(WAIT);
        JournalEntry second = journal.takeRequest(WAIT);

        assertThat(first.path()).isEqualTo("/2.0/repositories/acme/infra");
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(404);
        assertThat(journal.takeRequest(Duration.ZERO))
                .as("nothing else was sent")
                .isNull();
    }

    @Test
    void awaitReturnsOnlyOnceTheCommitHasLanded(Emulator bb, Faults faults, Journal journal) throws Exception {
        // The commit lands and the request is recorded, but the emulator has not finished with it: it is held.
        Hold held =
                faults.add(Fault.on("POST", "/src$").times(1).commitThenHold()).hold();
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/slow.tf"));
            assertThat(held.awaitHeld(WAIT)).as("the POST reached the hold").isTrue();
            assertThat(journal.entries())
                    .as("recorded, in progress")
                    .singleElement()
                    .satisfies(x -> assertThat(x.path()).isEqualTo(SRC));

            assertThat(journal.await(x -> x.path().equals(SRC), Duration.ZERO))
                    .as("not completed while held")
                    .isEmpty();
            CompletableFuture<Optional<JournalEntry>> awaited =
                    async(() -> journal.await(x -> x.path().equals(SRC), WAIT));
            held.release();
            JournalEntry e = awaited.get(30, TimeUnit.SECONDS).orElseThrow();

            assertThat(e.status()).isEqualTo(201);
            assertThat(e.fault()).isEqualTo("commit-then-hold");
            assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            assertThat(held.awaitFinished(Duration.ZERO))
                    .as("await returned after the emulator finished")
                    .isTrue();
            assertThat(post.get().header("Location")).endsWith("/" + repo.refs().get("refs/heads/main"));
        }
    }

    @Test
    void awaitCountWaitsForEnoughMatchesAndReturnsWhatCompletedOnTimeout(Emulator bb, Journal journal)
            throws Exception {
        getInfra(bb);
        getInfra(bb);

        assertThat(journal.await(e -> e.path().endsWith("/infra"), 2, WAIT)).hasSize(2);
        assertThat(journal.await(e -> e.path().endsWith("/infra"), 3, Duration.ofMillis(1)))
                .hasSize(2);
    }

    @Test
    void requestsRecordedBeforeAClearNeverCompleteIntoTheNewJournal(Emulator bb, Faults faults, Journal journal)
            throws Exception {
        Hold held =
                faults.add(Fault.on("POST", "/src$").times(1).commitThenHold()).hold();
        CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/cleared.tf"));
        assertThat(held.awaitHeld(WAIT)).isTrue();
        assertThat(journal.entries()).as("recorded and still in flight").hasSize(1);
        assertThat(journal.takeRequest(Duration.ZERO)).as("not completed yet").isNull();

        journal.clear();
        held.release();
        assertThat(held.awaitFinished(WAIT))
                .as("the emulator finished the request")
                .isTrue();

        assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(journal.takeRequest(Duration.ZERO)).isNull();
        assertThat(journal.entries()).isEmpty();
        assertThat(journal.await(e -> true, Duration.ZERO)).isEmpty();
    }

    @Test
    void awaitFindsARequestThatCompletesAfterTheJournalOverflowedPastIt() throws Exception {
        Journal journal = new Journal();
        Journal.Slot early = journal.record(entry("/early"));
        CompletableFuture<Optional<JournalEntry>> awaited =
                async(() -> journal.await(e -> e.path().equals("/early"), WAIT));

        fill(journal, Journal.CAPACITY + 500);
        assertThat(journal.entries())
                .as("the in-progress entry is not evicted")
                .hasSize(Journal.CAPACITY)
                .first()
                .satisfies(e -> assertThat(e.path()).isEqualTo("/early"));
        journal.complete(early);

        assertThat(awaited.get(30, TimeUnit.SECONDS)).map(JournalEntry::path).contains("/early");
    }

    @Test
    void aSlowAwaitFilterHoldsUpNoRequestAndMissesNoMatchEvictedMeanwhile() throws Exception {
        Journal journal = new Journal();
        journal.complete(journal.record(entry("/before")));
        CountDownLatch inFilter = new CountDownLatch(1);
        CountDownLatch letFilterGo = new CountDownLatch(1);
        CompletableFuture<Optional<JournalEntry>> awaited = async(() -> journal.await(
                e -> {
                    if (e.path().equals("/before")) {
                        inFilter.countDown();
                        await(letFilterGo);
                    }
                    return e.path().equals("/early");
                },
                WAIT));
        assertThat(inFilter.await(30, TimeUnit.SECONDS)).isTrue();

        // While the filter is stuck, requests record and complete, and the match is evicted from the journal.
        CompletableFuture<Void> traffic = async(() -> {
            journal.complete(journal.record(entry("/early")));
            fill(journal, Journal.CAPACITY + 500);
            return null;
        });
        traffic.get(30, TimeUnit.SECONDS);
        assertThat(journal.entries()).noneMatch(e -> e.path().equals("/early"));
        letFilterGo.countDown();

        assertThat(awaited.get(30, TimeUnit.SECONDS)).map(JournalEntry::path).contains("/early");
    }

    @Test
    void controlApiLongPollAnswersOnceTheRequestCompletes(Emulator bb, Faults faults) throws Exception {
        Hold held =
                faults.add(Fault.on("POST", "/src$").times(1).commitThenHold()).hold();
        CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/polled.tf"));
        assertThat(held.awaitHeld(WAIT)).isTrue();
        String poll = bb.baseUrl() + "/_emulator/requests?method=POST&path=/src%24&count=1&timeout=";
        assertThat(Http.get(poll + "0", null).status())
                .as("in flight: not listed as completed")
                .isEqualTo(408);

        CompletableFuture<Http.Response> polled = async(() -> Http.get(poll + "30000", null));
        held.release();
        Http.Response r = polled.get(30, TimeUnit.SECONDS);

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
    void commitThenResetCommitsButTheClientSeesNoResponse(Emulator bb, Faults faults, Journal journal)
            throws Exception {
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
    void holdParksTheRequestBeforeHandlingItUntilReleased(Emulator bb, Faults faults, Journal journal)
            throws Exception {
        Hold held = faults.add(Fault.on("POST", "/src$").times(1).hold()).hold();
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String before = repo.refs().get("refs/heads/main");
            CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/held.tf"));
            assertThat(held.awaitHeld(WAIT)).isTrue();

            assertThat(held.held()).isEqualTo(1);
            assertThat(repo.refs().get("refs/heads/main"))
                    .as("not handled while held")
                    .isEqualTo(before);
            assertThat(journal.entries()).as("not journaled while held").isEmpty();
            assertThat(post).isNotDone();

            held.release();

            assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
            assertThat(journal.takeRequest(WAIT).fault()).isEqualTo("hold");
            assertThat(repo.refs().get("refs/heads/main")).isNotEqualTo(before);
            assertThat(held.held()).isZero();
        }
    }

    @Test
    void commitThenHoldCommitsAndJournalsButWithholdsTheResponseUntilReleased(
            Emulator bb, Faults faults, Journal journal) throws Exception {
        Hold held =
                faults.add(Fault.on("POST", "/src$").times(1).commitThenHold()).hold();
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            String before = repo.refs().get("refs/heads/main");
            CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/withheld.tf"));
            assertThat(held.awaitHeld(WAIT)).isTrue();

            assertThat(repo.refs().get("refs/heads/main"))
                    .as("the commit landed")
                    .isNotEqualTo(before);
            assertThat(journal.entries()).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(201);
                assertThat(e.fault()).isEqualTo("commit-then-hold");
            });
            assertThat(post).as("the response is withheld").isNotDone();

            held.release();

            Http.Response r = post.get(30, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.header("Location")).endsWith("/" + repo.refs().get("refs/heads/main"));
        }
    }

    @Test
    void resetReleasesHeldRequestsInsteadOfWaitingForThem(Emulator bb, Faults faults) throws Exception {
        Hold held = faults.add(Fault.on("POST", "/src$").hold()).hold();
        CompletableFuture<Http.Response> post = async(() -> commit(bb, "live/reset.tf"));
        assertThat(held.awaitHeld(WAIT)).isTrue();

        async(() -> {
                    bb.reset();
                    return null;
                })
                .get(30, TimeUnit.SECONDS);

        assertThat(held.released()).isTrue();
        assertThat(post.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        assertThat(faults.list()).isEmpty();
    }

    @Test
    void closingTheEmulatorReleasesHeldRequests() throws Exception {
        Emulator own = Emulator.builder().world("demo").start();
        Hold held = own.faults()
                .add(Fault.onAnyMethod("^/2.0/repositories/acme/infra$").hold())
                .hold();
        CompletableFuture<Http.Response> get = async(() -> getInfra(own));
        assertThat(held.awaitHeld(WAIT)).isTrue();

        async(() -> {
                    own.close();
                    return null;
                })
                .get(30, TimeUnit.SECONDS);

        assertThat(held.released()).isTrue();
        assertThat(held.awaitFinished(WAIT))
                .as("the held request ran to its end")
                .isTrue();
        get.handle((r, e) -> null).get(30, TimeUnit.SECONDS); // answered or cut off, but not left hanging
    }

    @Test
    void controlApiAddsAHoldFaultAndReleasesItById(Emulator bb, Faults faults) throws Exception {
        Http.Response added = Http.postJson(
                bb.baseUrl() + "/_emulator/faults",
                null,
                "{\"method\":\"GET\",\"path\":\"^/2.0/repositories/acme/infra$\",\"action\":\"hold\",\"count\":1}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        int id = added.json().get(0).path("id").asInt();
        Hold held = faults.list().get(0).hold();
        CompletableFuture<Http.Response> get = async(() -> getInfra(bb));
        assertThat(held.awaitHeld(WAIT)).isTrue();

        Http.Response released = Http.postJson(bb.baseUrl() + "/_emulator/faults/" + id + "/release", null, "{}");

        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        assertThat(get.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        assertThat(Http.postJson(bb.baseUrl() + "/_emulator/faults/999/release", null, "{}")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void typedFaultHasTheSameJsonFormAsTheControlApi(Emulator bb, Faults faults) {
        faults.add(Fault.on("post", "/src$").times(2).respond(500, "boom"));

        JsonNode listed =
                Http.get(bb.baseUrl() + "/_emulator/faults", null).json().get(0);

        assertThat(listed.path("method").asText()).isEqualTo("POST");
        assertThat(listed.path("path").asText()).isEqualTo("/src$");
        assertThat(listed.path("action").asText()).isEqualTo("status");
        assertThat(listed.path("status").asInt()).isEqualTo(500);
        assertThat(listed.path("body").asText()).isEqualTo("boom");
        assertThat(listed.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void builderRefusesInvalidArgumentsAndAFaultWithoutAction(Faults faults) {
        assertThatThrownBy(() -> Fault.on("GET", "("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pathRegex");
        assertThatThrownBy(() -> Fault.onAnyMethod("/x").times(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("count");
        assertThatThrownBy(() -> Fault.onAnyMethod("/x").respond(99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> Fault.onAnyMethod("/x").latency(Duration.ofMinutes(11)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.onAnyMethod("/x").rateLimit(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> faults.add(Fault.onAnyMethod("/x").times(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no action");
        assertThat(faults.list()).isEqualTo(List.of());
        assertThatThrownBy(
                        () -> faults.add(Fault.onAnyMethod("/x").respond(503)).hold())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds nothing");
    }
}
