package dev.bbpush.emulator.control;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

/**
 * Records the journal entry before any byte of the response can reach the client, so a client that has seen its
 * response complete always finds its request in {@code GET /_emulator/requests}.
 *
 * <p>The first write, flush, close, {@code sendError} or {@code sendRedirect} calls {@code beforeCommit} with the
 * status known at that point; the {@link TrafficFilter} records at exit when none of these happened. Headers,
 * including {@code Content-Length}, are passed through unchanged.
 */
final class JournalingResponse extends HttpServletResponseWrapper {
    private final IntConsumer beforeCommit;
    private ServletOutputStream out;
    private PrintWriter writer;

    /** @param beforeCommit called at most once per response by the caller's own guard; receives the status */
    JournalingResponse(HttpServletResponse response, IntConsumer beforeCommit) {
        super(response);
        this.beforeCommit = beforeCommit;
    }

    private void committing() {
        beforeCommit.accept(getStatus());
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        beforeCommit.accept(sc);
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        beforeCommit.accept(sc);
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        beforeCommit.accept(302);
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() throws IOException {
        committing();
        super.flushBuffer();
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (out == null) {
            ServletOutputStream real = super.getOutputStream();
            out = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    committing();
                    real.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    committing();
                    real.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    committing();
                    real.flush();
                }

                @Override
                public void close() throws IOException {
                    committing();
                    real.close();
                }

                @Override
                public boolean isReady() {
                    return real.isReady();
                }

                @Override
                public void setWriteListener(WriteListener writeListener) {
                    real.setWriteListener(writeListener);
                }
            };
        }
        return out;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), cs), false);
        }
        return writer;
    }
}
