package dev.bbpush.client.error;

/**
 * 404: the resource does not exist, or it is private and invisible to this credential (Bitbucket does not
 * distinguish).
 */
public class NotFoundException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, ApiFailure failure) {
        super(message, failure);
    }
}
