package dev.bbpush.client.push;

/**
 * Receives {@link PushEvent}s: the library never prints, it reports progress. Called on the pushing thread. It
 * should not throw; an exception thrown from {@link PushEvent.PlanReady} or earlier aborts the push before anything
 * is written, one thrown later may leave the outcome of the commit request unknown.
 */
@FunctionalInterface
public interface PushListener {
    /** Ignores everything. */
    PushListener NONE = event -> {};

    void onEvent(PushEvent event);
}
