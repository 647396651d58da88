package dev.bbpush.client.auth;

import java.util.Objects;

/**
 * One source of credentials (flags, environment, config file, stdin, or a whole {@link CredentialChain}). Never throws
 * for configuration problems: it returns them as a {@link ProviderOutcome} so that every source's story can be shown.
 */
public interface CredentialProvider {

    /** A short name for messages, e.g. {@code environment}. */
    String name();

    /** Looks for a credential. */
    ProviderOutcome resolve();

    /**
     * Whether resolving consumes input that cannot be read twice (stdin). The chain does not consult such a source once a
     * higher-precedence source has supplied a credential.
     */
    default boolean consumesInput() {
        return false;
    }

    /** A provider of one fixed credential (source: explicit). */
    static CredentialProvider of(Credentials credentials) {
        ResolvedCredentials r = ResolvedCredentials.explicit(Objects.requireNonNull(credentials, "credentials"));
        return new CredentialProvider() {
            @Override
            public String name() {
                return "explicit";
            }

            @Override
            public ProviderOutcome resolve() {
                return ProviderOutcome.found(name(), r);
            }
        };
    }
}
