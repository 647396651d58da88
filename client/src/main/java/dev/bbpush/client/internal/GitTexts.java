package dev.bbpush.client.internal;

import java.util.List;

/**
 * The auth doctor's texts for Git smart HTTP (reference: bitbucket-cloud-auth.md §5, §8, §13): Git's refusals, the
 * Git check's probe labels and observations, and Bitbucket's words on Git that the rules match (case-insensitively).
 *
 * <p>Internal: not part of the public API.
 */
public final class GitTexts {
    private GitTexts() {}

    /** Bitbucket's words on Git (401) when it refuses the username and password, e.g. an OAuth consumer's key. */
    public static final String SAYS_INVALID_CREDENTIALS = "Invalid username or password";

    /** Bitbucket's words on Git (401) about account passwords. */
    public static final String SAYS_ACCOUNT_PASSWORDS = "account passwords";

    /** The change Bitbucket names on Git when it refuses an app password. */
    public static final String SAYS_APP_PASSWORD_CHANGE = "CHANGE-3222";

    /** Bitbucket's words on Git (403) when the repository is absent or out of the credential's reach. */
    public static final String SAYS_NO_ACCESS = "does not exist or you do not have access";

    /** Observation when the request budget leaves no room for the Git check. */
    public static final String GIT_CHECK_BUDGET_SPENT = "Git check skipped: request budget spent";

    /** Observation when Git refuses the email as username (the {@code --probe-variants} variant). */
    public static final String EMAIL_AS_USER_REFUSED = "Git refuses the email as username: in a git remote use "
            + "x-bitbucket-api-token-auth or the Bitbucket username, never the email";

    /** Probe label: REST with this credential on the repository of a failed Git request. */
    public static String restAcceptsProbe(String repository) {
        return "does REST accept this credential on " + repository + "?";
    }

    /** Probe label: Git with this credential and the username Bitbucket documents for its kind. */
    public static String gitAcceptsCredentialProbe(String user) {
        return "does Git accept the same credential with user '" + user + "'?";
    }

    /** Probe label: Git with this credential's secret and bbpush's own Git username for its kind. */
    public static String gitAcceptsSecretProbe(String user) {
        return "does Git accept the same secret with user '" + user + "'?";
    }

    /** Probe label: the optional Git check after REST accepted the credential. */
    public static String gitCheckProbe(String user) {
        return "does Git (info/refs, upload-pack) accept the credential with user '" + user + "'?";
    }

    /** Probe label: the {@code --probe-variants} variant with the email as Git username. */
    public static String emailAsUserProbe(String email) {
        return "variant: Git with the email '" + email + "' as user";
    }

    /** Observation when Git refuses the credential with the documented username too. */
    public static String gitRefusesToo(String user, int status) {
        return "Git refuses this credential with user '" + user + "' too (" + status + ")";
    }

    /** Observation when the Git check passed. */
    public static String gitAccepts(String user) {
        return "Git accepts the credential with user '" + user + "'";
    }

    /** A failed Git request refused although REST and Git accept the credential with the documented username. */
    @RefusalTexts.ForCause("git-identity-mismatch")
    public static String otherUsername(String user, String said) {
        return "Bitbucket accepts this credential on REST and on Git with user '" + user + "', yet the failed Git "
                + "request was refused (401" + said + "): it was sent with another username. Git takes API "
                + "tokens only with the Bitbucket username or x-bitbucket-api-token-auth (never the email), and "
                + "access and OAuth tokens with x-token-auth. (If the username was right, a Git credential helper "
                + "supplied another, older credential.)";
    }

    /** The fix line pointing the Git remote at the repository with a username. */
    @RefusalTexts.ForCause("git-identity-mismatch")
    public static String setRemoteUrl(String user, String repository) {
        return "git remote set-url origin https://" + user + "@bitbucket.org/" + repository + ".git";
    }

    /** The fix line dropping a credential helper's stored value. */
    @RefusalTexts.ForCause("git-identity-mismatch")
    public static String rejectHelperCredential() {
        return "If a credential helper holds an old value: printf 'protocol=https\nhost=bitbucket.org\n\n' | git "
                + "credential reject";
    }

    /** The Git check refused with a 401 a credential REST accepts. */
    @RefusalTexts.ForCause("git-identity-mismatch")
    public static String gitRefusesRestAccepts(String user, String said) {
        return "REST accepts the credential but Git refused it with user '" + user + "' (401" + said + "). Git "
                + "takes API tokens with the Bitbucket username or x-bitbucket-api-token-auth (never the email), and "
                + "access/OAuth tokens with x-token-auth.";
    }

    /** A Git 401 none of the rules explains. */
    public static String gitRefused(String said) {
        return "Git refused the credential (401" + said + ").";
    }

    /** Any other Git answer none of the rules explains. */
    public static String gitAnswered(int status, String said) {
        return "Git answered " + status + said + ".";
    }

    /** Git refused for missing scopes: those clone needs, and those push needs on top. */
    @RefusalTexts.ForCause("missing-scopes")
    public static String missingScopes(String said, List<String> clone, List<String> pushAlso) {
        return "Git refused for missing scopes (403" + said + "): clone needs " + String.join(", ", clone)
                + ", push also " + String.join(", ", pushAlso) + ".";
    }

    /** Git refused: the repository is absent or the credential has no access. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String noAccess(String said) {
        return "Git refused: the repository does not exist or the credential has no access to it (403" + said + ").";
    }

    /** The fix for {@link #noAccess}. */
    @RefusalTexts.ForCause("repository-not-found-or-no-access")
    public static String noAccessFix() {
        return "Check the repository name and the "
                + "credential's access; access tokens reach only their own repository/project/workspace.";
    }
}
