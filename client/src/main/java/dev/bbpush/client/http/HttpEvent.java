package dev.bbpush.client.http;

import java.net.URI;
import java.time.Duration;

/**
 * What the transport reports to an {@link HttpListener}. Headers in events are always {@linkplain Headers#redacted()
 * redacted}; bodies are never included.
 */
public sealed interface HttpEvent {
    /** 1-based attempt number of the exchange this event belongs to. */
    int attempt();

    String method();

    URI uri();

    /** A request is about to be sent. */
    record RequestSent(int attempt, String method, URI uri, Headers headers) implements HttpEvent {}

    /** A response arrived (any status). */
    record ResponseReceived(int attempt, String method, URI uri, int status, Headers headers, Duration elapsed)
            implements HttpEvent {}

    /** The exchange failed without a response (connection refused/reset, timeout). */
    record ExchangeFailed(int attempt, String method, URI uri, String failure, boolean mayHaveReachedServer)
            implements HttpEvent {}

    /** The transport will resend after {@code delay}; {@code reason} says why (e.g. {@code 503}, {@code 429}). */
    record RetryScheduled(int attempt, String method, URI uri, String reason, Duration delay) implements HttpEvent {}
}
