package dev.bbpush.client.diagnose;

import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.internal.ServiceTexts;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Explains a request that got no answer, from the exception chain of a {@link TransportException}: a TLS handshake
 * failure, a proxy, or DNS is {@link Cause#TLS_OR_PROXY_FAILURE}; a refused connection or a timeout is not evidence
 * about TLS or proxies (nor about the credential), so it is {@link Cause#UNKNOWN} with what was seen.
 */
final class Transports {
    private Transports() {}

    /** The verdict parts for a failed exchange. */
    record Verdict(Cause cause, String summary, String fix) {}

    static String describe(TransportException e) {
        Throwable root = e.getCause() == null ? e : e.getCause();
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static Verdict classify(TransportException e) {
        URI uri = e.uri();
        String where = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        String seen = describe(e);
        SSLException ssl = find(e, SSLException.class);
        if (ssl != null) {
            String m = String.valueOf(ssl.getMessage()).toLowerCase(Locale.ROOT);
            boolean untrusted = m.contains(ServiceTexts.TLS_SAYS_PKIX)
                    || m.contains(ServiceTexts.TLS_SAYS_CERTIFICATION_PATH)
                    || m.contains(ServiceTexts.TLS_SAYS_CERTIFICATE);
            String summary =
                    untrusted ? ServiceTexts.tlsUntrusted(where, seen) : ServiceTexts.tlsHandshakeFailed(where, seen);
            String fix = untrusted ? ServiceTexts.tlsUntrustedFix() : ServiceTexts.tlsHandshakeFailedFix();
            return new Verdict(Cause.TLS_OR_PROXY_FAILURE, summary, fix);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new Verdict(
                    Cause.TLS_OR_PROXY_FAILURE,
                    ServiceTexts.dnsFailed(uri.getHost(), seen),
                    ServiceTexts.dnsFailedFix(uri.getHost()));
        }
        if (e.getCause() instanceof IOException io
                && io.getClass().getSimpleName().contains("Proxy")) {
            return new Verdict(
                    Cause.TLS_OR_PROXY_FAILURE, ServiceTexts.proxyRefused(where, seen), ServiceTexts.proxyRefusedFix());
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return new Verdict(
                    Cause.UNKNOWN, ServiceTexts.connectionRefused(where, seen), ServiceTexts.connectionRefusedFix());
        }
        if (find(e, SocketTimeoutException.class) != null
                || find(e, InterruptedIOException.class) != null
                || seen.toLowerCase(Locale.ROOT).contains(ServiceTexts.SAYS_TIMED_OUT)) {
            return new Verdict(Cause.UNKNOWN, ServiceTexts.timedOut(where, seen), ServiceTexts.TRY_AGAIN_LATER);
        }
        return new Verdict(Cause.UNKNOWN, ServiceTexts.noAnswer(where, seen), ServiceTexts.noAnswerFix(uri.getHost()));
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
