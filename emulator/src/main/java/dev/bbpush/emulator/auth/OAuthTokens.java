package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.world.Credential;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OAuth 2.0 grants one emulator instance has issued: authorization codes, access tokens and
 * refresh tokens. In memory only; {@link #clear()} runs on emulator reset.
 *
 * <p>Refresh tokens rotate (reference: bitbucket-cloud-auth.md §2.5): using one issues a new one and
 * kills the old one at once (Bitbucket lets it live "shortly"; the emulator's choice is zero). An
 * unused refresh token dies after {@link #REFRESH_LIFETIME}. Authorization codes live
 * {@link #CODE_LIFETIME} and work once.
 */
public final class OAuthTokens {
    static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);

    private final SecureRandom random = new SecureRandom();
    /** How long an expired access token is still recognized as expired. */
    private static final Duration EXPIRED_KEPT = Duration.ofDays(30);

    private final Map<String, AccessGrant> access = new ConcurrentHashMap<>();
    private final Map<String, Grant> refresh = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();

    /**
     * What a token or code stands for.
     *
     * @param consumer the consumer's credential name
     * @param account the account acted as, or {@code null} for a client-credentials {@code app_user}
     * @param scopes the granted classic scopes
     * @param expires when it stops working
     */
    public record Grant(String consumer, String account, List<String> scopes, Instant expires) {
        public Grant {
            scopes = List.copyOf(scopes);
        }
    }

    /** An issued access token's grant; {@link Grant#expires()} is the access token's expiry. */
    public record AccessGrant(Grant grant) {}

    /** A freshly issued pair; {@code refreshToken} is {@code null} for client credentials. */
    public record Issued(String accessToken, String refreshToken, Duration lifetime, List<String> scopes) {
        @Override
        public String toString() {
            return "Issued[" + BasicCredentials.mask(accessToken) + ", " + scopes + "]";
        }
    }

    Issued issue(Credential consumer, String account, Duration lifetime, Instant now, boolean withRefresh) {
        List<String> scopes = consumer.scopes();
        String token = accessTokenValue(consumer, now, lifetime);
        prune(now);
        access.put(token, new AccessGrant(new Grant(consumer.name(), account, scopes, now.plus(lifetime))));
        String rt = null;
        if (withRefresh) {
            rt = randomToken(24);
            refresh.put(rt, new Grant(consumer.name(), account, scopes, now.plus(REFRESH_LIFETIME)));
        }
        return new Issued(token, rt, lifetime, scopes);
    }

    /**
     * Forgets expired refresh tokens, and access tokens expired for over {@link #EXPIRED_KEPT} (until then an expired
     * token is still recognized, so the client hears "expired" rather than "invalid").
     */
    private void prune(Instant now) {
        refresh.values().removeIf(g -> !now.isBefore(g.expires()));
        Instant horizon = now.minus(EXPIRED_KEPT);
        access.values().removeIf(a -> a.grant().expires().isBefore(horizon));
    }

    /** The grant of an access token, expired or not. */
    Optional<Grant> accessToken(String token) {
        AccessGrant g = access.get(token);
        return g == null ? Optional.empty() : Optional.of(g.grant());
    }

    /** Takes (and thereby kills) a refresh token of {@code consumer}; empty if unknown, used, expired or another consumer's. */
    Optional<Grant> takeRefreshToken(String token, String consumer, Instant now) {
        Grant g = refresh.get(token);
        // remove(key, value): of two concurrent uses, exactly one wins.
        if (g == null || !g.consumer().equals(consumer) || !refresh.remove(token, g)) {
            return Optional.empty();
        }
        return now.isBefore(g.expires()) ? Optional.of(g) : Optional.empty();
    }

    String issueCode(Credential consumer, String account, Instant now) {
        String code = randomToken(12);
        codes.values().removeIf(g -> !now.isBefore(g.expires()));
        codes.put(code, new Grant(consumer.name(), account, consumer.scopes(), now.plus(CODE_LIFETIME)));
        return code;
    }

    /** Takes a one-time authorization code of {@code consumer}; empty if unknown, used, expired or another consumer's. */
    Optional<Grant> takeCode(String code, String consumer, Instant now) {
        Grant g = codes.get(code);
        if (g == null || !g.consumer().equals(consumer) || !codes.remove(code, g)) {
            return Optional.empty();
        }
        return now.isBefore(g.expires()) ? Optional.of(g) : Optional.empty();
    }

    /** Forgets every issued code and token. */
    public void clear() {
        access.clear();
        refresh.clear();
        codes.clear();
    }

    /**
     * A JWT-shaped opaque token, as Bitbucket issues since the 2026 overhaul (§2.5). The payload holds
     * no secret; the "signature" is random, so the token is unguessable.
     */
    private String accessTokenValue(Credential consumer, Instant now, Duration lifetime) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = Json.obj()
                .put("iss", "bitbucket-emulator")
                .put("sub", consumer.name())
                .put("iat", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("jti", randomToken(12))
                .toString();
        return header + "." + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + randomToken(32);
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
