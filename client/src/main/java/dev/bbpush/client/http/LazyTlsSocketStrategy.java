package dev.bbpush.client.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's default TLS, set up on the first {@code https} connection instead of when the client is built.
 * Building the default {@code SSLContext} loads the JDK's trust store and security providers (about 600 classes and
 * 100–200 ms of a cold CLI start, docs/benchmarks.md), which a command that never opens a TLS connection (the
 * emulator, a proxy on loopback) does not need. The TLS used is exactly {@link DefaultClientTlsStrategy#createDefault()}.
 */
final class LazyTlsSocketStrategy implements TlsSocketStrategy {
    private volatile TlsSocketStrategy delegate;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return delegate().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy delegate() {
        TlsSocketStrategy d = delegate;
        if (d == null) {
            synchronized (this) {
                d = delegate;
                if (d == null) {
                    d = DefaultClientTlsStrategy.createDefault();
                    delegate = d;
                }
            }
        }
        return d;
    }
}
