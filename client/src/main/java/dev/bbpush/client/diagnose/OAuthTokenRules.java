package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.internal.RefusalTexts;
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
        .orElseGet(() -> Verdict.unknown(who + " answered " + a.status() + said(a) + "."));
  }

  private static Optional<Verdict> consumerNotPrivate(Answer a, String who, String text) {
    if (!text.contains("public")) {
      return Verdict.none();
    }
    return Verdict.found(Cause.OAUTH_CONSUMER_NOT_PRIVATE,
        RefusalTexts.Doctor.oauthConsumerNotPrivate(who, a.status(), said(a)),
        RefusalTexts.Doctor.oauthConsumerNotPrivateFix());
  }

  private static Optional<Verdict> refreshTokenInvalid(RunState run, Answer a, String who, String text) {
    if (!text.contains("refresh_token") && !text.contains("refresh token")) {
      return Verdict.none();
    }
    return Verdict.found(Cause.OAUTH_REFRESH_TOKEN_INVALID,
        who + " refused the refresh token (" + a.status() + said(a) + "). Refresh tokens rotate: each use returns "
            + "a new one and the old one dies; an unused one expires after 3 months.",
        "Store the refresh_token from each token response and use only the newest one.\nIf it is lost, authorize "
            + "again (authorization code grant), or use client credentials with a private consumer:\n"
            + run.fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>") + "\nexport "
            + "BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'");
  }

  private static Optional<Verdict> consumerRefused(RunState run, Answer a, String who, String text) {
    if (!text.contains("invalid_client") && a.status() != 401) {
      return Verdict.none();
    }
    return Verdict.found(Cause.TOKEN_EXPIRED_OR_REVOKED,
        RefusalTexts.Doctor.oauthConsumerRefused(who, a.status(), said(a)),
        RefusalTexts.Doctor.oauthConsumerRefusedFix(run.fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>")));
  }
}
