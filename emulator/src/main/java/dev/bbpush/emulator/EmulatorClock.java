package dev.bbpush.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's notion of "now". Token expiry, OAuth lifetimes and rate-limit windows all read it, so
 * tests can move time with {@code POST /_emulator/clock} instead of sleeping. Until it is set it
 * follows the system clock.
 */
public final class EmulatorClock {
    private final Clock system;
    /** Offset from the system clock; zero means "system time". */
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public EmulatorClock() {
        this(Clock.systemUTC());
    }

    public EmulatorClock(Clock system) {
        this.system = system;
    }

    public Instant now() {
        return system.instant().plus(offset.get());
    }

    /** Makes {@link #now()} return {@code instant} from this moment on (time keeps running). */
    public void set(Instant instant) {
        offset.set(Duration.between(system.instant(), instant));
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration d) {
        offset.updateAndGet(o -> o.plus(d));
    }

    /** Back to system time. */
    public void reset() {
        offset.set(Duration.ZERO);
    }
}
