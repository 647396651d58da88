package dev.bbpush.client.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The auth doctor's texts for a 401 and for a credential that works (reference: bitbucket-cloud-auth.md §2, §5, §10):
 * Bitbucket's words the 401 rules match, the placeholders of their fix lines, the {@code --probe-variants} probe labels
 * and observations, and the verdicts once every check passed (works, or works only after repairing paste damage). The
 * 401 verdicts themselves are in {@link RefusalTexts.Doctor}.
 *
 * <p>Internal: not part of the public API.
 */
public final class UnauthorizedTexts {
    private UnauthorizedTexts() {}

    /** The start of Bitbucket's message (401) for an expired OAuth access token. */
    public static final String SAYS_ACCESS_TOKEN_EXPIRED = "Access token expired";

    /** The start of Bitbucket's message (401) for an API token it says is invalid or expired. */
    public static final String SAYS_TOKEN_INVALID_EXPIRED = "Token is invalid, expired";

    /** The value of the fix line that sets the access token to the token that was sent. */
    public static final String SAME_TOKEN_PLACEHOLDER = "<the same token>";

    /** The value of the fix line that sets a newly created token (access token or API token). */
    public static final String NEW_TOKEN_PLACEHOLDER = "<the new token>";

    /** The value of the fix line that sets the Atlassian account email when it is not known. */
    public static final String ACCOUNT_EMAIL_PLACEHOLDER = "<your Atlassian account email>";

    /** The value of the fix line that sets the API token to the token that was sent. */
    public static final String SAME_API_TOKEN_PLACEHOLDER = "<the same ATATT… token>";

    /** The value of the fix line that sets the API token again after it was cut while pasting. */
    public static final String COMPLETE_TOKEN_PLACEHOLDER = "<the complete token>";

    /** Probe label: the {@code --probe-variants} variant sending an access token as Bearer. */
    public static final String VARIANT_AS_BEARER = "variant: the same token as Bearer";

    /** What the credential does when no repository was checked. */
    public static final String AUTHENTICATES = "authenticates";

    /** The operation label for reading a repository. */
    public static final String READ = "read";

    /** The operation label for pushing. */
    public static final String PUSH = "push";

    /** The operation label for creating pull requests. */
    public static final String CREATE_PULL_REQUESTS = "create pull requests";

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

    /** What the credential can do on the repository checked; {@code operations} from {@link #operations}. */
    public static String canOn(String operations, String repository) {
        return "can " + operations + " on " + repository;
    }

    /** The operation labels the credential was checked for, joined. */
    public static String operations(List<String> labels) {
        return String.join(" and ", labels);
    }

    /** The credential works, but only after bbpush repaired paste damage; {@code what} it does. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageRepaired(String what, List<String> names, List<String> damage) {
        return "The credential " + what + ", but only after bbpush repaired paste damage in " + String.join(", ", names)
                + " (" + String.join("; ", damage) + "). Other "
                + "tools will send the damaged value and fail.";
    }

    /** The fix for repaired paste damage, given one line per damaged value. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageRepairedFix(List<String> lines) {
        return "Store the value again without quotes, spaces or line breaks, e.g.:\n" + String.join("\n", lines);
    }

    /** The fix line for a damaged environment variable. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageExportAgain(String name) {
        return "export " + name + "=\"$(printf '%s' \"$" + name
                + "\" | tr -d '\\r\\n\"' | xargs)\"   # or set it again from the source without quotes";
    }

    /** The fix line for a damaged value in a file. */
    @RefusalTexts.ForCause("secret-paste-damage")
    public static String pasteDamageEdit(String name) {
        return "Edit " + name + ": remove the quotes, spaces and line breaks around the value";
    }

    /** The credential works; no repository was checked although a push was asked about. */
    public static String worksPassRepo(String what, String kind) {
        return "The credential " + what + " (" + kind + "). Pass "
                + "--repo WORKSPACE/REPO to check a repository's permission too.";
    }

    /** The credential works for everything asked. */
    public static String works(String what) {
        return "The credential " + what + ".";
    }
}
