package dev.bbpush.client.auth.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.UnexpectedResponseException;
import dev.bbpush.client.http.Authorizer;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.internal.Messages;
import dev.bbpush.client.internal.RefusalTexts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Bearer tokens for {@link OAuthClientCredentials} (reference: bitbucket-cloud-auth.md §2.5): fetched from the token
 * endpoint with HTTP Basic {@code key:secret} and {@code grant_type=client_credentials}, cached, and fetched again once
 * 90% of {@code expires_in} has passed (by the injected {@link Clock}), so a request never goes out with a token about
 * to expire.
 *
 * <p>Rotating refresh tokens: Bitbucket stopped returning refresh tokens for client credentials on 2026-05-04, but
 * when a response does carry one, the next renewal uses {@code grant_type=refresh_token} with it and keeps the new
 * refresh token each response returns (each one is single-use). A refused refresh falls back to client credentials.
 *
 * <p>Token requests: a client-credentials request is retry-safe (a repeat only mints another token); a refresh-token
 * request is never resent, because the first attempt may already have consumed the refresh token. A missing
 * {@code expires_in} is taken as 3600 s (the documented lifetime).
 *
 * <p>Thread-safe: one token fetch at a time; concurrent callers wait and share its result.
 */
public final class ClientCredentialsAuthorizer implements Authorizer {
    /** The share of a token's lifetime after which it is renewed. */
    static final double RENEW_AT = 0.9;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final OAuthClientCredentials credentials;
    private final URI tokenEndpoint;
    private final HttpTransport transport;
    private final Clock clock;

    private Secret accessToken;
    private Instant renewAt;
    private Duration lifetime;
    private Instant expiresAt;
    private Secret refreshToken;
    private Optional<String> scopes = Optional.empty();

