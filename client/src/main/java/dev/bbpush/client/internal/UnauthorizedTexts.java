package dev.bbpush.client.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The auth doctor's texts for a 401 (reference: bitbucket-cloud-auth.md §2, §5, §10): Bitbucket's words the 401 rules
 * match, and the {@code --probe-variants} probe labels and observations. The 401 verdicts themselves are in {@link
 * RefusalTexts.Doctor}; the verdicts once every check passed in {@link OkTexts}.
 *
 * <p>Internal: not part of the public API.
 */
public final class UnauthorizedTexts {
    private UnauthorizedTexts() {}

    /** The start of Bitbucket's message (401) for an expired OAuth access token. */
    public static final String SAYS_ACCESS_TOKEN_EXPIRED = "Access token expired";

    /** The start of Bitbucket's message (401) for an API token it says is invalid or expired. */
    public static final String SAYS_TOKEN_INVALID_EXPIRED = "Token is invalid, expired";

    /** Probe label: the {@code --probe-variants} variant sending an access token as Bearer. */
    public static final String VARIANT_AS_BEARER = "variant: the same token as Bearer";

    /** Comment appended to a fix line setting a credential, naming the settings it replaces. */
    public static String insteadOf(List<String> names) {
        return "   # instead of " + String.join(", ", names);
    }

    /** Observation: the {@code --probe-variants} answer to an access token sent as Bearer. */
    public static String asBearerAnswers(int status, Optional<String> credentialType) {
        return "as Bearer Bitbucket answers " + status
                + (credentialType.isPresent()
                        ? " (X-Credential-Type " + credentialType.get() + "): the token works when sent that way"
                        : "");
    }

    /** Probe label: the {@code --probe-variants} variant sending an API token as Basic with the email. */
    public static String variantAsBasic(String email) {
        return "variant: the same token as Basic '" + email + ":token'";
    }

    /** Observation: the {@code --probe-variants} answer to an API token sent as Basic {@code email:token}. */
    public static String asBasicAnswers(int status, boolean works) {
        return "as Basic email:token Bitbucket answers " + status
                + (works ? ": the token works when sent that way" : "");
    }

    /** The sentence of the expired-OAuth-token summary saying when the token expired. */
    @RefusalTexts.ForCause("oauth-token-expired")
    public static String expiredAt(Instant expiry) {
        return " It expired at " + expiry + ".";
    }
}
