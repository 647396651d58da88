package dev.bbpush.client.internal;

/**
 * The auth doctor's texts for refusals of the OAuth token endpoint ({@code /site/oauth2/access_token}, reference:
 * bitbucket-cloud-auth.md §2.5): the words the rules look for in its answer (matched against the lower-cased body) and
 * the placeholder for the consumer key in fix lines. The endpoint's verdicts themselves are in
 * {@link RefusalTexts.Doctor}.
 *
 * <p>Internal: not part of the public API.
 */
public final class OAuthTexts {
    private OAuthTexts() {}

    /** The token endpoint's word for a consumer marked public. */
    public static final String SAYS_PUBLIC = "public";

    /** The token endpoint's parameter name in a refresh-token refusal. */
    public static final String SAYS_REFRESH_TOKEN_PARAMETER = "refresh_token";

    /** The token endpoint's words in a refresh-token refusal. */
    public static final String SAYS_REFRESH_TOKEN = "refresh token";

    /** The token endpoint's error code for a refused consumer key or secret. */
    public static final String SAYS_INVALID_CLIENT = "invalid_client";

    /** A token endpoint's answer none of the rules explains; {@code who} names the endpoint. */
    public static String tokenEndpointAnswered(String who, int status, String said) {
        return who + " answered " + status + said + ".";
    }
}
