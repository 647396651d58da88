package dev.bbpush.client.safety;

/** Masks a secret as a short prefix plus stars; the length of the secret is not revealed either. */
final class Masking {
    private static final String STARS = "********";

    private Masking() {}

    /**
     * Shows at most {@code shownPrefix} leading characters and never more than a quarter of the secret, then
     * eight stars. {@code mask("hunter22", 4)} is {@code "hu********"}.
     */
    public static String mask(String secret, int shownPrefix) {
        if (secret == null || secret.isEmpty()) {
            return STARS;
        }
        int shown = Math.max(0, Math.min(shownPrefix, secret.length() / 4));
        return secret.substring(0, shown) + STARS;
    }
}
