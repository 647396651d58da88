package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * 403, read by Bitbucket's message: missing scopes, an endpoint access tokens may not call, the IP allowlist,
 * required two-step verification, no write permission, not a workspace member (reference: bitbucket-cloud-auth.md
 * §5, §7). The credential authenticated in every case.
 */
final class Forbidden403Rules {
  private Forbidden403Rules() {}

  static Verdict judge(RunState run, Answer a, RequestTarget target) {
    String lower = a.message().toLowerCase(Locale.ROOT);
    return missingScopes(run, a, target, lower)
        .or(() -> notForAccessTokens(run, a, target, lower))
        .or(() -> ipNotAllowlisted(a, lower))
        .or(() -> twoStepRequired(a, lower))
        .or(() -> noWriteAccess(run, a, lower))
        .or(() -> notWorkspaceMember(a, lower))
        .orElseGet(() -> Verdict.unknown("Bitbucket refused with 403" + said(a) + ", which none of the doctor's "
            + "rules explains."));
  }

  /** Scopes per operation from the table (never the error's detail alone), plus those the failing endpoint named. */
  private static Optional<Verdict> missingScopes(RunState run, Answer a, RequestTarget target, String lower) {
    if (!lower.contains("lack one or more required privilege scopes")) {
      return Verdict.none();
    }
    List<String> granted = a.grantedScopes().orElse(a.body().granted());
    Set<Operation> ops = run.operations(run.examined != null);
    ops.addAll(run.operationsOf(a));
    List<String> named = a.body().required();
    boolean fine = run.fineGrained(a);
    boolean userWithoutRepository = target == RequestTarget.USER && run.ctx.repository().isEmpty();
    return ScopeRules.missing(run, ops, granted, fine, target == RequestTarget.USER ? List.of() : named)
        .or(() -> {
          if (!userWithoutRepository) {
            return Verdict.none();
          }
          run.observe("GET /user needs " + String.join(", ", named) + ", which bbpush does not need: fine");
          return Optional.of(OkRules.okOrRepaired(run, null));
        })
        .or(() -> Verdict.found(Cause.MISSING_SCOPES, "Bitbucket refused for missing scopes (403" + said(a) + "). "
            + "Required: " + String.join(", ", named) + "; granted: " + String.join(", ", granted) + ".",
            ScopeRules.fix(run, fine, named)));
  }

  private static Optional<Verdict> notForAccessTokens(RunState run, Answer a, RequestTarget target, String lower) {
    if (!lower.contains("not accessible by this authentication mechanism")
        && !lower.contains("token is invalid or not supported for this endpoint")) {
      return Verdict.none();
    }
    if (target == RequestTarget.USER && run.ctx.repository().isEmpty()) {
      return a.grantedScopes().flatMap(g -> ScopeRules.missing(run, run.operations(false), g, run.fineGrained(a),
              List.of()))
          .or(() -> run.repairs().isEmpty() ? Verdict.none() : Optional.of(OkRules.okOrRepaired(run, null)))
          .or(() -> Verdict.works(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS,
              "The token authenticates (X-Credential-Type " + a.credentialType().orElse("?") + "), but GET "
                  + "/2.0/user is not for access tokens (403" + said(a) + "): they have no account. That is "
                  + "expected; check a repository the token belongs to instead.",
              "bbpush auth doctor --repo WORKSPACE/REPO"));
    }
    return Verdict.found(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS,
        a.method() + " " + a.apiPath(run.ctx.apiUrl()) + " is not available to access tokens (403" + said(a) + "): "
            + "user and cross-workspace endpoints (/2.0/user, /2.0/workspaces, /2.0/users/…) need an account. "
            + "The token itself may be fine.",
        "Check the repository instead: bbpush auth doctor --repo WORKSPACE/REPO\n"
            + "For account endpoints use an API token with read:user:bitbucket (and read:workspace:bitbucket), or "
            + "OAuth with the account scope.");
  }

  private static Optional<Verdict> ipNotAllowlisted(Answer a, String lower) {
    if (!lower.contains("whitelist your ip") && !lower.contains("allowlist")) {
      return Verdict.none();
    }
    return Verdict.found(Cause.IP_NOT_ALLOWLISTED,
        "The workspace admits only allowlisted IP addresses, and this request came from outside the list (403"
            + said(a) + "). The credential itself was accepted.",
        "Ask a workspace admin to add your public IP address (or your CI's egress range): Workspace settings -> "
            + "IP allowlisting. Find your address: curl https://checkip.amazonaws.com");
  }

  private static Optional<Verdict> twoStepRequired(Answer a, String lower) {
    if (!lower.contains("two-step")) {
      return Verdict.none();
    }
    return Verdict.found(Cause.TWO_STEP_VERIFICATION_REQUIRED,
        "The workspace requires two-step verification and the account has none (403" + said(a) + "). The "
            + "credential itself was accepted.",
        "Enable two-step verification for the account: Bitbucket -> Personal settings -> Two-step verification "
            + "(https://bitbucket.org/account/settings/two-step-verification/), then try again.\nOr use an access "
            + "token of the repository/workspace, which has no account to verify.");
  }

  private static Optional<Verdict> noWriteAccess(RunState run, Answer a, String lower) {
    if (!lower.contains("do not have write access") && !lower.contains("do not have admin access")) {
      return Verdict.none();
    }
    Optional<RepositoryRef> repo = run.repositoryOf(a).or(run.ctx::repository);
    return Verdict.found(Cause.NO_WRITE_PERMISSION,
        "The credential is valid but may not write " + repo.map(RepositoryRef::toString).orElse("this repository")
            + " (403" + said(a) + ").",
        "Ask a workspace admin to grant Write on the repository (Repository settings -> Repository permissions), "
            + "or use an access token with repository:write.");
  }

  private static Optional<Verdict> notWorkspaceMember(Answer a, String lower) {
    if (!lower.contains("do not have access to this workspace")) {
      return Verdict.none();
    }
    return Verdict.found(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
        "The account is not a member of the workspace (403" + said(a) + ").",
        "Check the workspace name; ask a workspace admin to invite your account.");
  }
}
