package dev.bbpush.client.diagnose;

import java.util.Objects;

/**
 * The credential a diagnosis is about, without its secret.
 *
 * @param kind e.g. {@code API token}, or {@code none}
 * @param source where it came from, e.g. {@code environment (BBPUSH_EMAIL, BBPUSH_API_TOKEN)}
 * @param masked the masked secret, e.g. {@code ATATT3x****}
 * @param identity the identity sent with it (email, username, consumer key), empty for Bearer tokens
 */
public record CredentialInfo(String kind, String source, String masked, String identity) {
    public CredentialInfo {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(identity, "identity");
    }

    /** No credential at all. */
    public static CredentialInfo none() {
        return new CredentialInfo("none", "none", "(none)", "");
    }
}
