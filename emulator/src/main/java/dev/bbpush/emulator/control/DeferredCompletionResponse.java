package dev.bbpush.emulator.control;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Keeps a response from completing on the wire before the {@link TrafficFilter} has journaled it.
 *
 * <p>A handler that sets {@code Content-Length} and writes that many bytes, or closes the output stream,
 * lets Jetty finish the exchange at once; a client could then read {@code GET /_emulator/requests}
 * before its own request is in the journal. Dropping the declared length and ignoring {@code close()}
 * means the last bytes leave only when the filter chain returns, after the entry is recorded. (Jetty
 * still computes a {@code Content-Length} for bodies that fit its buffer, and streams larger ones
 * chunked.)
 */
final class DeferredCompletionResponse extends HttpServletResponseWrapper {
  private ServletOutputStream out;

  DeferredCompletionResponse(HttpServletResponse response) {
    super(response);
  }

  @Override
  public void setContentLength(int len) {
    // Deliberately dropped: see the class comment.
  }

  @Override
  public void setContentLengthLong(long len) {
    // Deliberately dropped: see the class comment.
  }

  @Override
  public void setHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.setHeader(name, value);
    }
  }

  @Override
  public void addHeader(String name, String value) {
    if (!"Content-Length".equalsIgnoreCase(name)) {
      super.addHeader(name, value);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (out == null) {
      ServletOutputStream real = super.getOutputStream();
      out =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              real.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              real.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              real.flush();
            }

            @Override
            public void close() {
              // Completion is left to the container, after the journal entry is written.
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
}
