package dev.bbpush.client.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When and how long the transport waits before resending a retry-safe request (see {@link Request#retrySafe()}).
 *
 * <p>Retried: 429, 5xx except 501 and 505 (incl. Bitbucket's 555), and connection failures. The wait is the server's
 * hint when it gives one ({@code Retry-After} in seconds or as an HTTP date; else {@code X-RateLimit-Reset}, seconds
 * remaining, reference: bitbucket-cloud-auth.md §7), otherwise jittered exponential backoff: attempt {@code n} waits a
 * random time in {@code [b/2, b]} with {@code b = min(maxBackoff, initialBackoff * 2^(n-1))}. Retrying stops after
 * {@link #maxAttempts()} attempts, or when the next wait would end beyond {@link #maxTotalTime()} since the first
 * attempt (then a 429 is reported with the server's hint, so the caller can decide).
 *
 * <p>Defaults: 4 attempts, 500 ms initial backoff, 8 s max backoff, 60 s total. Time is read from an injectable
 * {@link Clock} and waits go through an injectable {@link Sleeper}, so tests need not wait.
 */
public final class RetryPolicy {
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration maxTotalTime;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private RetryPolicy(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.maxTotalTime = b.maxTotalTime;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.random = b.random;
    }

    /** The defaults described in the class comment. */
    public static RetryPolicy defaults() {
        return builder().build();
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return builder().maxAttempts(1).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxAttempts = maxAttempts;
        b.initialBackoff = initialBackoff;
        b.maxBackoff = maxBackoff;
        b.maxTotalTime = maxTotalTime;
        b.clock = clock;
        b.sleeper = sleeper;
        b.random = random;
        return b;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration maxTotalTime() {
        return maxTotalTime;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** Whether a response status is worth retrying (for retry-safe requests). */
    public static boolean isRetryableStatus(int status) {
        return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
    }

    /**
     * The wait before attempt {@code attempt + 1}, or empty to stop.
     *
     * @param attempt the attempt that just failed, 1-based
     * @param elapsed time since the first attempt started
     * @param serverHint the server's requested wait, if any
     */
    Optional<Duration> delayBeforeNext(int attempt, Duration elapsed, Optional<Duration> serverHint) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = serverHint.orElseGet(() -> backoff(attempt));
        if (elapsed.plus(delay).compareTo(maxTotalTime) > 0) {
            return Optional.empty();
        }
        return Optional.of(delay);
    }

    /**
     * The wait after failed attempt {@code attempt} (1-based) of a caller's own retry loop (e.g. the commit protocol,
     * whose POSTs the transport never resends): the server's hint when it gave one, else the jittered backoff. The
     * caller waits through {@link #sleeper()}.
     */
    public Duration waitAfter(int attempt, Optional<Duration> serverHint) {
        return serverHint.orElseGet(() -> backoff(attempt));
    }

    /**
     * Full-jitter exponential backoff for a caller's own contention loop (e.g. the commit protocol after a 409, when
     * many writers race for one branch): a random wait in {@code [0, min(cap, base * 2^(attempt-1))]}, drawn from this
     * policy's random source so tests can fix it. Full jitter, unlike {@link #waitAfter}'s {@code [b/2, b]}, spreads
     * writers that failed together over the whole window, so they stop colliding.
     *
     * @param attempt how many times in a row the caller lost, 1-based
     * @param base the window of the first wait
     * @param cap the largest window
     */
    public Duration fullJitter(int attempt, Duration base, Duration cap) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
        }
        long window = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * window));
    }

    private Duration backoff(int attempt) {
        long base = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(maxBackoff.toMillis(), base);
        double r = random.getAsDouble();
        return Duration.ofMillis((long) (capped / 2.0 + r * capped / 2.0));
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
                + maxBackoff + ", maxTotalTime=" + maxTotalTime + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private Duration maxTotalTime = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

        private Builder() {}

        /** Attempts in total, including the first (1 = never retry). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder initialBackoff(Duration d) {
            this.initialBackoff = positive(d, "initialBackoff");
            return this;
        }

        public Builder maxBackoff(Duration d) {
            this.maxBackoff = positive(d, "maxBackoff");
            return this;
        }

        /** The bound on first attempt + all waits; a wait that would cross it is not started. */
        public Builder maxTotalTime(Duration d) {
            this.maxTotalTime = positive(d, "maxTotalTime");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Source of jitter in {@code [0, 1)}. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + d);
            }
            return d;
        }
    }
}
