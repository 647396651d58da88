package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.internal.OAuthTexts;
import dev.bbpush.client.internal.RefusalTexts;
import dev.bbpush.client.internal.RunTexts;
import java.util.Locale;
import java.util.Optional;

/** Refusals of the OAuth token endpoint ({@code /site/oauth2/access_token}): consumer, refresh token, key/secret. */
final class OAuthTokenRules {
    private OAuthTokenRules() {}

    /** The verdict for a token endpoint's refusal; {@code who} starts the summary ("The OAuth token endpoint"). */
    static Verdict judge(RunState run, Answer a, String who) {
        String text = a.text().toLowerCase(Locale.ROOT);
        return consumerNotPrivate(a, who, text)
                .or(() -> refreshTokenInvalid(run, a, who, text))
                .or(() -> a.status() == 429 ? Optional.of(ServiceRules.rateLimited(run, a)) : Verdict.none())
                .or(() -> consumerRefused(run, a, who, text))
                .orElseGet(() -> Verdict.unknown(OAuthTexts.tokenEndpointAnswered(who, a.status(), said(a))));
    }

    private static Optional<Verdict> consumerNotPrivate(Answer a, String who, String text) {
        if (!text.contains(OAuthTexts.SAYS_PUBLIC)) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.OAUTH_CONSUMER_NOT_PRIVATE,
                RefusalTexts.Doctor.oauthConsumerNotPrivate(who, a.status(), said(a)),
                RefusalTexts.Doctor.oauthConsumerNotPrivateFix());
    }

    private static Optional<Verdict> refreshTokenInvalid(RunState run, Answer a, String who, String text) {
        if (!text.contains(OAuthTexts.SAYS_REFRESH_TOKEN_PARAMETER) && !text.contains(OAuthTexts.SAYS_REFRESH_TOKEN)) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.OAUTH_REFRESH_TOKEN_INVALID,
                RefusalTexts.Doctor.refreshTokenInvalid(who, a.status(), said(a)),
                RefusalTexts.Doctor.refreshTokenInvalidFix(
                        run.fixes.set(Setting.OAUTH_CLIENT_ID, RunTexts.CONSUMER_KEY)));
    }

    private static Optional<Verdict> consumerRefused(RunState run, Answer a, String who, String text) {
        if (!text.contains(OAuthTexts.SAYS_INVALID_CLIENT) && a.status() != 401) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.TOKEN_EXPIRED_OR_REVOKED,
                RefusalTexts.Doctor.oauthConsumerRefused(who, a.status(), said(a)),
                RefusalTexts.Doctor.oauthConsumerRefusedFix(
                        run.fixes.set(Setting.OAUTH_CLIENT_ID, RunTexts.CONSUMER_KEY)));
    }
}