    /**
     * @param credentials the consumer key and secret
     * @param tokenEndpoint where to fetch tokens
     * @param transport a transport without authorizer (the token request carries its own Basic header)
     * @param clock decides when a token is due for renewal
     */
    public ClientCredentialsAuthorizer(
            OAuthClientCredentials credentials, URI tokenEndpoint, HttpTransport transport, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.tokenEndpoint = Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token endpoint for an API URL when none is configured: for a loopback API URL (an emulator) the API's origin +
     * {@code /site/oauth2/access_token}; otherwise {@link OAuthClientCredentials#BITBUCKET_TOKEN_ENDPOINT}.
     */
    public static URI defaultTokenEndpoint(URI apiUrl, boolean loopback) {
        if (!loopback) {
            return OAuthClientCredentials.BITBUCKET_TOKEN_ENDPOINT;
        }
        return URI.create(apiUrl.getScheme() + "://" + apiUrl.getRawAuthority() + "/site/oauth2/access_token");
    }

    /**
     * The current {@code Bearer} header, fetching or renewing the token first when due.
     *
     * @throws dev.bbpush.client.error.AuthenticationException when the token endpoint refuses the client credentials
     * @throws dev.bbpush.client.error.TransportException when the token endpoint cannot be reached
     */
    @Override
    public synchronized Secret authorization() {
        return Secret.of("Bearer " + currentToken().reveal());
    }

    /** The current access token (fetched or renewed when due), e.g. as the Git password with {@code x-token-auth}. */
    public synchronized Secret currentToken() {
        Instant now = clock.instant();
        if (accessToken == null || !now.isBefore(renewAt)) {
            fetch(now);
        }
        return accessToken;
    }

    /** The scopes the last token response granted ({@code scope}, or the pre-2026 {@code scopes}). */
    public synchronized Optional<String> grantedScopes() {
        return scopes;
    }

    @Override
    public Optional<Credentials> credentials() {
        return Optional.of(credentials);
    }

    /** Drops the cached token unconditionally; the transport calls {@link #refreshAfterUnauthorized(Secret)}. */
    @Override
    public synchronized boolean refreshAfterUnauthorized() {
        accessToken = null;
        return true;
    }

    /**
     * Drops the cached token only if it is the one the refused request carried: when several requests sent with an old
     * token get 401 concurrently, the first fetches a new token and the others resend with it instead of discarding it.
     */
    @Override
    public synchronized boolean refreshAfterUnauthorized(Secret sent) {
        if (sent == null || accessToken == null || sent.reveal().equals("Bearer " + accessToken.reveal())) {
            accessToken = null;
        }
        return true;
    }

    private void fetch(Instant now) {
        if (refreshToken != null) {
            try {
                accept(
                        post(
                                "grant_type=refresh_token&refresh_token="
                                        + URLEncoder.encode(refreshToken.reveal(), StandardCharsets.UTF_8),
                                false),
                        now);
                return;
            } catch (BitbucketApiException refused) {
                // The refresh token expired or was already used: start again from the client credentials.
                refreshToken = null;
            }
        }
        try {
            accept(post("grant_type=client_credentials", true), now);
        } catch (BitbucketApiException refused) {
            throw explained(refused);
        }
    }

    /**
     * The token endpoint's refusal with a message naming the cause and the fix (RFC 6749 error codes; texts observed
     * from Bitbucket, reference: bitbucket-cloud-auth.md §2.5): {@code invalid_client} (wrong key or secret) and
     * {@code invalid_grant} for a consumer marked public.
     */
    private BitbucketApiException explained(BitbucketApiException refused) {
        ApiFailure f = refused.failure();
        String said = refused.bitbucketMessage().orElse("");
        String id = credentials.clientId();
        if (f.status() == 401) {
            return new AuthenticationException(RefusalTexts.Failed.oauthClientRefused(f, id), f);
        }
        if (f.status() == 400 && said.contains("marked as \"public\"")) {
            return new BitbucketApiException(RefusalTexts.Failed.oauthPublicConsumer(f, id), f);
        }
        if (f.status() == 400) {
            return new BitbucketApiException(RefusalTexts.Failed.oauthTokenRefused(f, id), f);
        }
        if (f.status() == 404) {
            return new NotFoundException(RefusalTexts.Failed.oauthTokenRefused(f, id), f);
        }
        return refused; // e.g. 429 and 5xx keep their messages
    }

    private Response post(String form, boolean retrySafe) {
        Request.Builder b = tokenRequest(form);
        if (retrySafe) {
            b.retrySafe();
        }
        return transport.send(b.build());
    }

    /** The token request with this consumer's HTTP Basic {@code key:secret} (and no other authorization). */
    private Request.Builder tokenRequest(String form) {
        String basic = Base64.getEncoder()
                .encodeToString((credentials.clientId() + ":"
                                + credentials.clientSecret().reveal())
                        .getBytes(StandardCharsets.UTF_8));
        return Request.postForm(tokenEndpoint, form)
                .withoutAuthorization()
                .header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
    }

    /**
     * The client-credentials token request, for a caller that sends it itself and hands the answer back with {@link
     * #accept(Response)}: the auth doctor, which sends it once (no retry) and keeps the exchange as evidence. Retries
     * are the caller's choice; the request carries the consumer's secret in its {@code Authorization}.
     */
    public Request clientCredentialsRequest() {
        return tokenRequest("grant_type=client_credentials").build();
    }

    /**
     * Keeps the token of a token endpoint's answer to {@link #clientCredentialsRequest()} that the caller sent itself,
     * exactly as a fetch of this authorizer would; afterwards {@link #authorization()} and {@link #currentGrant()} use
     * it until it is due for renewal.
     *
     * @return the grant kept, or empty when the answer is not a success carrying an {@code access_token} (nothing is
     *     kept then)
     */
    public synchronized Optional<Grant> accept(Response r) {
        if (!r.isSuccessful()) {
            return Optional.empty();
        }
        try {
            accept(r, clock.instant());
        } catch (UnexpectedResponseException noToken) {
            return Optional.empty();
        }
        return currentGrant();
    }

    /** The cached token, when one is held and not yet due for renewal; never fetches. */
    public synchronized Optional<Grant> currentGrant() {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            return Optional.empty();
        }
        return Optional.of(new Grant(accessToken, lifetime, expiresAt, scopes));
    }

    /**
     * A token the endpoint issued.
     *
     * @param accessToken the access token (sent as {@code Bearer})
     * @param lifetime its {@code expires_in} (3600 s when the answer gave none)
     * @param expiresAt when it expires, by this authorizer's clock
     * @param scopes the scopes the answer granted, when it named them
     */
    public record Grant(Secret accessToken, Duration lifetime, Instant expiresAt, Optional<String> scopes) {
        @Override
        public String toString() {
            return "Grant[" + accessToken + ", expires " + expiresAt + ", scopes " + scopes.orElse("(not reported)")
                    + "]";
        }
    }

    private void accept(Response r, Instant now) {
        JsonNode json;
        try {
            json = MAPPER.readTree(r.body());
        } catch (IOException e) {
            json = null;
        }
        if (json == null
                || !json.path("access_token").isTextual()
                || json.path("access_token").asText().isEmpty()) {
            throw new UnexpectedResponseException(
                    Messages.unexpectedBody(r.method(), r.uri(), r.status(), "the body has no access_token"),
                    r.status());
        }
        Duration lifetime = json.path("expires_in").canConvertToLong()
                        && json.path("expires_in").asLong() > 0
                ? Duration.ofSeconds(json.path("expires_in").asLong())
                : DEFAULT_LIFETIME;
        accessToken = Secret.of(json.path("access_token").asText());
        this.lifetime = lifetime;
        expiresAt = now.plus(lifetime);
        renewAt = now.plusMillis((long) (lifetime.toMillis() * RENEW_AT));
        String newRefresh = json.path("refresh_token").asText("");
        refreshToken = newRefresh.isEmpty() ? null : Secret.of(newRefresh);
        String scope = json.hasNonNull("scope")
                ? json.path("scope").asText()
                : json.path("scopes").asText(null);
        scopes = Optional.ofNullable(scope);
    }

    @Override
    public String toString() {
        return "ClientCredentialsAuthorizer[" + credentials.clientId() + " at " + tokenEndpoint + "]";
    }
}
