package dev.bbpush.client.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads how long a server asked us to wait: {@code Retry-After} (delta-seconds or HTTP date, RFC 9110 §10.2.3), else
 * {@code X-RateLimit-Reset} (seconds remaining in the window, a countdown rather than an epoch; reference:
 * bitbucket-cloud-auth.md §7).
 */
public final class ServerWaitHint {
    private ServerWaitHint() {}

    /** The requested wait, never negative; empty when the headers give none or it cannot be parsed. */
    public static Optional<Duration> of(Headers headers, Instant now) {
        Optional<String> retryAfter = headers.first("Retry-After");
        if (retryAfter.isPresent()) {
            String v = retryAfter.get().strip();
            Optional<Duration> seconds = seconds(v);
            if (seconds.isPresent()) {
                return seconds;
            }
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration d = Duration.between(now, at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e) {
                // Unparseable: fall through to the rate-limit header.
            }
        }
        return headers.first("X-RateLimit-Reset").flatMap(v -> seconds(v.strip()));
    }

    private static Optional<Duration> seconds(String v) {
        if (v.isEmpty() || v.length() > 9 || !v.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
    }
}
