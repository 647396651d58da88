package dev.bbpush.client.error;

/**
 * 409 (e.g. {@code POST /src} whose parent is no longer the branch tip), or 400 with {@code error.data.key =
 * BRANCH_ALREADY_EXISTS}: the state changed or already exists; re-read and decide.
 */
public class ConflictException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, ApiFailure failure) {
        super(message, failure);
    }
}
