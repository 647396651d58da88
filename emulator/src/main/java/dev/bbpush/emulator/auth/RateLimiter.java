package dev.bbpush.emulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Hourly request allowances over a rolling one-hour window measured by the emulator clock
 * (reference: bitbucket-cloud-auth.md §7). A bucket is a credential's counting key (user, access
 * token, OAuth consumer or client address) combined with a class (api, raw, git, anonymous).
 *
 * <p>Thread-safe. Refused requests are not counted.
 */
public final class RateLimiter {
    static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, Deque<Instant>> buckets = new HashMap<>();

    /**
     * Counts one request against {@code bucket} if it is under {@code limit}.
     *
     * @return the outcome: allowed or not, and how many requests the window holds afterwards
     */
    public synchronized Outcome acquire(String bucket, int limit, Instant now) {
        Deque<Instant> hits = buckets.computeIfAbsent(bucket, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(WINDOW);
        while (!hits.isEmpty() && !hits.peekFirst().isAfter(cutoff)) {
            hits.pollFirst();
        }
        if (hits.size() >= limit) {
            return new Outcome(false, hits.size(), limit);
        }
        hits.addLast(now);
        return new Outcome(true, hits.size(), limit);
    }

    /** Forgets every count (emulator reset). */
    public synchronized void reset() {
        buckets.clear();
    }

    /**
     * @param allowed whether the request may proceed
     * @param used requests counted in the window, this one included when allowed
     * @param limit the hourly allowance
     */
    public record Outcome(boolean allowed, int used, int limit) {
        /**
         * The emulator's reading of {@code X-RateLimit-NearLimit}: true once 80% of the allowance is used
         * (the header's exact semantics are not captured; §11.10).
         */
        public boolean nearLimit() {
            return used * 5L >= limit * 4L;
        }
    }
}
