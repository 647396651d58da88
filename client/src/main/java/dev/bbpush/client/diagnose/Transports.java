package dev.bbpush.client.diagnose;

import dev.bbpush.client.error.TransportException;
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
            boolean untrusted = m.contains("pkix") || m.contains("certification path") || m.contains("certificate");
            String summary = untrusted
                    ? "The TLS connection to " + where + " failed: the server's certificate is not trusted (" + seen
                            + "). A "
                            + "corporate proxy or firewall that inspects TLS presents its own certificate; Bitbucket's is publicly "
                            + "trusted."
                    : "The TLS handshake with " + where + " failed (" + seen
                            + "). The port may not speak TLS (an https URL "
                            + "pointing at a plain-http port), or a proxy/firewall interferes. Nothing reached Bitbucket, so this "
                            + "says nothing about the credential.";
            String fix = untrusted
                    ? "Ask your network team for the proxy's CA certificate and add it to the Java trust store:\n"
                            + "  keytool -importcert -alias corp-proxy -file proxy-ca.pem -cacerts\n"
                            + "Or run bbpush from a network without TLS inspection."
                    : "Check the URL's scheme and port (Bitbucket Cloud: --api-url https://api.bitbucket.org/2.0; a local "
                            + "emulator: http://127.0.0.1:<port>/2.0).\n"
                            + "If a proxy is required, run from a network that reaches api.bitbucket.org directly.";
            return new Verdict(Cause.TLS_OR_PROXY_FAILURE, summary, fix);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new Verdict(
                    Cause.TLS_OR_PROXY_FAILURE,
                    "The host name " + uri.getHost() + " could not be resolved (DNS: " + seen
                            + "). Nothing reached Bitbucket.",
                    "Check the host in --api-url / BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).\n"
                            + "Check DNS and proxy settings: nslookup " + uri.getHost());
        }
        if (e.getCause() instanceof IOException io
                && io.getClass().getSimpleName().contains("Proxy")) {
            return new Verdict(
                    Cause.TLS_OR_PROXY_FAILURE,
                    "A proxy refused the connection to " + where + " (" + seen + ").",
                    "Check the proxy settings, or run from a network that reaches api.bitbucket.org directly.");
        }
        if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return new Verdict(
                    Cause.UNKNOWN,
                    "Nothing accepted a connection at " + where + " (" + seen
                            + "). Nothing reached Bitbucket, so this says nothing about the credential.",
                    "Check the URL's host and port (Bitbucket Cloud: https://api.bitbucket.org/2.0); for a local emulator, "
                            + "start it with: bbpush emulator");
        }
        if (find(e, SocketTimeoutException.class) != null
                || find(e, InterruptedIOException.class) != null
                || seen.toLowerCase(Locale.ROOT).contains("timed out")) {
            return new Verdict(
                    Cause.UNKNOWN,
                    "No answer from " + where + " in time (" + seen
                            + "). The network or Bitbucket is slow or down; this says "
                            + "nothing about the credential.",
                    "Try again later; check https://bitbucket.status.atlassian.com for incidents.");
        }
        return new Verdict(
                Cause.UNKNOWN,
                "The request to " + where + " failed without an answer (" + seen + "); this says nothing about the "
                        + "credential.",
                "Try again; if it persists, check the network path to " + uri.getHost() + ".");
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
