package dev.bbpush.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.MutableClock;
import dev.bbpush.client.RecordingListener;
import dev.bbpush.client.RecordingSleeper;
import dev.bbpush.client.ScriptedServer;
import dev.bbpush.client.ScriptedServer.Reply;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.error.TransportException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry behaviour of {@link HttpTransport} against a scripted loopback server. Waits are recorded, not taken; the tests
 * assert attempt counts, requested waits and outcomes, never elapsed time.
 */
class RetryTest {
  private final ScriptedServer server = ScriptedServer.start();
  private final MutableClock clock = MutableClock.atEpochPlusDays(0);
  private final RecordingSleeper sleeper = new RecordingSleeper(clock);
  private final RecordingListener listener = new RecordingListener();

  private HttpTransport transport(RetryPolicy.Builder policy) {
    return HttpTransport.builder()
        .retryPolicy(policy.clock(clock).sleeper(sleeper).random(() -> 0.5).build())
        .listener(listener)
        .build();
  }

  private HttpTransport transport() {
    return transport(RetryPolicy.builder());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void retriesGetAfter503UntilItSucceeds() {
    server.enqueue(Reply.of(503, "busy"), Reply.of(503, "busy"), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      Response r = t.send(Request.get(server.url("/x")).build());

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(server.requestCount()).isEqualTo(3);
      assertThat(sleeper.sleeps()).hasSize(2);
      assertThat(listener.events(HttpEvent.RetryScheduled.class)).extracting(HttpEvent.RetryScheduled::reason)
          .containsExactly("503", "503");
    }
  }

  @Test
  void retriesBitbucket555() {
    server.enqueue(Reply.of(555, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThat(t.send(Request.get(server.url("/x")).build()).attempts()).isEqualTo(2);
    }
  }

  @Test
  void backoffGrowsExponentiallyWithJitterWithinBounds() {
    server.enqueue(Reply.of(502, ""), Reply.of(502, ""), Reply.of(502, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport(RetryPolicy.builder().initialBackoff(Duration.ofSeconds(1)))) {
      t.send(Request.get(server.url("/x")).build());
      // random() = 0.5 → 75% of the capped exponential base: 1 s, 2 s, 4 s.
      assertThat(sleeper.sleeps()).containsExactly(
          Duration.ofMillis(750), Duration.ofMillis(1500), Duration.ofMillis(3000));
    }
  }

  @Test
  void honoursRetryAfterSecondsOn429() {
    server.enqueue(Reply.of(429, "Rate limit for this resource has been exceeded", "Retry-After", "7"),
        Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThat(t.send(Request.get(server.url("/x")).build()).status()).isEqualTo(200);
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(7));
    }
  }

  @Test
  void honoursRetryAfterHttpDate() {
    String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(30).atZone(ZoneOffset.UTC));
    server.enqueue(Reply.of(503, "", "Retry-After", at), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      t.send(Request.get(server.url("/x")).build());
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
    }
  }

  @Test
  void honoursRateLimitResetCountdownWhenNoRetryAfter() {
    server.enqueue(Reply.of(429, "Rate limit for this resource has been exceeded", "x-ratelimit-reset", "12"),
        Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      t.send(Request.get(server.url("/x")).build());
      assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
    }
  }

  @Test
  void givesUpAfterMaxAttemptsWithServerError() {
    server.dispatcher(r -> Reply.of(503, "Service Unavailable"));
    try (HttpTransport t = transport(RetryPolicy.builder().maxAttempts(3))) {
      assertThatThrownBy(() -> t.send(Request.get(server.url("/x")).build()))
          .isInstanceOfSatisfying(ServerErrorException.class, e -> assertThat(e.status()).isEqualTo(503))
          .hasMessageContaining("on all 3 attempts");
      assertThat(server.requestCount()).isEqualTo(3);
    }
  }

  @Test
  void stopsRetryingWhenTheTotalTimeBudgetWouldBeExceeded() {
    server.dispatcher(r -> Reply.of(500, ""));
    RetryPolicy.Builder policy = RetryPolicy.builder().maxAttempts(100).initialBackoff(Duration.ofSeconds(8))
        .maxBackoff(Duration.ofSeconds(8)).maxTotalTime(Duration.ofSeconds(20));
    try (HttpTransport t = transport(policy)) {
      Response r = t.exchange(Request.get(server.url("/x")).build());
      // Waits of 6 s each (75% of 8 s): 6, 12, 18; a fourth would end at 24 s > 20 s.
      assertThat(r.attempts()).isEqualTo(4);
      assertThat(server.requestCount()).isEqualTo(4);
    }
  }

  @Test
  void rateLimitWithWaitBeyondBudgetIsReportedWithTheHint() {
    server.enqueue(Reply.of(429, "Rate limit for this resource has been exceeded", "Retry-After", "3600"));
    try (HttpTransport t = transport()) {
      assertThatThrownBy(() -> t.send(Request.get(server.url("/x")).build()))
          .isInstanceOfSatisfying(RateLimitedException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)))
          .hasMessageContaining("Rate limit for this resource has been exceeded")
          .hasMessageContaining("wait 3600 s");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void neverRetriesPostAutomatically() {
    server.enqueue(Reply.of(503, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThatThrownBy(() -> t.send(Request.postJson(server.url("/x"), "{}").build()))
          .isInstanceOf(ServerErrorException.class);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void retriesPostMarkedRetrySafe() {
    server.enqueue(Reply.of(503, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThat(t.send(Request.postJson(server.url("/x"), "{}").retrySafe().build()).attempts()).isEqualTo(2);
      assertThat(server.requests()).extracting(ScriptedServer.Recorded::body).containsExactly("{}", "{}");
    }
  }

  @Test
  void noRetryRequestIsSentOnce() {
    server.enqueue(Reply.of(503, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThat(t.exchange(Request.get(server.url("/x")).noRetry().build()).status()).isEqualTo(503);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void doesNotRetryClientErrors() {
    server.enqueue(Reply.of(400, ""), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThat(t.exchange(Request.get(server.url("/x")).build()).status()).isEqualTo(400);
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void retriesGetAfterDroppedConnection() {
    server.enqueue(Reply.dropConnection(), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      Response r = t.send(Request.get(server.url("/x")).build());

      assertThat(r.attempts()).isEqualTo(2);
      assertThat(listener.events(HttpEvent.ExchangeFailed.class)).singleElement()
          .satisfies(e -> assertThat(e.mayHaveReachedServer()).isTrue());
    }
  }

  @Test
  void droppedConnectionOnPostIsTransportFailureThatMayHaveReachedServer() {
    server.enqueue(Reply.dropConnection(), Reply.of(200, "ok"));
    try (HttpTransport t = transport()) {
      assertThatThrownBy(() -> t.send(Request.postJson(server.url("/x"), "{}").build()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.mayHaveReachedServer()).isTrue();
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.method()).isEqualTo("POST");
          })
          .hasMessageContaining("may have reached Bitbucket");
      assertThat(server.requestCount()).isEqualTo(1);
    }
  }

  @Test
  void refusedConnectionIsRetriedThenReportedAsNotSent() {
    URI dead;
    try (ScriptedServer gone = ScriptedServer.start()) {
      dead = gone.url("/x");
    }
    try (HttpTransport t = transport(RetryPolicy.builder().maxAttempts(3))) {
      assertThatThrownBy(() -> t.send(Request.get(dead).build()))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.mayHaveReachedServer()).isFalse();
            assertThat(e.attempts()).isEqualTo(3);
          })
          .hasMessageContaining("was not sent");
    }
  }

  @Test
  void redirectsAreReturnedNotFollowed() {
    try (ScriptedServer other = ScriptedServer.start(); HttpTransport t = transport()) {
      server.enqueue(Reply.of(302, "", "Location", other.url("/elsewhere").toString()));

      Response r = t.exchange(Request.get(server.url("/x")).build());

      assertThat(r.status()).isEqualTo(302);
      assertThat(other.requestCount()).isZero();
    }
  }

  @Test
  void authorizationIsAddedOnlyForTheApiOrigin() {
    try (ScriptedServer other = ScriptedServer.start(); HttpTransport base = transport()) {
      server.enqueue(Reply.of(200, "ok"));
      other.enqueue(Reply.of(200, "ok"));
      HttpTransport api = base.withAuthorizer(
          dev.bbpush.client.auth.Credentials.accessToken("ATCTT3xSECRETSECRETSECRET")::authorizationHeader,
          server.url("/2.0"));

      api.send(Request.get(server.url("/2.0/x")).build());
      api.send(Request.get(other.url("/2.0/x")).build());

      assertThat(server.requests().get(0).header("Authorization")).isEqualTo("Bearer ATCTT3xSECRETSECRETSECRET");
      assertThat(other.requests().get(0).header("Authorization")).isNull();
    }
  }
}
