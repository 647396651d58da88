package dev.bbpush.client.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one credential source found: a credential, nothing (skipped, with why), or a problem (failed, with why and the
 * fix). The reason never contains a secret.
 *
 * @param provider the source's name, e.g. {@code environment}
 * @param status found, skipped or failed
 * @param resolved the credential when found
 * @param reason why skipped or failed; a summary when found
 */
public record ProviderOutcome(String provider, Status status, Optional<ResolvedCredentials> resolved, String reason) {
    /** The outcome of one source. */
    public enum Status {
        /** The source supplied a usable credential. */
        FOUND,
        /** The source has nothing to offer (not configured, or not consulted). Not a problem. */
        SKIPPED,
        /** The source is configured but unusable (half-configured, refused, unreadable). Fix it or remove it. */
        FAILED
    }

    public ProviderOutcome {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resolved, "resolved");
        Objects.requireNonNull(reason, "reason");
    }

    public static ProviderOutcome found(String provider, ResolvedCredentials resolved) {
        return new ProviderOutcome(
                provider,
                Status.FOUND,
                Optional.of(resolved),
                resolved.credentials().describe() + " from " + resolved.source().describe());
    }

    public static ProviderOutcome skipped(String provider, String reason) {
        return new ProviderOutcome(provider, Status.SKIPPED, Optional.empty(), reason);
    }

    public static ProviderOutcome failed(String provider, String reason) {
        return new ProviderOutcome(provider, Status.FAILED, Optional.empty(), reason);
    }

    /** E.g. {@code environment: FAILED — BBPUSH_API_TOKEN is set but ...}. */
    public String describe() {
        return provider + ": " + status + " — " + reason;
    }

    /** The notes of the found credential, or none. */
    public List<String> notes() {
        return resolved.map(ResolvedCredentials::notes).orElse(List.of());
    }
}
