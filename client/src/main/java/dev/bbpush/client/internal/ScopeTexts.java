package dev.bbpush.client.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The auth doctor's texts about scopes and write permission (its {@code ScopeRules} and {@code ScopeTable}): which
 * scopes an operation needs and the credential lacks, how to get a credential with them, the account's permission on
 * the repository, and the errors of the bundled scope table. Repositories are named {@code workspace/slug}. Internal:
 * not part of the public API.
 */
public final class ScopeTexts {
    private ScopeTexts() {}

    /** What a failing endpoint's own scopes are needed for, in {@link #missingScopes}'s "To … it needs …". */
    public static final String MAKE_FAILED_REQUEST = "make the failed request";

    /** The scope table's revision when its source names none. */
    public static final String BUNDLED_COPY = "bundled copy";

    /** Observation: an access token's write permission is a scope, not an account permission. */
    public static final String ACCESS_TOKEN_WRITE_FROM_SCOPES =
            "write permission of an access token comes from its scopes (repository:write); checked above";

    /** The error when the bundled scope table is missing. */
    public static final String TABLE_MISSING = "scope-table.json missing from the bbpush client jar";

    /** The error when the bundled scope table lacks an operation. */
    public static String tableLacksOperation(String operation) {
        return "scope-table.json has no operation " + operation;
    }

    /** The credential lacks scopes; {@code requiredBy} maps what each list of scopes is needed for to that list. */
    @RefusalTexts.ForCause("missing-scopes")
    public static String missingScopes(
            List<String> granted,
            Map<String, List<String>> requiredBy,
            Collection<String> missing,
            boolean writeWithoutRead,
            String tableRevision) {
        StringBuilder summary = new StringBuilder("The credential authenticates but lacks scopes. Granted: ")
                .append(granted.isEmpty() ? "(none)" : String.join(", ", granted))
                .append(".");
        requiredBy.forEach((what, required) -> summary.append(" To ")
                .append(what)
                .append(" it needs ")
                .append(String.join(" and ", required))
                .append("."));
        summary.append(" Missing: ").append(String.join(", ", missing)).append(".");
        if (writeWithoutRead) {
            summary.append(" API-token scopes imply nothing: write does not imply read.");
        }
        summary.append(" (Scopes per operation from Bitbucket's OpenAPI document, ")
                .append(tableRevision)
                .append("; a scope error may name only one missing scope at a time.)");
        return summary.toString();
    }

    /** The first fix line for missing scopes of an API token, before the new-API-token lines. */
    @RefusalTexts.ForCause("missing-scopes")
    public static String apiTokenNotEditable() {
        return "API tokens cannot be edited; create a new one with every scope listed:";
    }

    /** The first fix line for missing scopes of an access token, before the line setting the new token. */
    @RefusalTexts.ForCause("missing-scopes")
    public static String accessTokenNotEditable(List<String> scopes) {
        return "Access tokens cannot be edited; create a new one (Repository/Project/Workspace settings -> Access tokens) "
                + "with scopes: " + String.join(", ", scopes);
    }

    /** The fix lines for missing scopes of an OAuth consumer's tokens. */
    @RefusalTexts.ForCause("missing-scopes")
    public static List<String> editOauthConsumer(List<String> scopes) {
        return List.of(
                "Edit the OAuth consumer (Workspace settings -> OAuth consumers -> Edit) and tick: "
                        + String.join(", ", scopes),
                "Then get a new access token (existing tokens keep their old scopes).");
    }

    /** Observation when the account's write permission on the repository could not be checked. */
    public static String permissionUnchecked(String repository) {
        return "write permission on " + repository + " could not be checked";
    }

    /** Observation of the account's permission on the repository. */
    public static String permission(String repository, String permission) {
        return "permission on " + repository + ": " + permission;
    }

    /** The account can read the repository but holds only read permission there. */
    @RefusalTexts.ForCause("no-write-permission")
    public static String readOnly(String repository) {
        return "The credential works and can read " + repository
                + ", but its account holds only read permission there, so a "
                + "push (POST /src) would be refused with 403.";
    }

    /** The fix for {@link #readOnly}. */
    @RefusalTexts.ForCause("no-write-permission")
    public static String readOnlyFix(String workspace) {
        return "Ask an admin of workspace " + workspace + " to grant write: Repository settings -> Repository "
                + "permissions -> add your account (or a group you are in) with Write.";
    }

    /** Probe label of the account's explicit permission on the repository. */
    public static String permissionProbe(String repository) {
        return "which permission does the account hold on " + repository + "?";
    }

    /** Probe label of the repositories the credential may write ({@code role=contributor}). */
    public static String contributorProbe(String repository) {
        return "is " + repository + " among the repositories the credential may write (role=contributor)?";
    }
}
