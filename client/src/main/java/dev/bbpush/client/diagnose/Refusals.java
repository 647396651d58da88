package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.internal.RunTexts;
import java.util.Optional;

/**
 * Sends an answer to the rules of its family: first what the answer's origin says (not Bitbucket's REST API), then
 * by status. Every path ends in a verdict; {@link Cause#UNKNOWN} when no rule explains the answer.
 */
final class Refusals {
    private Refusals() {}

    /** The verdict for an answer to one of the doctor's probes (or the failure being explained). */
    static Verdict judge(RunState run, Answer a, RequestTarget target) {
        return ServiceRules.wrongApiHost(run, a)
                .or(() -> ServiceRules.unexpectedSuccess(run, a, target))
                .or(() -> byStatus(run, a, target))
                .orElseGet(() -> Verdict.unknown(RunTexts.unexplainedAnswer(a.status(), said(a))));
    }

    private static Optional<Verdict> byStatus(RunState run, Answer a, RequestTarget target) {
        return switch (a.status()) {
            case 401 -> Optional.of(Unauthorized401Rules.judge(run, a));
            case 403 -> Optional.of(Forbidden403Rules.judge(run, a, target));
            case 404 -> Optional.of(NotFoundRules.judge(run, a, target));
            case 407 -> ServiceRules.proxyAuthentication(a);
            case 410 -> Optional.of(ServiceRules.gone(run, a));
            case 429 -> Optional.of(ServiceRules.rateLimited(run, a));
            default -> ServiceRules.serverError(a).or(() -> ServiceRules.redirect(a));
        };
    }

    /**
     * The verdict for a failure another part of bbpush got: the OAuth token endpoint and Git have their own rules, a
     * 404 naming a repository is checked with this credential first, the rest is judged like a probe's answer.
     */
    static Verdict explain(RunState run, Answer a) {
        if (a.isTokenEndpoint()) {
            return OAuthTokenRules.judge(run, a, RunTexts.OAUTH_TOKEN_ENDPOINT);
        }
        if (a.isGit()) {
            return GitRules.explain(run, a);
        }
        if (a.status() == 404) {
            Optional<RepositoryRef> repo = run.repositoryOf(a);
            if (repo.isPresent()) {
                return NotFoundRules.explain(run, a, repo.get());
            }
        }
        return judge(run, a, RequestTarget.EXPLAINED);
    }
}
