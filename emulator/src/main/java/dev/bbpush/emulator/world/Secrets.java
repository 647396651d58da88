package dev.bbpush.emulator.world;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic identifiers and secrets. The same world and name always give the same value, so a
 * world file need not carry secrets, and docs can rely on their shapes.
 *
 * <p>Shapes follow what Bitbucket issues (reference: bitbucket-cloud-auth.md §2): API tokens start
 * {@code ATATT3x} and are about 190 characters, access tokens start {@code ATCTT3x}, app passwords
 * start {@code ATBB}.
 */
public final class Secrets {
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String TOKEN_CHARS = ALNUM + "-_";

    private Secrets() {}

    /** A secret of the kind's real shape, derived from the world and credential names. */
    public static String secretFor(String world, String credentialName, CredentialKind kind) {
        String seed = world + "\0" + credentialName + "\0" + kind.wire();
        return switch (kind) {
            case API_TOKEN -> "ATATT3x" + chars(seed, TOKEN_CHARS, 170) + "=" + hex(seed + "#", 8);
            case REPOSITORY_ACCESS_TOKEN, PROJECT_ACCESS_TOKEN, WORKSPACE_ACCESS_TOKEN ->
                "ATCTT3x" + chars(seed, TOKEN_CHARS, 170) + "=" + hex(seed + "#", 8);
            case APP_PASSWORD ->
                "ATBB" + chars(seed, ALNUM, 28) + hex(seed + "#", 8).toUpperCase();
            case OAUTH_CONSUMER -> chars(seed, ALNUM, 32);
            case ACCOUNT_PASSWORD -> "Passw0rd-" + chars(seed, ALNUM, 12);
        };
    }

    /** An OAuth consumer key (18 characters, like Bitbucket's classic consumer keys). */
    public static String consumerKey(String world, String credentialName) {
        return chars(world + "\0" + credentialName + "\0key", ALNUM, 18);
    }

    /** A name-based UUID rendered in braces, as Bitbucket renders UUIDs. */
    public static String uuid(String world, String kind, String name) {
        return "{" + UUID.nameUUIDFromBytes((world + "\0" + kind + "\0" + name).getBytes(StandardCharsets.UTF_8)) + "}";
    }

    /** An Atlassian-style account id ({@code 557058:<uuid>}). */
    public static String accountId(String world, String username) {
        String u = uuid(world, "account-id", username);
        return "557058:" + u.substring(1, u.length() - 1);
    }

    /** Random-looking but deterministic characters from {@code alphabet}. */
    public static String chars(String seed, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        byte[] block = new byte[0];
        int counter = 0;
        int i = 0;
        while (sb.length() < length) {
            if (i >= block.length) {
                block = sha256(seed + "\0" + counter++);
                i = 0;
            }
            sb.append(alphabet.charAt((block[i++] & 0xff) % alphabet.length()));
        }
        return sb.toString();
    }

    private static String hex(String seed, int length) {
        StringBuilder sb = new StringBuilder();
        for (byte b : sha256(seed)) {
            sb.append(String.format("%02x", b & 0xff));
        }
        return sb.substring(0, length);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
