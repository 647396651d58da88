package dev.bbpush.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;

/**
 * A secret string (token, password, client secret, or a whole {@code Authorization} header value) that never prints
 * itself: {@link #toString()} is {@link #masked()}. Read the value with {@link #reveal()}, a name chosen to stand out
 * in review.
 *
 * <p>Masking keeps only a non-secret prefix and adds stars: the public type marker of Atlassian tokens
 * ({@code ATATT3x****}, {@code ATCTT3x****}, {@code ATBB****}); for an {@code Authorization} value the scheme
 * ({@code Basic ****}, {@code Bearer ATCTT3x****}); for other secrets of 20+ characters the first 3 characters; for
 * shorter ones only stars. This is the one masking rule of bbpush: use {@link #mask(String)} wherever a secret could
 * be shown.
 */
public final class Secret {
    /** Public type markers of Atlassian secrets (reference: bitbucket-cloud-auth.md §2.1, §2.4), longest first. */
    private static final List<String> PUBLIC_PREFIXES = List.of("ATATT3x", "ATCTT3x", "ATATT", "ATCTT", "ATBB");

    private static final String STARS = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * Wraps a secret value.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is empty
     */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("secret value is empty");
        }
        return new Secret(value);
    }

    /** The secret itself. Only for putting it on the wire; never log or print it. */
    public String reveal() {
        return value;
    }

    /** The masked form, e.g. {@code ATATT3x****}. */
    public String masked() {
        return mask(value);
    }

    public int length() {
        return value.length();
    }

    /** Masks any secret string by bbpush's one rule (see the class comment); {@code null} gives {@code "(none)"}. */
    public static String mask(String value) {
        if (value == null) {
            return "(none)";
        }
        int space = value.indexOf(' ');
        if (space > 0) {
            String scheme = value.substring(0, space);
            if (scheme.equalsIgnoreCase("Basic")) {
                // The base64 of email:token: even a prefix would reveal the email's encoding.
                return scheme + " " + STARS;
            }
            if (scheme.equalsIgnoreCase("Bearer")
                    || scheme.equalsIgnoreCase("JWT")
                    || scheme.equalsIgnoreCase("OAuth")) {
                return scheme + " " + mask(value.substring(space + 1).strip());
            }
        }
        for (String prefix : PUBLIC_PREFIXES) {
            if (value.startsWith(prefix) && value.length() > prefix.length() + 8) {
                return prefix + STARS;
            }
        }
        return value.length() >= 20 ? value.substring(0, 3) + STARS : STARS;
    }

    /** Constant-time comparison of the values. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
