package dev.bbpush.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.Branch;
import dev.bbpush.client.EmulatorJournal;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.RecordingListener;
import dev.bbpush.client.RecordingSleeper;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Retry behaviour of {@link HttpTransport} against the emulator, with failures scripted through its fault API
 * (docs/emulator.md, "Faults"). Waits are recorded by a {@link RecordingSleeper} (which moves the retry clock), never
 * taken; the tests assert attempts, requested waits and outcomes, never elapsed time. The server hints the emulator
 * cannot send (a {@code Retry-After} HTTP date, {@code X-RateLimit-Reset}) are in {@link RetryHintsTest}.
 */
@BitbucketEmulatorTest(world = "demo")
class RetryTest {
    private static final String REPO = "^/2.0/repositories/acme/infra$";
    private static final String BRANCHES = "^/2.0/repositories/acme/infra/refs/branches$";
    private static final String EMAIL = "rahul@acme.example";

    private final MutableClock clock = MutableClock.atEpochPlusDays(0);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final RecordingListener listener = new RecordingListener();

    private BitbucketClient client(Emulator bb, RetryPolicy.Builder policy) {
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .retryPolicy(
                        policy.clock(clock).sleeper(sleeper).random(() -> 0.5).build())
                .listener(listener)
                .build();
    }

    private BitbucketClient client(Emulator bb) {
        return client(bb, RetryPolicy.builder());
    }

    private static Request getRepo(BitbucketClient c) {
        return Request.get(c.endpoint("repositories", "acme", "infra")).build();
    }

    private static String mainTip(BitbucketClient c) {
        return c.branch("acme", "infra", "main").orElseThrow().targetHash();
    }

