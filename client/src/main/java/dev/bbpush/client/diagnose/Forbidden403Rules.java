package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.internal.ForbiddenTexts;
import dev.bbpush.client.internal.RefusalTexts;
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
                .orElseGet(() -> Verdict.unknown(RefusalTexts.Doctor.unexplained403(said(a))));
    }

    /** Scopes per operation from the table (never the error's detail alone), plus those the failing endpoint named. */
    private static Optional<Verdict> missingScopes(RunState run, Answer a, RequestTarget target, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_MISSING_SCOPES)) {
            return Verdict.none();
        }
        List<String> granted = a.grantedScopes().orElse(a.body().granted());
        Set<Operation> ops = run.operations(run.examined != null);
        ops.addAll(run.operationsOf(a));
        List<String> named = a.body().required();
        boolean fine = run.fineGrained(a);
        boolean userWithoutRepository =
                target == RequestTarget.USER && run.ctx.repository().isEmpty();
        return ScopeRules.missing(run, ops, granted, fine, target == RequestTarget.USER ? List.of() : named)
                .or(() -> {
                    if (!userWithoutRepository) {
                        return Verdict.none();
                    }
                    run.observe(ForbiddenTexts.userScopesNotNeeded(named));
                    return Optional.of(OkRules.okOrRepaired(run, null));
                })
                .or(() -> Verdict.found(
                        Cause.MISSING_SCOPES,
                        RefusalTexts.Doctor.missingScopes(said(a), named, granted),
                        ScopeRules.fix(run, fine, named)));
    }

    private static Optional<Verdict> notForAccessTokens(RunState run, Answer a, RequestTarget target, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_NOT_FOR_THIS_MECHANISM)
                && !lower.contains(ForbiddenTexts.SAYS_TOKEN_NOT_FOR_ENDPOINT)) {
            return Verdict.none();
        }
        if (target == RequestTarget.USER && run.ctx.repository().isEmpty()) {
            return a.grantedScopes()
                    .flatMap(g -> ScopeRules.missing(run, run.operations(false), g, run.fineGrained(a), List.of()))
                    .or(() -> run.repairs().isEmpty() ? Verdict.none() : Optional.of(OkRules.okOrRepaired(run, null)))
                    .or(() -> Verdict.works(
                            Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS,
                            RefusalTexts.Doctor.userNotForAccessTokens(
                                    a.credentialType().orElse("?"), said(a)),
                            RefusalTexts.Doctor.userNotForAccessTokensFix()));
        }
        return Verdict.found(
                Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS,
                RefusalTexts.Doctor.endpointNotForAccessTokens(a.method() + " " + a.apiPath(run.ctx.apiUrl()), said(a)),
                RefusalTexts.Doctor.endpointNotForAccessTokensFix());
    }

    private static Optional<Verdict> ipNotAllowlisted(Answer a, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_WHITELIST_YOUR_IP) && !lower.contains(ForbiddenTexts.SAYS_ALLOWLIST)) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.IP_NOT_ALLOWLISTED,
                RefusalTexts.Doctor.ipNotAllowlisted(said(a)),
                RefusalTexts.Doctor.ipNotAllowlistedFix());
    }

    private static Optional<Verdict> twoStepRequired(Answer a, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_TWO_STEP)) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.TWO_STEP_VERIFICATION_REQUIRED,
                RefusalTexts.Doctor.twoStepRequired(said(a)),
                RefusalTexts.Doctor.twoStepRequiredFix());
    }

    private static Optional<Verdict> noWriteAccess(RunState run, Answer a, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_NO_WRITE_ACCESS)
                && !lower.contains(ForbiddenTexts.SAYS_NO_ADMIN_ACCESS)) {
            return Verdict.none();
        }
        Optional<RepositoryRef> repo = run.repositoryOf(a).or(run.ctx::repository);
        return Verdict.found(
                Cause.NO_WRITE_PERMISSION,
                RefusalTexts.Doctor.noWritePermission(
                        repo.map(RepositoryRef::toString).orElse(ForbiddenTexts.THIS_REPOSITORY), said(a)),
                RefusalTexts.Doctor.noWritePermissionFix());
    }

    private static Optional<Verdict> notWorkspaceMember(Answer a, String lower) {
        if (!lower.contains(ForbiddenTexts.SAYS_NOT_WORKSPACE_MEMBER)) {
            return Verdict.none();
        }
        return Verdict.found(
                Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS,
                RefusalTexts.Doctor.notWorkspaceMember(said(a)),
                RefusalTexts.Doctor.notWorkspaceMemberFix());
    }
}
