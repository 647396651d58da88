package dev.bbpush.client.auth;

import dev.bbpush.client.error.NoCredentialsException;
import java.util.List;
import java.util.Optional;

/**
 * The full story of a credential lookup: every source's outcome in precedence order, and the chosen credential (the
 * first FOUND). This is what {@code auth status} prints.
 *
 * @param outcomes one outcome per source, in chain order
 * @param chosen the credential used, if any source supplied one
 */
public record CredentialResolution(List<ProviderOutcome> outcomes, Optional<ResolvedCredentials> chosen) {
    public CredentialResolution {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * The chosen credential.
     *
     * @throws NoCredentialsException when no source supplied one; the message lists every source's outcome and the fix
     */
    public ResolvedCredentials credentialsOrThrow() {
        return chosen.orElseThrow(() -> new NoCredentialsException(failureMessage()));
    }

    /** The outcomes that are problems to fix (FAILED), whether or not a credential was found. */
    public List<ProviderOutcome> problems() {
        return outcomes.stream()
                .filter(o -> o.status() == ProviderOutcome.Status.FAILED)
                .toList();
    }

    /** What went wrong, source by source, and what to set. */
    public String failureMessage() {
        StringBuilder sb = new StringBuilder("No Bitbucket credentials found. Sources, in precedence order:");
        int i = 1;
        for (ProviderOutcome o : outcomes) {
            sb.append("\n  ").append(i++).append(". ").append(o.describe());
        }
        sb.append("\nSet BBPUSH_EMAIL and BBPUSH_API_TOKEN (an Atlassian API token with Bitbucket scopes), or ")
                .append("BBPUSH_ACCESS_TOKEN, or pipe a token with --token-stdin.");
        return sb.toString();
    }
}
