package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.internal.RefusalTexts;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 401 for an Atlassian API token ({@code ATATT…}): sent as Bearer, cut while pasting, sent with a username instead of
 * the account email, or well sent and still refused (unscoped, expired or revoked) (reference:
 * bitbucket-cloud-auth.md §2.1, §2.2, §10).
 */
final class ApiTokenRules {
  private ApiTokenRules() {}

  /** An API token sent as {@code Authorization: Bearer}; with {@code --probe-variants}, also tried as Basic. */
  static Verdict sentAsBearer(RunState run, Answer a) {
    Optional<Answer> basic = basicVariant(run);
    if (basic.isPresent() && basic.get().status() == 401 && basic.get().credentialType().isEmpty()) {
      return new Verdict(Cause.API_TOKEN_UNSCOPED, false,
          "An Atlassian API token (ATATT…) was sent as 'Authorization: Bearer' (401" + said(a) + "), and sent "
              + "correctly as Basic '" + run.ctx.email().orElse("") + ":token' it is refused too (401"
              + said(basic.get()) + "): Bitbucket does not accept the token itself. Most often it was created "
              + "with 'Create API token' (no scopes), which Bitbucket never accepts; it may also have expired, "
              + "been revoked, or belong to another account than this email (Bitbucket answers all alike).",
          Fixes.join(run.fixes.newApiToken(run.pushScopes(true))) + "\nSend it as Basic (email:token), not Bearer.");
    }
    return new Verdict(Cause.API_TOKEN_SENT_AS_BEARER, false, RefusalTexts.Doctor.apiTokenAsBearer(said(a)),
        Fixes.join(List.of(run.fixes.set(Setting.EMAIL, run.ctx.email().orElse("<your Atlassian account email>")),
            run.fixes.set(Setting.API_TOKEN, "<the same ATATT… token>") + Unauthorized401Rules.insteadOf(run),
            RefusalTexts.Doctor.apiTokenAsBearerCurl())));
  }

  /** With {@code --probe-variants} and an email: the same API token as Basic {@code email:token}; its answer. */
  private static Optional<Answer> basicVariant(RunState run) {
    if (!run.ctx.probeVariants() || run.ctx.email().isEmpty() || !run.prober.canSend(1)) {
      return Optional.empty();
    }
    Secret basic = run.basic(run.ctx.email().get(), run.facts.secret());
    URI u = run.ctx.repository().map(run::repoUrl).orElse(run.endpoint("user"));
    Optional<Answer> answer = run.prober.get(u, basic, "variant: the same token as Basic '" + run.ctx.email().get()
        + ":token'").flatMap(Prober.Result::answer);
    answer.ifPresent(v -> run.observe("as Basic email:token Bitbucket answers " + v.status()
        + (v.status() < 400 || v.credentialType().isPresent() ? ": the token works when sent that way" : "")));
    return answer;
  }

  /** An API token sent as Basic: damaged, with the wrong identity, expired, or unscoped (in that order). */
  static Verdict sentAsBasic(RunState run, Answer a) {
    Facts facts = run.facts;
    if (TokenShape.looksTruncated(facts.secret())) {
      return truncated(run, a);
    }
    Optional<Verdict> identity = TokenShape.isEmail(facts.identity()) ? wrongEmail(run, a) : notAnEmail(run, a);
    return identity.orElseGet(() -> a.message().startsWith("Token is invalid, expired")
        // Sent correctly (Basic, an email) and refused with the token message rather than the bare challenge: the
        // token itself is no longer valid. An unscoped token gets the bare challenge (auth.md §2.2, §10).
        ? expired(run, a) : unscoped(run, a));
  }

  private static Verdict truncated(RunState run, Answer a) {
    return new Verdict(Cause.SECRET_PASTE_DAMAGE, false,
        "Bitbucket refused the API token (401" + said(a) + "); the token is only " + run.facts.secret().length()
            + " characters, shorter than any API token Bitbucket issues (about 190): it was probably cut while "
            + "pasting.",
        Fixes.join(List.of("Copy the whole token again (it is shown once; if lost, create a new one at "
            + RefusalTexts.API_TOKEN_PAGE + ")", run.fixes.set(Setting.API_TOKEN, "<the complete token>"))));
  }

