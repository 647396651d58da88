package dev.bbpush.client.http;

import java.time.Duration;

/** Waits between retries. Tests inject one that records the requested delays instead of waiting. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
