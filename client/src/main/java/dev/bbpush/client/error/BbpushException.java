package dev.bbpush.client.error;

/**
 * The common unchecked base of every failure bbpush reports at run time. Three families sit under it and are never
 * mixed (STYLE.md §5):
 *
 * <ul>
 *   <li>{@link BitbucketApiException}: Bitbucket answered, and the answer was no (status, parsed error body, typed
 *       subclasses such as {@link AuthenticationException} or {@link NotFoundException});
 *   <li>{@link TransportException}: the exchange did not complete; the request may or may not have reached Bitbucket;
 *   <li>configuration failures such as {@link NoCredentialsException}: nothing was sent.
 * </ul>
 *
 * <p>Programmer errors (a null or malformed argument) are {@link IllegalArgumentException} or {@link
 * NullPointerException} naming the argument, not subclasses of this type. Messages never contain secrets.
 */
public class BbpushException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected BbpushException(String message) {
        super(message);
    }

    protected BbpushException(String message, Throwable cause) {
        super(message, cause);
    }
}
