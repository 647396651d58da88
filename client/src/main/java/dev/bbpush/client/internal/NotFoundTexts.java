package dev.bbpush.client.internal;

import java.util.List;
import java.util.Optional;

/**
 * The auth doctor's texts for a 404 (its {@code NotFoundRules}): the repository is invisible to an authenticated
 * credential, told apart as a misspelled workspace or repository, an access token of another resource, or a missing
 * permission; also its observations, probe labels and the 404s it cannot explain. Repositories are named by workspace
 * and slug ({@code workspace/slug}); {@code said} is Bitbucket's message as the doctor quotes it. Internal: not part of
 * the public API.
 */
public final class NotFoundTexts {
    private NotFoundTexts() {}

    /** Observation when the 404 to a credential with a scheme carries no {@code X-Credential-Type}. */
    public static final String NO_CREDENTIAL_TYPE =
            "the 404 carries no X-Credential-Type: Bitbucket may not have authenticated the request";

    /** Probe label of the account's workspaces, when the workspace does not exist. */
    public static final String MEMBER_WORKSPACES_PROBE = "which workspaces is the account a member of?";

    // ---- 404s the doctor cannot explain

    /** A 404 for the repository without Bitbucket's JSON error body or headers. */
    public static String notFromBitbucket(String path, String said) {
        return "GET " + path + " answered 404" + said + " without "
                + "Bitbucket's JSON error body or headers: something other than Bitbucket's REST API may have answered (a "
                + "proxy, another server at the API URL). Nothing is known about the repository or the credential.";
    }

    /** A 404 for {@code GET /user}. */
    public static String userNotFound(String said) {
        return "GET /user answered 404" + said + "; Bitbucket's REST API always has /user.";
    }

    /** A 404 for an endpoint that is neither the repository nor {@code /user}. */
    public static String otherNotFound(String said, String path) {
        return "Bitbucket answered 404" + said + " for " + path + ".";
    }

    // ---- Explaining a failed request's 404

    /** Probe label: whether the credential can read the repository a failed request got a 404 for. */
    public static String canReadProbe(String workspace, String slug) {
        return "can this credential read " + full(workspace, slug) + "?";
    }

    /** The credential reads the repository, so the failed request (a 404 for it) was made without it. */
    public static String notMadeWithCredential(String workspace, String slug, boolean noCredentialType) {
        return "This credential can read " + full(workspace, slug)
                + " (200), so the failed request was not made with it"
                + (noCredentialType
                        ? ": the 404 carries no X-Credential-Type, so Bitbucket treated that "
                                + "request as anonymous (no Authorization header, or a token without its 'Bearer '/'Basic ' scheme)"
                        : "")
                + ".";
    }

    /** The credential reads the repository; the 404 was for something inside it. */
    public static String notFoundInRepository(String workspace, String slug, String path) {
        return "This credential can read " + full(workspace, slug) + " (200); the 404 is for " + path + ": a branch, "
                + "commit or file that does not exist there, not an access problem.";
    }

    // ---- The repository is invisible to the credential

    /** Probe label of the workspace's repository listing. */
    public static String workspaceListingProbe(String workspace) {
        return "does workspace " + workspace + " exist, and which of its repositories can the credential see?";
    }

    /** The workspace does not exist; {@code memberOf} are the account's workspaces when they could be listed. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String workspaceMissing(
            String workspace, String slug, Optional<List<String>> memberOf, Optional<String> closeWorkspace) {
        String suggestion = memberOf.map(slugs -> " Your workspaces: "
                        + (slugs.isEmpty() ? "(none)" : String.join(", ", slugs)) + "."
                        + closeWorkspace
                                .map(c -> " Did you mean '" + c + "/" + slug + "'?")
                                .orElse(""))
                .orElse("");
        return notVisible(workspace, slug) + " The workspace '" + workspace
                + "' does not exist (404 \"No workspace…\"): the name "
                + "is misspelled or the workspace was renamed." + suggestion;
    }

    /** The fix for {@link #workspaceMissing}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String workspaceMissingFix() {
        return "Use the workspace slug from the repository's URL: https://bitbucket.org/<workspace>/<repository>";
    }

    /** A workspace access token's complete listing of its workspace lacks the slug: the repository does not exist. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String repositoryMissing(
            String workspace, String slug, List<String> visible, Optional<String> close) {
        return notVisible(workspace, slug) + " This workspace access token reaches every repository of workspace '"
                + workspace
                + "' (it lists its private repositories), and none is named '" + slug
                + "': the repository does "
                + "not exist or the name is misspelled. Repositories there: "
                + String.join(", ", visible) + "."
                + close.map(c -> " Did you mean '" + workspace + "/" + c + "'?").orElse("");
    }

    /** The fix for {@link #repositoryMissing}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String repositoryMissingFix(String workspace, Optional<String> close) {
        return "Use the repository slug from its URL (https://bitbucket.org/" + workspace + "/<repository>)"
                + close.map(c -> ", e.g. --repo " + workspace + "/" + c).orElse("")
                + ", or create the repository first.";
    }

    /** A token (access token, or a consumer's client-credentials token) of another resource than the repository. */
    @RefusalTexts.ForCause("access-token-wrong-resource")
    public static String tokenWrongResource(
            String workspace, String slug, boolean consumer, List<String> visible, Optional<String> close) {
        String reach = consumer
                ? " Client-credentials tokens act as an app_user of the consumer's own workspace and reach only its "
                        + "repositories; in workspace "
                : " Access tokens reach only the repository, project or workspace they were created in; in workspace ";
        return notVisible(workspace, slug) + reach + workspace + " this token reaches "
                + (visible.isEmpty()
                        ? "no repository"
                        : String.join(
                                ", ",
                                visible.stream().map(v -> workspace + "/" + v).toList()))
                + " (public repositories included)." + lookalike(workspace, slug, close);
    }

