package dev.bbpush.client.error;

import java.net.URI;

/**
 * The exchange did not complete: no HTTP response was received (connection refused or reset, timeout, TLS failure,
 * interrupted while waiting to retry). Thrown after the retry policy gave up.
 *
 * <p>{@link #mayHaveReachedServer()} tells whether Bitbucket may have received and acted on the request. For a
 * non-idempotent request (a commit {@code POST /src}) that was sent, the effect is unknown: read the current state
 * (e.g. the branch head) before trying again.
 */
public final class TransportException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final URI uri;
    private final boolean mayHaveReachedServer;
    private final int attempts;

    public TransportException(
            String message, String method, URI uri, boolean mayHaveReachedServer, int attempts, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.uri = uri;
        this.mayHaveReachedServer = mayHaveReachedServer;
        this.attempts = attempts;
    }

    /** The HTTP method of the failed request. */
    public String method() {
        return method;
    }

    /** The request URI (without user info). */
    public URI uri() {
        return uri;
    }

    /**
     * {@code false} only when the failure proves nothing was sent (connection refused, unknown host, connect timeout);
     * {@code true} when the request may have been received and processed.
     */
    public boolean mayHaveReachedServer() {
        return mayHaveReachedServer;
    }

    /** How many attempts were made, including retries. */
    public int attempts() {
        return attempts;
    }
}
