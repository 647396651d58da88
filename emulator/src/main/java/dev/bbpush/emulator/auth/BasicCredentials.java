package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.world.World;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The identity and secret of an {@code Authorization: Basic} header. {@link #toString()} masks the
 * secret.
 *
 * @param user the part before the first {@code :} (an email, username or static user such as
 *     {@code x-token-auth})
 * @param secret the part after it
 */
record BasicCredentials(String user, String secret) {

    /**
     * Parses the value after {@code Basic }.
     *
     * @return empty when the value is not base64 or has no {@code :}
     */
    static Optional<BasicCredentials> parse(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** The scheme of an {@code Authorization} value ({@code Basic}, {@code Bearer}, ...), or empty for a bare token. */
    static Optional<String> scheme(String authorization) {
        String v = authorization.trim();
        int sp = v.indexOf(' ');
        return sp < 0 ? Optional.empty() : Optional.of(v.substring(0, sp));
    }

    /** The value after the scheme. */
    static String credentialsPart(String authorization) {
        String v = authorization.trim();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(sp + 1).trim();
    }

    /**
     * The username as logs may show it: as sent when it is an identity the world knows (an account's username or email,
     * an OAuth consumer key, or one of Bitbucket's fixed Git users), masked otherwise. Safe by construction: a secret
     * pasted into the username field is not a known identity, so it is never logged in clear.
     */
    String displayUser(World world) {
        return KnownIdentities.isKnown(world, user) ? user : mask(user);
    }

    /** A secret for logs: its first four characters and stars. */
    static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(empty)";
        }
        return secret.substring(0, Math.min(4, secret.length() / 3)) + "****";
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + mask(user) + ", " + mask(secret) + "]";
    }
}