  /** Sent with a username: REST needs the email; when Git accepts the token, one username cannot serve both. */
  private static Optional<Verdict> notAnEmail(RunState run, Answer a) {
    Facts facts = run.facts;
    if (run.ctx.git()) {
      Outcome<Boolean> git = GitRules.accepts(run);
      if (git.ended()) {
        return git.verdict();
      }
      if (git.value()) {
        return Verdict.found(Cause.GIT_IDENTITY_MISMATCH,
            "Git accepts this API token but REST refused it (401" + said(a) + ") because it was sent with '"
                + facts.identity() + "': REST needs the Atlassian account email, Git the Bitbucket username or "
                + "x-bitbucket-api-token-auth. One username cannot serve both.",
            emailFix(run));
      }
    }
    return Verdict.found(Cause.API_TOKEN_NEEDS_EMAIL, RefusalTexts.Doctor.apiTokenNeedsEmail(facts.identity(),
        said(a), facts.kind() == CredentialKind.APP_PASSWORD), emailFix(run));
  }

  /** Sent with an email: when Git accepts the token, the email is not its owner's. */
  private static Optional<Verdict> wrongEmail(RunState run, Answer a) {
    if (run.ctx.repository().isEmpty() || !(run.ctx.git() || run.ctx.probeVariants())) {
      return Verdict.none();
    }
    Outcome<Boolean> git = GitRules.accepts(run);
    if (git.ended() || !git.value()) {
      return git.verdict();
    }
    return Verdict.found(Cause.API_TOKEN_NEEDS_EMAIL,
        "Git accepts this API token, but REST refused it with the email '" + run.facts.identity() + "' (401"
            + said(a) + "): the email is not the Atlassian account email of the token's owner.",
        emailFix(run));
  }

  private static Verdict expired(RunState run, Answer a) {
    return new Verdict(Cause.TOKEN_EXPIRED_OR_REVOKED, false,
        "Bitbucket refused the API token for '" + run.facts.identity() + "' (401" + said(a) + "). The token is well "
            + "formed and sent correctly (Basic email:token), and Bitbucket says it is invalid or expired: it "
            + "has passed its expiry date (API tokens last at most one year) or was revoked by you or an "
            + "organization admin. The same message has also been seen for a token created without scopes; the "
            + "fix (a new token with scopes) cures both.",
        Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
  }

  private static Verdict unscoped(RunState run, Answer a) {
    return new Verdict(Cause.API_TOKEN_UNSCOPED, false,
        "Bitbucket refused the API token for '" + run.facts.identity() + "' (401" + said(a) + "). The token is well "
            + "formed and sent correctly (Basic email:token), so Bitbucket does not accept the token itself: most "
            + "often it was created with 'Create API token' (no scopes), which Bitbucket never accepts. It may "
            + "also belong to another account than this email; Bitbucket gives the same answer for both.",
        Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
  }

  private static String emailFix(RunState run) {
    List<String> lines = new ArrayList<>();
    lines.add(run.fixes.set(Setting.EMAIL, "<your Atlassian account email>")
        + "   # the email you log in to Atlassian with (Bitbucket -> Personal settings -> Email aliases)");
    if (run.facts.kind() != CredentialKind.API_TOKEN) {
      lines.add(run.fixes.set(Setting.API_TOKEN, "<the same ATATT… token>"));
      lines.add(run.fixes.unsetLegacy());
    }
    lines.add("For Git keep the Bitbucket username or use x-bitbucket-api-token-auth (bbpush does this itself):");
    lines.add("  git clone https://x-bitbucket-api-token-auth@bitbucket.org/WORKSPACE/REPO.git");
    return Fixes.join(lines);
  }
}
