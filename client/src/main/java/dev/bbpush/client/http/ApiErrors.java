package dev.bbpush.client.http;

import dev.bbpush.client.auth.AccessToken;
import dev.bbpush.client.auth.ApiToken;
import dev.bbpush.client.auth.AppPassword;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.OAuthAccessToken;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.TokenShape;
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
import dev.bbpush.client.internal.RefusalTexts;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns a non-2xx {@link Response} into the typed {@link BitbucketApiException} for its status. */
public final class ApiErrors {
    /** Response headers kept as evidence on every {@link ApiFailure} (reference: bitbucket-cloud-auth.md §4.6, §7). */
    public static final List<String> EVIDENCE_HEADERS = List.of(
            "WWW-Authenticate",
            "X-Credential-Type",
            "X-OAuth-Scopes",
            "X-Accepted-OAuth-Scopes",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-RateLimit-Resource",
            "X-RateLimit-NearLimit",
            "Content-Type",
            "Server");

    private ApiErrors() {}

    /** The failure evidence of a response. */
    public static ApiFailure failure(Response r, Clock clock) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : EVIDENCE_HEADERS) {
            r.header(name).ifPresent(v -> kept.put(name, v));
        }
        return new ApiFailure(
                r.method(),
                r.uri(),
                r.status(),
                r.reasonPhrase(),
                ErrorBody.parse(r.body()),
                kept,
                ServerWaitHint.of(r.headers(), clock.instant()).map(Duration::getSeconds));
    }

    /**
     * The exception for a non-2xx response.
     *
     * @throws IllegalArgumentException if the response is a success
     */
    public static BitbucketApiException toException(Response r, Clock clock) {
        return toException(r, clock, Optional.empty());
    }

    /**
     * The exception for a non-2xx response to a request sent with {@code sent}: a 401 whose cause is recognisable from
     * the response and the kind of credential (never its secret) gets a message naming that cause and its fix.
     *
     * @throws IllegalArgumentException if the response is a success
     */
    public static BitbucketApiException toException(Response r, Clock clock, Optional<Credentials> sent) {
        if (r.isSuccessful()) {
            throw new IllegalArgumentException("response is a success: " + r.status());
        }
        ApiFailure f = failure(r, clock);
        ErrorBody e = f.error();
        int s = r.status();
        if (s == 401) {
            return new AuthenticationException(unauthorizedMessage(f, sent.orElse(null)), f);
        }
        if (s == 403 && (!e.required().isEmpty() || !e.granted().isEmpty())) {
            return new MissingScopesException(RefusalTexts.Failed.missingScopes(f, e.required(), e.granted()), f);
        }
        if (s == 403) {
            return new AccessDeniedException(RefusalTexts.Failed.accessDenied(f), f);
        }
        if (s == 404) {
            return new NotFoundException(RefusalTexts.Failed.notFound(f), f);
        }
        if (s == 409
                || (s == 400
                        && e.dataKey().filter("BRANCH_ALREADY_EXISTS"::equals).isPresent())) {
            return new ConflictException(Messages.conflict(f), f);
        }
        if (s == 429) {
            return new RateLimitedException(RefusalTexts.Failed.rateLimited(f), f);
        }
        if (s >= 500) {
            return new ServerErrorException(Messages.serverError(f, r.attempts()), f);
        }
        return new BitbucketApiException(Messages.otherStatus(f), f);
    }

    /**
     * Recognises the common 401 causes (reference: bitbucket-cloud-auth.md §3, §5): an API token sent with a username
     * (Basic challenge, empty body), an app password after the 2026-07-28 removal, an API token sent as Bearer, an
     * account password. Anything else gets the general message.
     */
    private static String unauthorizedMessage(ApiFailure f, Credentials sent) {
        String said = f.error().message().orElse("");
        boolean basicChallenge = f.header("WWW-Authenticate")
                .map(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("basic"))
                .orElse(false);
        String basicUser = null;
        Secret basicSecret = null;
        if (sent instanceof ApiToken t) {
            basicUser = t.email();
            basicSecret = t.token();
        } else if (sent instanceof AppPassword p) {
            basicUser = p.username();
            basicSecret = p.password();
        }
        if (basicChallenge && basicSecret != null && isApiToken(basicSecret) && basicUser.indexOf('@') < 0) {
            return RefusalTexts.Failed.apiTokenWithUsername(f, shownIdentity(basicUser));
        }
        if (f.error().text().contains(RefusalTexts.SAYS_ACCOUNT_PASSWORD)) {
            return RefusalTexts.Failed.accountPassword(f);
        }
        if (said.startsWith(RefusalTexts.SAYS_APP_PASSWORD_DEPRECATED)
                || (sent instanceof AppPassword && basicChallenge)) {
            return RefusalTexts.Failed.appPasswordRemoved(f);
        }
        Secret bearer =
                sent instanceof AccessToken a ? a.token() : sent instanceof OAuthAccessToken o ? o.token() : null;
        if (bearer != null && isApiToken(bearer)) {
            return RefusalTexts.Failed.apiTokenAsBearer(f);
        }
        return RefusalTexts.Failed.unauthorized(f);
    }

    private static boolean isApiToken(Secret s) {
        return TokenShape.of(s) == TokenShape.API_TOKEN;
    }

    /** The Basic identity as shown in a message: masked when it looks like a pasted secret rather than a name. */
    private static String shownIdentity(String identity) {
        return TokenShape.looksLikeSecret(identity) ? Secret.mask(identity) : identity;
    }
}
