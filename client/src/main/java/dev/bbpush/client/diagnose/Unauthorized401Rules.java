package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.bitbucketEnvelope;
import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.internal.RefusalTexts;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * 401: Bitbucket's own words first (account password, app-password deprecation, OAuth expiry), then the scheme the
 * credential was sent with and the secret's shape (reference: bitbucket-cloud-auth.md §2, §5). The API-token cases
 * sent as Basic live in {@link ApiTokenRules}.
 */
final class Unauthorized401Rules {
  private Unauthorized401Rules() {}

  static Verdict judge(RunState run, Answer a) {
    return bitbucketSays(run, a)
        .or(() -> fromBitbucket(a) ? Verdict.none() : Optional.of(notFromBitbucket(a)))
        .or(() -> oauthExpiry(run, a))
        .or(() -> consumerTokenRefused(run, a))
        .or(() -> run.facts.scheme().equals("Bearer") ? Optional.of(bearer(run, a)) : basic(run, a))
        .orElseGet(() -> Verdict.unknown("Bitbucket refused the credential (401" + said(a) + "). The secret has "
            + "none of Bitbucket's token shapes (API token ATATT…, access token ATCTT…), so the doctor cannot tell "
            + "what it is: check that it is the value you meant."));
  }

  /** Bitbucket's plain words: an account password, or a deprecated app password. */
  private static Optional<Verdict> bitbucketSays(RunState run, Answer a) {
    if (a.textContains(RefusalTexts.SAYS_ACCOUNT_PASSWORD)) {
      return Verdict.found(Cause.ACCOUNT_PASSWORD_REJECTED, RefusalTexts.Doctor.accountPassword(),
          Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
    }
    if (a.textContains(RefusalTexts.SAYS_APP_PASSWORD_DEPRECATED)) {
      return Optional.of(appPasswordRemoved(run, a));
    }
    return Verdict.none();
  }

  /**
   * Whether a 401 carries Bitbucket's signature (reference §5): its challenge realm ({@code Basic}/{@code OAuth
   * realm="Bitbucket.org HTTP"}), its JSON error body, or its plain-text account-password notice. A 401 with none of
   * them may come from a proxy or another server, and says nothing about the credential.
   */
  static boolean fromBitbucket(Answer a) {
    boolean challenge = a.header("WWW-Authenticate").map(h -> h.contains("Bitbucket.org")).orElse(false);
    return challenge || bitbucketEnvelope(a) || a.textContains(RefusalTexts.SAYS_ACCOUNT_PASSWORD);
  }

  private static Verdict notFromBitbucket(Answer a) {
    return Verdict.unknown("The 401" + said(a) + " carries neither Bitbucket's challenge (WWW-Authenticate: "
        + "Basic/OAuth realm=\"Bitbucket.org HTTP\") nor its JSON error body, so something else may have answered (a "
        + "proxy or gateway asking for its own login, or another server at the API URL). It says nothing certain "
        + "about the Bitbucket credential.");
  }

  private static Optional<Verdict> oauthExpiry(RunState run, Answer a) {
    boolean oauthChallenge = a.header("WWW-Authenticate").map(h -> h.startsWith("OAuth")).orElse(false);
    return oauthChallenge || a.message().startsWith("Access token expired")
        ? Optional.of(oauthExpired(run, a)) : Verdict.none();
  }

  private static Optional<Verdict> consumerTokenRefused(RunState run, Answer a) {
    if (run.facts.kind() != CredentialKind.OAUTH_CLIENT_CREDENTIALS) {
      return Verdict.none();
    }
    return Verdict.found(Cause.TOKEN_EXPIRED_OR_REVOKED, "Bitbucket refused the access token it just issued for the "
        + "OAuth consumer (401" + said(a) + "): the consumer was probably deleted or disabled.", bearerTokenFix(run));
  }

  // ---------------------------------------------------------------- sent as Bearer

  private static Verdict bearer(RunState run, Answer a) {
    Optional<Verdict> byShape = switch (run.facts.shape()) {
      case API_TOKEN -> Optional.of(ApiTokenRules.sentAsBearer(run, a));
      case APP_PASSWORD -> Optional.of(appPasswordRemoved(run, a));
      case OAUTH_ACCESS_TOKEN -> run.tokenExpiry.map(e -> !e.isAfter(run.ctx.clock().instant())).orElse(false)
          ? Optional.of(oauthExpired(run, a)) : Verdict.none();
      default -> Verdict.none();
    };
    return byShape.orElseGet(() -> new Verdict(Cause.TOKEN_EXPIRED_OR_REVOKED, false,
        "Bitbucket did not accept the Bearer token " + Secret.mask(run.facts.secret()) + " (401" + said(a) + "). "
            + "It has expired or been revoked (or its resource was deleted), or the value is wrong"
            + run.tokenExpiry.map(e -> "; its payload says it expires " + e).orElse("") + ".",
        bearerTokenFix(run)));
  }

  // ---------------------------------------------------------------- sent as Basic

  private static Optional<Verdict> basic(RunState run, Answer a) {
    Facts facts = run.facts;
    TokenShape shape = facts.shape();
    if (shape == TokenShape.ACCESS_TOKEN || shape == TokenShape.OAUTH_ACCESS_TOKEN) {
      basicToBearerVariant(run);
      return Optional.of(accessTokenAsBasic(run, a));
    }
    if (shape == TokenShape.OAUTH_CONSUMER_SECRET && !TokenShape.isEmail(facts.identity())) {
      return Optional.of(consumerKeyAsCredential(run, a));
    }
    if (shape == TokenShape.APP_PASSWORD
        || (facts.kind() == CredentialKind.APP_PASSWORD && shape == TokenShape.OTHER && a.message().isEmpty())) {
      return Optional.of(appPasswordRemoved(run, a));
    }
    if (shape == TokenShape.API_TOKEN) {
      return Optional.of(ApiTokenRules.sentAsBasic(run, a));
    }
    return Verdict.none();
  }

  private static Verdict accessTokenAsBasic(RunState run, Answer a) {
    boolean accessToken = run.facts.shape() == TokenShape.ACCESS_TOKEN;
    return new Verdict(Cause.ACCESS_TOKEN_NEEDS_BEARER, false,
        "A" + (accessToken ? "n access token (ATCTT…)" : "n OAuth access token") + " was sent with HTTP Basic ('"
            + run.facts.identity() + "'); Bitbucket answered 401" + said(a) + ". REST takes access tokens only as "
            + "'Authorization: Bearer <token>' (Git uses the user x-token-auth).",
        Fixes.join(List.of(run.fixes.set(Setting.ACCESS_TOKEN, "<the same token>") + insteadOf(run),
            run.fixes.unsetLegacy(),
            "With curl: curl -H \"Authorization: Bearer $BBPUSH_ACCESS_TOKEN\" "
                + "https://api.bitbucket.org/2.0/repositories/WORKSPACE/REPO")));
  }

  /** {@code   # instead of NAME, …} naming where the credential came from, or nothing. */
  static String insteadOf(RunState run) {
    List<String> names = run.source().names();
    return names.isEmpty() ? "" : "   # instead of " + String.join(", ", names);
  }

  /** With {@code --probe-variants}: the same token as Bearer; an observation only. */
  private static void basicToBearerVariant(RunState run) {
    if (!run.ctx.probeVariants() || !run.prober.canSend(1)) {
      return;
    }
    Secret bearer = Secret.of("Bearer " + run.facts.secret());
    run.redactor.add(bearer);
    URI u = run.ctx.repository().map(run::repoUrl).orElse(run.endpoint("user"));
    run.prober.get(u, bearer, "variant: the same token as Bearer").flatMap(Prober.Result::answer)
        .ifPresent(a -> run.observe("as Bearer Bitbucket answers " + a.status()
            + (a.credentialType().isPresent() ? " (X-Credential-Type " + a.credentialType().get()
            + "): the token works when sent that way" : "")));
  }

  // ---------------------------------------------------------------- verdicts shared with Git

  static Verdict appPasswordRemoved(RunState run, Answer a) {
    return new Verdict(Cause.APP_PASSWORD_REMOVED, false,
        RefusalTexts.Doctor.appPasswordRemoved(Secret.mask(run.facts.secret()), a.status(), said(a)),
        Fixes.join(run.fixes.newApiToken(run.pushScopes(true))) + RefusalTexts.Doctor.appPasswordRemovedFixTail());
  }

  static Verdict oauthExpired(RunState run, Answer a) {
    String when = run.tokenExpiry.map(e -> " It expired at " + e + ".").orElse("");
    return new Verdict(Cause.OAUTH_TOKEN_EXPIRED, false,
        "The OAuth access token has expired (401" + said(a) + a.header("WWW-Authenticate").map(h -> ", " + h)
            .orElse("") + ")." + when + " Bitbucket's access tokens live 1-2 hours (trust expires_in).",
        Fixes.join(List.of("Get a new access token (refresh token grant, or client credentials), or let bbpush "
                + "fetch and renew it from the consumer:",
            run.fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>"),
            "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'")));
  }

  static Verdict consumerKeyAsCredential(RunState run, Answer a) {
    String identity = run.facts.identity();
    return new Verdict(Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL, false,
        "An OAuth consumer's key and secret were sent as username and password (Basic '" + identity + "' + a "
            + "32-character secret); Bitbucket answered " + a.status() + said(a) + ". A consumer's key and secret "
            + "are not credentials for REST or Git: exchange them for an access token first.",
        Fixes.join(List.of("Let bbpush exchange them (client credentials; the consumer must be private):",
            run.fixes.set(Setting.OAUTH_CLIENT_ID, identity.isEmpty() ? "<consumer key>" : identity),
            "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'",
            run.fixes.unsetLegacy(),
            "By hand: curl -u \"KEY:SECRET\" -d grant_type=client_credentials "
                + "https://bitbucket.org/site/oauth2/access_token")));
  }

  static String bearerTokenFix(RunState run) {
    if (run.facts.shape() == TokenShape.OAUTH_ACCESS_TOKEN) {
      return Fixes.join(List.of("Get a new access token from the OAuth consumer, or let bbpush fetch and renew "
          + "tokens itself:", run.fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>"),
          "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'"));
    }
    return Fixes.join(List.of("Create a new access token (Repository/Project/Workspace settings -> Access "
            + "tokens) with the scopes you need, e.g. repository:write",
        run.fixes.set(Setting.ACCESS_TOKEN, "<the new token>")));
  }
}
