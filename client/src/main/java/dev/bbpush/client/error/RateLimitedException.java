package dev.bbpush.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * 429 "Rate limit for this resource has been exceeded" (reference: bitbucket-cloud-auth.md §7). Thrown after the retry
 * policy gave up (attempts or total time exhausted, or the server asked to wait longer than the remaining budget).
 */
public class RateLimitedException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message, ApiFailure failure) {
        super(message, failure);
    }

    /** How long the server asked to wait ({@code Retry-After} or {@code X-RateLimit-Reset}), when it said. */
    public Optional<Duration> retryAfter() {
        return failure().retryAfterSeconds().map(Duration::ofSeconds);
    }
}
