package dev.bbpush.client.diagnose;

import java.util.Objects;
import java.util.Optional;

/**
 * What a step that may end the run gives back: a value to go on with (an answer, an {@code Authorization}), or the
 * {@link Verdict} that ends the run (the request failed in transit, was rate limited, or the budget ran out).
 */
final class Outcome<T> {
    private final T value;
    private final Verdict verdict;

    private Outcome(T value, Verdict verdict) {
        this.value = value;
        this.verdict = verdict;
    }

    static <T> Outcome<T> of(T value) {
        return new Outcome<>(Objects.requireNonNull(value, "value"), null);
    }

    static <T> Outcome<T> ended(Verdict verdict) {
        return new Outcome<>(null, Objects.requireNonNull(verdict, "verdict"));
    }

    /** Whether the run ends here; then {@link #verdict()} holds why. */
    boolean ended() {
        return verdict != null;
    }

    /** The value; only when not {@link #ended()}. */
    T value() {
        if (verdict != null) {
            throw new IllegalStateException("the run ended: " + verdict.cause());
        }
        return value;
    }

    /** The verdict that ends the run, or empty to go on. */
    Optional<Verdict> verdict() {
        return Optional.ofNullable(verdict);
    }
}
