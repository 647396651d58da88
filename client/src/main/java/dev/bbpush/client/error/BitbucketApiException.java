package dev.bbpush.client.error;

import java.net.URI;
import java.util.Optional;

/**
 * Bitbucket answered, and the answer was no: a non-2xx status with its parsed error body and the response headers
 * that explain it. Typed subclasses cover the cases callers act on:
 *
 * <table>
 *   <caption>Status to type</caption>
 *   <tr><td>401</td><td>{@link AuthenticationException}</td></tr>
 *   <tr><td>403 with granted/required scopes</td><td>{@link MissingScopesException}</td></tr>
 *   <tr><td>other 403</td><td>{@link AccessDeniedException}</td></tr>
 *   <tr><td>404</td><td>{@link NotFoundException}</td></tr>
 *   <tr><td>409, or 400 with {@code error.data.key = BRANCH_ALREADY_EXISTS}</td><td>{@link ConflictException}</td></tr>
 *   <tr><td>429</td><td>{@link RateLimitedException}</td></tr>
 *   <tr><td>5xx (incl. Bitbucket's 555)</td><td>{@link ServerErrorException}</td></tr>
 *   <tr><td>anything else (400, 405, 410, ...)</td><td>{@code BitbucketApiException}</td></tr>
 * </table>
 *
 * <p>The message says what was refused, Bitbucket's own words, and what to do; it never contains a secret.
 */
public class BitbucketApiException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final transient ApiFailure failure;

    public BitbucketApiException(String message, ApiFailure failure) {
        super(message);
        this.failure = failure;
    }

    /** All the evidence: request line, status, parsed body, selected headers. */
    public ApiFailure failure() {
        return failure;
    }

    public int status() {
        return failure.status();
    }

    public String method() {
        return failure.method();
    }

    public URI uri() {
        return failure.uri();
    }

    /** The parsed error body. */
    public ErrorBody error() {
        return failure.error();
    }

    /** Bitbucket's {@code error.message} (or plain-text first line), when the response had a body. */
    public Optional<String> bitbucketMessage() {
        return failure.error().message();
    }

    /** A selected response header (see {@link ApiFailure}), by case-insensitive name. */
    public Optional<String> header(String name) {
        return failure.header(name);
    }
}
