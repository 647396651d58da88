package dev.bbpush.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.MutableClock;
import dev.bbpush.client.RecordingSleeper;
import dev.bbpush.client.ScriptedServer;
import dev.bbpush.client.ScriptedServer.Reply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Server wait hints the emulator cannot send, against a {@link ScriptedServer}: a {@code Retry-After} HTTP date
 * (RFC 9110 §10.2.3) and the {@code X-RateLimit-Reset} countdown seen on Bitbucket's anonymous 429s
 * (bitbucket-cloud-auth.md §7). The emulator's {@code rate-limit} fault sends {@code Retry-After} in seconds only;
 * everything else about retries is tested against the emulator in {@link RetryTest}.
 */
class RetryHintsTest {
    private final ScriptedServer server = ScriptedServer.start();
    private final MutableClock clock = MutableClock.atEpochPlusDays(0);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    private HttpTransport transport() {
        return HttpTransport.builder()
                .retryPolicy(RetryPolicy.builder()
                        .clock(clock)
                        .sleeper(sleeper)
                        .random(() -> 0.5)
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void honoursRetryAfterHttpDate() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().plusSeconds(30).atZone(ZoneOffset.UTC));
        server.enqueue(Reply.of(503, "", "Retry-After", at), Reply.of(200, "ok"));
        try (HttpTransport t = transport()) {
            assertThat(t.send(Request.get(server.url("/x")).build()).attempts()).isEqualTo(2);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30));
        }
    }

    @Test
    void honoursRateLimitResetCountdownWhenNoRetryAfter() {
        server.enqueue(
                Reply.of(429, "Rate limit for this resource has been exceeded", "x-ratelimit-reset", "12"),
                Reply.of(200, "ok"));
        try (HttpTransport t = transport()) {
            assertThat(t.send(Request.get(server.url("/x")).build()).attempts()).isEqualTo(2);
            assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(12));
        }
    }
}
