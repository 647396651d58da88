package dev.bbpush.client.commit;

import java.io.IOException;

/**
 * A local file of a change set could not be read, or changed, while a request body was being written. It is a local
 * problem, not a network one: the transport rethrows it (wrapped in {@link java.io.UncheckedIOException}) instead
 * of reporting a transport failure, and it is never retried. Bitbucket only commits complete bodies, so nothing of an
 * interrupted body is committed.
 */
public final class LocalContentException extends IOException {
  private static final long serialVersionUID = 1L;

  public LocalContentException(String message) {
    super(message);
  }

  public LocalContentException(String message, Throwable cause) {
    super(message, cause);
  }
}
