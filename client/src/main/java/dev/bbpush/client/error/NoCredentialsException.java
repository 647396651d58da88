package dev.bbpush.client.error;

/**
 * No usable credential was found: every source of the credential chain was empty, half-configured or refused. The
 * message lists each source's outcome and names the environment variables, flags or file to set. Nothing was sent to
 * Bitbucket.
 */
public final class NoCredentialsException extends BbpushException {
    private static final long serialVersionUID = 1L;

    public NoCredentialsException(String message) {
        super(message);
    }
}
