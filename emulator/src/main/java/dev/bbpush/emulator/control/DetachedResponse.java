package dev.bbpush.emulator.control;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A response that never reaches the wire: the handler runs to completion, its status is remembered, its body
 * and headers are dropped. Used by the {@code commit-then-reset} fault, which then resets the connection.
 */
final class DetachedResponse extends HttpServletResponseWrapper {
    private int status = SC_OK;
    private final ServletOutputStream sink = new ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // Writes complete at once.
        }

        @Override
        public void write(int b) {
            // dropped
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // dropped
        }
    };
    private PrintWriter writer;

    DetachedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendRedirect(String location) {
        status = SC_FOUND;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return sink;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter((OutputStream) sink, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void setHeader(String name, String value) {
        // dropped, like the body
    }

    @Override
    public void addHeader(String name, String value) {
        // dropped
    }

    @Override
    public void setIntHeader(String name, int value) {
        // dropped
    }

    @Override
    public void addIntHeader(String name, int value) {
        // dropped
    }

    @Override
    public void setDateHeader(String name, long date) {
        // dropped
    }

    @Override
    public void addDateHeader(String name, long date) {
        // dropped
    }

    @Override
    public void setContentType(String type) {
        // dropped
    }

    @Override
    public void setContentLength(int len) {
        // dropped
    }

    @Override
    public void setContentLengthLong(long len) {
        // dropped
    }

    @Override
    public void flushBuffer() {
        // nothing is ever committed
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void reset() {
        status = SC_OK;
    }

    @Override
    public void resetBuffer() {
        // nothing buffered
    }
}
