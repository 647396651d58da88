package dev.bbpush.client.push;

import java.io.IOException;
import java.net.Proxy;
import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.transport.http.HttpConnectionFactory2;
import org.eclipse.jgit.transport.http.JDKHttpConnectionFactory;

/**
 * Counts JGit's HTTP requests: JGit creates one {@link HttpConnection} per HTTP request, so counting {@code create}
 * counts requests. Installed per transport with {@code TransportHttp#setHttpConnectionFactory}; JGit's global
 * factory ({@code HttpTransport.setConnectionFactory}) is never touched.
 */
final class CountingConnectionFactory implements HttpConnectionFactory2 {
    private final JDKHttpConnectionFactory delegate = new JDKHttpConnectionFactory();
    private final AtomicInteger requests;

    CountingConnectionFactory(AtomicInteger requests) {
        this.requests = requests;
    }

    @Override
    public HttpConnection create(URL url) throws IOException {
        requests.incrementAndGet();
        return delegate.create(url);
    }

    @Override
    public HttpConnection create(URL url, Proxy proxy) throws IOException {
        requests.incrementAndGet();
        return delegate.create(url, proxy);
    }

    @Override
    public GitSession newSession() {
        return delegate.newSession();
    }
}
