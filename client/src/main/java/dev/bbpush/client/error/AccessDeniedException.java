package dev.bbpush.client.error;

/**
 * 403 without scope details: the credential is valid but may not do this (permission, IP allowlist, policy, or an
 * endpoint the credential type cannot use).
 */
public class AccessDeniedException extends BitbucketApiException {
    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message, ApiFailure failure) {
        super(message, failure);
    }
}
