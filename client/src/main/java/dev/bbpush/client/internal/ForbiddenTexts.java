package dev.bbpush.client.internal;

import java.util.List;

/**
 * The auth doctor's texts for a 403 (reference: bitbucket-cloud-auth.md §5, §7): Bitbucket's words the rules read a 403
 * by (lower case: the rules match them against the lower-cased message, and Git's rules match case-insensitively), and
 * the observations of the 403 rules. The 403 verdicts themselves are in {@link RefusalTexts.Doctor}.
 *
 * <p>Internal: not part of the public API.
 */
public final class ForbiddenTexts {
    private ForbiddenTexts() {}

    /** Bitbucket's words (403, REST and Git) when the credential lacks scopes. */
    public static final String SAYS_MISSING_SCOPES = "lack one or more required privilege scopes";

    /** Bitbucket's words (403) for an endpoint access tokens may not call. */
    public static final String SAYS_NOT_FOR_THIS_MECHANISM = "not accessible by this authentication mechanism";

    /** Bitbucket's other words (403) for an endpoint access tokens may not call. */
    public static final String SAYS_TOKEN_NOT_FOR_ENDPOINT = "token is invalid or not supported for this endpoint";

    /** Bitbucket's words (403, REST and Git) when the workspace's IP allowlist refused the request. */
    public static final String SAYS_WHITELIST_YOUR_IP = "whitelist your ip";

    /** Bitbucket's newer word (403) for the workspace's IP allowlist. */
    public static final String SAYS_ALLOWLIST = "allowlist";

    /** Bitbucket's word (403, REST and Git) when the workspace requires two-step verification. */
    public static final String SAYS_TWO_STEP = "two-step";

    /** Bitbucket's words (403, REST and Git) when the credential may not write the repository. */
    public static final String SAYS_NO_WRITE_ACCESS = "do not have write access";

    /** Bitbucket's words (403) when the credential lacks admin access. */
    public static final String SAYS_NO_ADMIN_ACCESS = "do not have admin access";

    /** Bitbucket's words (403) when the account is not a member of the workspace. */
    public static final String SAYS_NOT_WORKSPACE_MEMBER = "do not have access to this workspace";

    /** Names the repository in the no-write-permission summary when the refusal names none. */
    public static final String THIS_REPOSITORY = "this repository";

    /** Observation when {@code GET /user} needs scopes bbpush does not need (no repository was asked about). */
    public static String userScopesNotNeeded(List<String> named) {
        return "GET /user needs " + String.join(", ", named) + ", which bbpush does not need: fine";
    }
}