    @Test
    void retriesGetAfterTwo503sAndSucceedsOnTheThirdAttempt(Emulator bb) {
        bb.faults().add(Fault.on("GET", REPO).times(2).respond(503));
        try (BitbucketClient c = client(bb)) {
            Response r = c.http().send(getRepo(c));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.attempts()).isEqualTo(3);
            assertThat(sleeper.sleeps()).hasSize(2);
            assertThat(listener.events(HttpEvent.RetryScheduled.class))
                    .extracting(HttpEvent.RetryScheduled::reason)
                    .containsExactly("503", "503");
        }
        assertThat(EmulatorJournal.api(bb, 3)).extracting(JournalEntry::status).containsExactly(503, 503, 200);
    }

    @Test
    void retriesBitbucket555(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).times(1).respond(555));
        try (BitbucketClient c = client(bb)) {
            assertThat(c.http().send(getRepo(c)).attempts()).isEqualTo(2);
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterWithinBounds(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).times(3).respond(502));
        try (BitbucketClient c = client(bb, RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1)))) {
            c.repository("acme", "infra");
            // random() = 0.5 -> 75% of the capped exponential base: 1 s, 2 s, 4 s.
            assertThat(sleeper.sleeps())
                    .containsExactly(Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
        }
    }

    @Test
    void rateLimitFaultWithRetryAfterIsWaitedOutAndTheRequestSucceeds(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).times(1).rateLimit(Duration.ofSeconds(7)));
        try (BitbucketClient c = client(bb)) {
            assertThat(c.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
        // The emulator's fault sends the header the client honours.
        assertThat(listener.events(HttpEvent.ResponseReceived.class)).first().satisfies(r -> {
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.headers().first("Retry-After")).contains("7");
        });
    }

    @Test
    void rateLimitStormLongerThanTheRetryBudgetIsRateLimitedWithTheServersHint(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).rateLimit(Duration.ofSeconds(30)));
        try (BitbucketClient c = client(bb)) {
            assertThatThrownBy(() -> c.repository("acme", "infra"))
                    .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                        assertThat(e.bitbucketMessage()).contains("Rate limit for this resource has been exceeded");
                    })
                    .hasMessageContaining("wait 30 s");
        }
        // Default budget 60 s: waits of 30 s end at 30 s and 60 s; a third would end at 90 s, so it is not started.
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(EmulatorJournal.api(bb, 3))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(429));
    }

    @Test
    void rateLimitWithAWaitBeyondTheBudgetIsReportedAtOnce(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).rateLimit(Duration.ofSeconds(3600)));
        try (BitbucketClient c = client(bb)) {
            assertThatThrownBy(() -> c.repository("acme", "infra"))
                    .isInstanceOfSatisfying(
                            RateLimitedException.class,
                            e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)))
                    .hasMessageContaining("wait 3600 s");
        }
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(EmulatorJournal.api(bb, 1)).hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsWithServerError(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).respond(503));
        try (BitbucketClient c = client(bb, RetryPolicy.builder().maxAttempts(3))) {
            assertThatThrownBy(() -> c.repository("acme", "infra"))
                    .isInstanceOfSatisfying(
                            ServerErrorException.class,
                            e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("on all 3 attempts");
        }
        assertThat(EmulatorJournal.api(bb, 3)).hasSize(3);
    }

    @Test
    void stopsRetryingWhenTheTotalTimeBudgetWouldBeExceeded(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).respond(500));
        RetryPolicy.Builder policy = RetryPolicy.builder()
                .maxAttempts(100)
                .initialBackoff(Duration.ofSeconds(8))
                .maxBackoff(Duration.ofSeconds(8))
                .maxTotalTime(Duration.ofSeconds(20));
        try (BitbucketClient c = client(bb, policy)) {
            Response r = c.http().exchange(getRepo(c));
            // Waits of 6 s each (75% of 8 s): 6, 12, 18; a fourth would end at 24 s > 20 s.
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.attempts()).isEqualTo(4);
        }
    }

    @Test
    void neverRetriesPostAutomatically(Emulator bb) {
        bb.faults().add(Fault.on("POST", BRANCHES).times(1).respond(503));
        try (BitbucketClient c = client(bb)) {
            String main = mainTip(c);
            assertThatThrownBy(() -> c.createBranch("acme", "infra", "release", main))
                    .isInstanceOf(ServerErrorException.class);
            assertThat(c.branch("acme", "infra", "release")).isEmpty();
        }
        assertThat(EmulatorJournal.entries(bb, e -> e.method().equals("POST"), 1))
                .hasSize(1);
    }

    @Test
    void retriesPostMarkedRetrySafe(Emulator bb) {
        bb.faults().add(Fault.on("POST", BRANCHES).times(1).respond(503));
        try (BitbucketClient c = client(bb)) {
            String body = "{\"name\":\"release\",\"target\":{\"hash\":\"" + mainTip(c) + "\"}}";
            Response r = c.http()
                    .send(Request.postJson(c.endpoint("repositories", "acme", "infra", "refs", "branches"), body)
                            .retrySafe()
                            .build());

            assertThat(r.status()).isEqualTo(201);
            assertThat(r.attempts()).isEqualTo(2);
        }
        assertThat(EmulatorJournal.entries(bb, e -> e.method().equals("POST"), 2))
                .extracting(JournalEntry::status)
                .containsExactly(503, 201);
    }

    @Test
    void noRetryRequestIsSentOnce(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).times(1).respond(503));
        try (BitbucketClient c = client(bb)) {
            Response r = c.http()
                    .exchange(Request.get(c.endpoint("repositories", "acme", "infra"))
                            .noRetry()
                            .build());
            assertThat(r.status()).isEqualTo(503);
        }
        assertThat(EmulatorJournal.api(bb, 1)).hasSize(1);
    }

    @Test
    void doesNotRetryClientErrors(Emulator bb) {
        try (BitbucketClient c = client(bb)) {
            Response r = c.http()
                    .exchange(Request.get(URI.create(c.endpoint("repositories", "acme") + "?pagelen=1000"))
                            .build());
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.attempts()).isEqualTo(1);
        }
    }

    @Test
    void connectionResetBeforeAGetIsRetried(Emulator bb) {
        bb.faults().add(Fault.on("GET", REPO).times(1).resetBefore());
        try (BitbucketClient c = client(bb)) {
            Response r = c.http().send(getRepo(c));

            assertThat(r.attempts()).isEqualTo(2);
            // The client cannot tell a reset before handling from one after: only "not connected" proves nothing was
            // sent.
            assertThat(listener.events(HttpEvent.ExchangeFailed.class))
                    .singleElement()
                    .satisfies(e -> assertThat(e.mayHaveReachedServer()).isTrue());
        }
        assertThat(EmulatorJournal.api(bb, 2)).extracting(JournalEntry::fault).containsExactly("reset-before", null);
    }

    @Test
    void connectionResetBeforeAPostIsNotRetriedAndMayHaveReachedTheServer(Emulator bb) {
        bb.faults().add(Fault.on("POST", BRANCHES).times(1).resetBefore());
        try (BitbucketClient c = client(bb)) {
            String main = mainTip(c);
            assertThatThrownBy(() -> c.createBranch("acme", "infra", "release", main))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.mayHaveReachedServer()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.method()).isEqualTo("POST");
                    })
                    .hasMessageContaining("may have reached Bitbucket");
            // Resolving the doubt as the javadoc says: read the branch. Here nothing happened.
            assertThat(c.branch("acme", "infra", "release")).isEmpty();
        }
        assertThat(EmulatorJournal.entries(bb, e -> e.method().equals("POST"), 1))
                .hasSize(1);
    }

    @Test
    void commitThenResetOnAPostIsATransportFailureAndTheBranchExists(Emulator bb) {
        bb.faults().add(Fault.on("POST", BRANCHES).times(1).commitThenReset());
        try (BitbucketClient c = client(bb)) {
            String main = mainTip(c);
            assertThatThrownBy(() -> c.createBranch("acme", "infra", "release", main))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.mayHaveReachedServer()).isTrue();
                        assertThat(e.attempts()).isEqualTo(1);
                    });

            assertThat(c.branch("acme", "infra", "release")).contains(new Branch("release", main));
        }
        assertThat(EmulatorJournal.entries(bb, e -> e.method().equals("POST"), 1))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(201);
                    assertThat(e.fault()).isEqualTo("commit-then-reset");
                });
    }

    @Test
    void refusedConnectionIsRetriedThenReportedAsNotSent() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port + "/2.0/x");
        try (HttpTransport t = HttpTransport.builder()
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(3)
                        .clock(clock)
                        .sleeper(sleeper)
                        .build())
                .build()) {
            assertThatThrownBy(() -> t.send(Request.get(dead).build()))
                    .isInstanceOfSatisfying(TransportException.class, e -> {
                        assertThat(e.mayHaveReachedServer()).isFalse();
                        assertThat(e.attempts()).isEqualTo(3);
                    })
                    .hasMessageContaining("was not sent");
        }
    }

    @Test
    void redirectsAreReturnedNotFollowed(Emulator bb) {
        try (BitbucketClient c = client(bb)) {
            Response r = c.http()
                    .exchange(Request.get(c.endpoint("repositories", "acme", "infra", "src"))
                            .build());

            assertThat(r.status()).isEqualTo(302);
            assertThat(r.header("Location")).isPresent();
        }
        assertThat(EmulatorJournal.api(bb, 1)).hasSize(1);
    }

    @Test
    void authorizationIsAddedOnlyForTheApiOrigin(Emulator bb) {
        Authorizer token = Authorizer.fixed(Credentials.accessToken(bb.secret("infra-repo-token")));
        URI repo = URI.create(bb.apiUrl() + "/repositories/acme/infra");
        try (HttpTransport base =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            HttpTransport forEmulator = base.withAuthorizer(token, URI.create(bb.apiUrl()));
            HttpTransport forOtherOrigin = base.withAuthorizer(token, URI.create("http://127.0.0.1:1/2.0"));

            assertThat(forEmulator.exchange(Request.get(repo).build()).status()).isEqualTo(200);
            assertThat(forOtherOrigin.exchange(Request.get(repo).build()).status())
                    .isEqualTo(404);
        }
        assertThat(EmulatorJournal.api(bb, 2))
                .extracting(e -> e.headers().get("Authorization"))
                .containsExactly("Bearer ATCTT3x****", null);
    }
}
