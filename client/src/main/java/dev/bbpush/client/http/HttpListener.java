package dev.bbpush.client.http;

/**
 * Receives {@link HttpEvent}s: the library never prints, it reports. Called on the requesting thread; must not throw.
 * Events carry redacted headers and no bodies, so a listener can log them as they are.
 */
@FunctionalInterface
public interface HttpListener {
    /** Ignores everything. */
    HttpListener NONE = event -> {};

    void onEvent(HttpEvent event);
}
