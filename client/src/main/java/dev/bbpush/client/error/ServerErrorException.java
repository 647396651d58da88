package dev.bbpush.client.error;

/** 5xx (incl. Bitbucket's 555): Bitbucket failed. Thrown after retries, for retry-safe requests. */
public class ServerErrorException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String message, ApiFailure failure) {
        super(message, failure);
    }
}
