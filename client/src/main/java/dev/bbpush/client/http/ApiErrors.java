package dev.bbpush.client.http;

import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.error.MissingScopesException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.internal.Messages;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a non-2xx {@link Response} into the typed {@link BitbucketApiException} for its status. */
public final class ApiErrors {
  /** Response headers kept as evidence on every {@link ApiFailure} (reference: bitbucket-cloud-auth.md §4.6, §7). */
  public static final List<String> EVIDENCE_HEADERS = List.of(
      "WWW-Authenticate", "X-Credential-Type", "X-OAuth-Scopes", "X-Accepted-OAuth-Scopes", "Retry-After",
      "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset", "X-RateLimit-Resource",
      "X-RateLimit-NearLimit", "Content-Type", "Server");

  private ApiErrors() {}

  /** The failure evidence of a response. */
  public static ApiFailure failure(Response r, Clock clock) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : EVIDENCE_HEADERS) {
      r.header(name).ifPresent(v -> kept.put(name, v));
    }
    return new ApiFailure(r.method(), r.uri(), r.status(), r.reasonPhrase(), ErrorBody.parse(r.body()), kept,
        ServerWaitHint.of(r.headers(), clock.instant()).map(Duration::getSeconds));
  }

  /**
   * The exception for a non-2xx response.
   *
   * @throws IllegalArgumentException if the response is a success
   */
  public static BitbucketApiException toException(Response r, Clock clock) {
    if (r.isSuccessful()) {
      throw new IllegalArgumentException("response is a success: " + r.status());
    }
    ApiFailure f = failure(r, clock);
    ErrorBody e = f.error();
    int s = r.status();
    if (s == 401) {
      return new AuthenticationException(Messages.unauthorized(f), f);
    }
    if (s == 403 && (!e.required().isEmpty() || !e.granted().isEmpty())) {
      return new MissingScopesException(Messages.missingScopes(f, e.required(), e.granted()), f);
    }
    if (s == 403) {
      return new AccessDeniedException(Messages.accessDenied(f), f);
    }
    if (s == 404) {
      return new NotFoundException(Messages.notFound(f), f);
    }
    if (s == 409 || (s == 400 && e.dataKey().filter("BRANCH_ALREADY_EXISTS"::equals).isPresent())) {
      return new ConflictException(Messages.conflict(f), f);
    }
    if (s == 429) {
      return new RateLimitedException(Messages.rateLimited(f), f);
    }
    if (s >= 500) {
      return new ServerErrorException(Messages.serverError(f, r.attempts()), f);
    }
    return new BitbucketApiException(Messages.otherStatus(f), f);
  }
}
