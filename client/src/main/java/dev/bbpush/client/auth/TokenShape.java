package dev.bbpush.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a secret looks like, judged from its public shape only: the one token-shape classifier of bbpush, used by the
 * credential providers (which kind a piped token is), the error messages (whether a refused token was an API token)
 * and the auth doctor (reference: bitbucket-cloud-auth.md §2.1 API tokens {@code ATATT3x…} of about 190 characters,
 * §2.4 access tokens {@code ATCTT3x…}, §2.3 app passwords {@code ATBB…}, §2.5 JWT-style OAuth access tokens and
 * 18/32-character consumer keys/secrets). A shape is a hint, never a verdict by itself: Bitbucket's answer decides.
 *
 * <p>Internal to bbpush's auth handling; its constants and checks may change between releases.
 */
public enum TokenShape {
    /** {@code ATATT…}: an Atlassian API token (Basic {@code email:token} on REST). */
    API_TOKEN("an Atlassian API token (ATATT…)"),
    /** {@code ATCTT…}: a repository, project or workspace access token (Bearer). */
    ACCESS_TOKEN("a repository/project/workspace access token (ATCTT…)"),
    /** {@code ATBB…}: an app password (removed by Bitbucket on 2026-07-28). */
    APP_PASSWORD("an app password (ATBB…)"),
    /** {@code ey….….…}: a JWT-style OAuth access token. */
    OAUTH_ACCESS_TOKEN("an OAuth access token (JWT-style header.payload.signature)"),
    /** 32 letters and digits: an OAuth consumer secret. */
    OAUTH_CONSUMER_SECRET("an OAuth consumer secret (32 letters and digits)"),
    /** None of the above (an account password, a typo, another service's token). */
    OTHER("none of Bitbucket's token shapes (a password?)");

    /** API tokens observed at roughly 190 characters; shorter ones were probably cut while pasting. */
    public static final int API_TOKEN_MIN_LENGTH = 150;

    /** Longer than this, an identity (a username or email) is rather a pasted secret. */
    static final int MAX_IDENTITY_LENGTH = 64;

    private static final Pattern CONSUMER_SECRET = Pattern.compile("[A-Za-z0-9]{32}");
    private static final Pattern CONSUMER_KEY = Pattern.compile("[A-Za-z0-9]{18}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_.+/=-]+");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String description;

    TokenShape(String description) {
        this.description = description;
    }

    /** A phrase naming the shape, e.g. {@code an Atlassian API token (ATATT…)}. */
    public String description() {
        return description;
    }

    /** The shape of {@code secret}. */
    public static TokenShape of(String secret) {
        if (secret.startsWith("ATATT")) {
            return API_TOKEN;
        }
        if (secret.startsWith("ATCTT")) {
            return ACCESS_TOKEN;
        }
        if (secret.startsWith("ATBB")) {
            return APP_PASSWORD;
        }
        if (JWT.matcher(secret).matches() && secret.startsWith("ey")) {
            return OAUTH_ACCESS_TOKEN;
        }
        if (CONSUMER_SECRET.matcher(secret).matches()) {
            return OAUTH_CONSUMER_SECRET;
        }
        return OTHER;
    }

    /** The shape of a secret (revealed only to be classified). */
    public static TokenShape of(Secret secret) {
        return of(secret.reveal());
    }

    /** Whether an API token is shorter than any Bitbucket issues (cut while pasting). */
    public static boolean looksTruncated(String secret) {
        return of(secret) == API_TOKEN && secret.length() < API_TOKEN_MIN_LENGTH;
    }

    /** Whether an identity has the shape of an email address. */
    public static boolean isEmail(String identity) {
        return EMAIL.matcher(identity).matches();
    }

    /** 18 letters and digits: the shape of a classic OAuth consumer key. */
    public static boolean looksLikeConsumerKey(String identity) {
        return CONSUMER_KEY.matcher(identity).matches();
    }

    /**
     * Whether a value given as an identity (username or email) looks like a pasted secret instead: longer than any
     * name, or one of Atlassian's prefixed tokens. Such a value is masked wherever it is shown.
     */
    public static boolean looksLikeSecret(String identity) {
        TokenShape s = of(identity);
        return identity.length() > MAX_IDENTITY_LENGTH || s == API_TOKEN || s == ACCESS_TOKEN || s == APP_PASSWORD;
    }

    /** The {@code exp} claim of a JWT-style token, when its payload is readable JSON. */
    public static Optional<Instant> jwtExpiry(String token) {
        if (of(token) != OAUTH_ACCESS_TOKEN) {
            return Optional.empty();
        }
        try {
            String payload = token.split("\\.")[1];
            JsonNode n = MAPPER.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            return n != null && n.path("exp").canConvertToLong()
                    ? Optional.of(Instant.ofEpochSecond(n.path("exp").asLong()))
                    : Optional.empty();
        } catch (RuntimeException | IOException e) {
            return Optional.empty();
        }
    }
}
