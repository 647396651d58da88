package dev.bbpush.client.error;

/**
 * Bitbucket answered with a success status, but the body was not what the API documents (not JSON, or a required
 * field missing). Usually a proxy or a wrong API URL answered instead of Bitbucket.
 */
public final class UnexpectedResponseException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public UnexpectedResponseException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
