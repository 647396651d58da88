package dev.bbpush.emulator.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks secrets in what the journal keeps: {@code Authorization} values and secret query parameters. */
final class Redaction {
    static final String STARS = "****";
    /** Bitbucket access tokens share this 7-character prefix; it tells the token family and is not secret. */
    private static final int BEARER_PREFIX = 7;

    private static final Set<String> SECRET_PARAMS =
            Set.of("access_token", "refresh_token", "client_secret", "code", "password", "token", "jwt");
    private static final Pattern PARAM = Pattern.compile("(^|&)([^=&]*)=([^&]*)");

    private Redaction() {}

    /**
     * {@code Basic user:****} (the user part is kept only when {@code isKnownIdentity} accepts it: an account,
     * consumer key or fixed Git user, so it shows which identity form was sent; anything else may be a token typed
     * into the username field and is masked), {@code Bearer ATCTT3x****}, or {@code <scheme> ****}.
     */
    static String authorization(String value, Predicate<String> isKnownIdentity) {
        String v = value.trim();
        int space = v.indexOf(' ');
        if (space < 0) {
            return STARS;
        }
        String scheme = v.substring(0, space);
        String rest = v.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String user = colon < 0 ? "" : decoded.substring(0, colon);
                if (colon > 0 && colon <= 254 && !user.contains(" ") && isKnownIdentity.test(user)) {
                    return scheme + " " + decoded.substring(0, colon) + ":" + STARS;
                }
            } catch (IllegalArgumentException e) {
                // not base64: mask all of it
            }
            return scheme + " " + STARS;
        }
        if (scheme.equalsIgnoreCase("Bearer") && rest.length() >= 4 * BEARER_PREFIX) {
            return scheme + " " + rest.substring(0, BEARER_PREFIX) + STARS;
        }
        return scheme + " " + STARS;
    }

    /**
     * The query with the values of secret parameters ({@code access_token}, ...) replaced by stars. Names are
     * percent-decoded before the comparison ({@code access%5Ftoken} is {@code access_token}); an undecodable name
     * has its value masked.
     */
    static String query(String query) {
        if (query == null) {
            return null;
        }
        Matcher m = PARAM.matcher(query);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = isSecretName(m.group(2)) ? STARS : m.group(3);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isSecretName(String rawName) {
        try {
            return SECRET_PARAMS.contains(
                    URLDecoder.decode(rawName, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