    /** The fix for {@link #tokenWrongResource} of a consumer's client-credentials token. */
    @RefusalTexts.ForCause("access-token-wrong-resource")
    public static String consumerWrongWorkspaceFix(String workspace, String slug) {
        return "Use an OAuth consumer of workspace " + workspace
                + " (Workspace settings -> OAuth consumers), or an access token of " + full(workspace, slug) + ".";
    }

    /** The fix for {@link #tokenWrongResource} of an access token, given the line setting the new token. */
    @RefusalTexts.ForCause("access-token-wrong-resource")
    public static String accessTokenWrongResourceFix(String workspace, String slug, String setToken) {
        return "Create the access token in " + full(workspace, slug)
                + "'s settings (Repository settings -> Access tokens), or a "
                + "project/workspace access token that covers it, and set it:\n"
                + setToken;
    }

    /** Probe label of the account's explicit repository permissions in the workspace. */
    public static String permissionsProbe(String workspace) {
        return "which repositories of " + workspace + " does the account hold permissions on?";
    }

    /** The account is not a member of the workspace; {@code seesPublic} when it sees some (public) repositories. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String notMember(String workspace, String slug, boolean seesPublic, Optional<String> close) {
        return notVisible(workspace, slug) + " The account is not a member of workspace '" + workspace + "'"
                + (seesPublic ? "; it sees only its public repositories" : "") + "."
                + lookalike(workspace, slug, close);
    }

    /** The fix for {@link #notMember}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String notMemberFix(String workspace, String slug, Optional<String> close) {
        return ifMeant(workspace, close) + "Check the workspace name, or ask an admin of " + workspace
                + " to give your account access to " + slug
                + " (Repository settings -> Repository permissions).";
    }

    /** Membership unchecked: {@code permissionsAnswer} is the endpoint's status and said, empty if over budget. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String membershipUnchecked(
            String workspace,
            String slug,
            Optional<String> permissionsAnswer,
            List<String> visible,
            Optional<String> close) {
        return notVisible(workspace, slug) + " Whether the account is a member of workspace '" + workspace
                + "' could not "
                + "be checked ("
                + permissionsAnswer
                        .map(s -> "the permissions endpoint answered " + s)
                        .orElse("request budget spent")
                + "). Repositories the credential sees there: "
                + visibleList(visible)
                + ". The repository may not exist, its name may be misspelled, or the account may "
                + "lack access." + lookalike(workspace, slug, close);
    }

    /** The fix for {@link #membershipUnchecked}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String membershipUncheckedFix(String workspace, String slug, Optional<String> close) {
        return ifMeant(workspace, close)
                + "Check the repository name (https://bitbucket.org/<workspace>/<repository>), or ask an "
                + "admin of " + workspace + " for access to " + slug + ".";
    }

    /** One explicit permission of the account, as {@link #noAccessAsMember} lists them. */
    public static String grant(String repositoryFullName, String permission) {
        return repositoryFullName + " (" + permission + ")";
    }

    /** The account is a member of the workspace but has no access to the repository (it may not exist). */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String noAccessAsMember(
            String workspace, String slug, List<String> visible, List<String> granted, Optional<String> close) {
        return notVisible(workspace, slug) + " The account is a member of workspace '" + workspace
                + "' but has no access to "
                + "a repository named '" + slug
                + "' (it may not exist). Repositories the credential sees there: "
                + visibleList(visible)
                + (granted.isEmpty() ? "" : "; explicit permissions: " + String.join(", ", granted))
                + "." + lookalike(workspace, slug, close);
    }

    /** The fix for {@link #noAccessAsMember}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String noAccessAsMemberFix(String workspace, String slug, Optional<String> close) {
        return ifMeant(workspace, close) + "Check the repository name, or ask an admin of " + workspace
                + " to grant your "
                + "account Write on " + slug + " (Repository settings -> Repository permissions).";
    }

    /** The start of every verdict above: Bitbucket's 404 for the repository, after accepting the credential. */
    private static String notVisible(String workspace, String slug) {
        return "Bitbucket answered 404 for " + full(workspace, slug)
                + " (\"You may not have access to this repository or it "
                + "no longer exists in this workspace…\"), after accepting the credential.";
    }

    /** A close name is only a hint: the named repository may exist and be invisible to this credential. */
    private static String lookalike(String workspace, String slug, Optional<String> close) {
        return close.map(c -> " The credential sees '" + workspace + "/" + c + "', a close name: '" + slug
                        + "' may be misspelled, or you lack access to it.")
                .orElse("");
    }

    private static String ifMeant(String workspace, Optional<String> close) {
        return close.map(c ->
                        "If you meant " + workspace + "/" + c + ", use --repo " + workspace + "/" + c + ". Otherwise: ")
                .orElse("");
    }

    private static String visibleList(List<String> visible) {
        return visible.isEmpty() ? "(none)" : String.join(", ", visible);
    }

    private static String full(String workspace, String slug) {
        return workspace + "/" + slug;
    }
}
