package dev.bbpush.emulator.control;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/** Resets a request's TCP connection, so the client sees an I/O error and no HTTP status. */
final class ConnectionAbort {
    private ConnectionAbort() {}

    /** Closes the connection with a TCP RST (SO_LINGER 0); Jetty's later attempt to respond finds it closed. */
    static void reset(HttpServletRequest req) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(req);
        EndPoint endPoint = jetty.getConnectionMetaData().getConnection().getEndPoint();
        if (endPoint.getTransport() instanceof SocketChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // Already closed by the peer: closing below is still right.
            }
        }
        endPoint.close();
    }
}
