package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.internal.RefusalTexts;
import dev.bbpush.client.internal.RunTexts;
import dev.bbpush.client.internal.UnauthorizedTexts;
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
        if (basic.isPresent()
                && basic.get().status() == 401
                && basic.get().credentialType().isEmpty()) {
            return new Verdict(
                    Cause.API_TOKEN_UNSCOPED,
                    false,
                    RefusalTexts.Doctor.apiTokenUnscopedEitherWay(
                            said(a), run.ctx.email().orElse(""), said(basic.get())),
                    Fixes.join(run.fixes.newApiToken(run.pushScopes(true)))
                            + RefusalTexts.Doctor.apiTokenAsBasicNotBearer());
        }
        return new Verdict(
                Cause.API_TOKEN_SENT_AS_BEARER,
                false,
                RefusalTexts.Doctor.apiTokenAsBearer(said(a)),
                Fixes.join(List.of(
                        run.fixes.set(Setting.EMAIL, run.ctx.email().orElse(RunTexts.ACCOUNT_EMAIL)),
                        run.fixes.set(Setting.API_TOKEN, RunTexts.SAME_API_TOKEN) + Unauthorized401Rules.insteadOf(run),
                        RefusalTexts.Doctor.apiTokenAsBearerCurl())));
    }

    /** With {@code --probe-variants} and an email: the same API token as Basic {@code email:token}; its answer. */
    private static Optional<Answer> basicVariant(RunState run) {
        if (!run.ctx.probeVariants() || run.ctx.email().isEmpty() || !run.prober.canSend(1)) {
            return Optional.empty();
        }
        Secret basic = run.basic(run.ctx.email().get(), run.facts.secret());
        URI u = run.ctx.repository().map(run::repoUrl).orElse(run.endpoint("user"));
        Optional<Answer> answer = run.prober
                .get(u, basic, UnauthorizedTexts.variantAsBasic(run.ctx.email().get()))
                .flatMap(Prober.Result::answer);
        answer.ifPresent(v -> run.observe(UnauthorizedTexts.asBasicAnswers(
                v.status(), v.status() < 400 || v.credentialType().isPresent())));
        return answer;
    }

    /** An API token sent as Basic: damaged, with the wrong identity, expired, or unscoped (in that order). */
    static Verdict sentAsBasic(RunState run, Answer a) {
        Facts facts = run.facts;
        if (TokenShape.looksTruncated(facts.secret())) {
            return truncated(run, a);
        }
        Optional<Verdict> identity = TokenShape.isEmail(facts.identity()) ? wrongEmail(run, a) : notAnEmail(run, a);
        return identity.orElseGet(() -> a.message().startsWith(UnauthorizedTexts.SAYS_TOKEN_INVALID_EXPIRED)
                // Sent correctly (Basic, an email) and refused with the token message rather than the bare challenge:
                // the
                // token itself is no longer valid. An unscoped token gets the bare challenge (auth.md §2.2, §10).
                ? expired(run, a)
                : unscoped(run, a));
    }

    private static Verdict truncated(RunState run, Answer a) {
        return new Verdict(
                Cause.SECRET_PASTE_DAMAGE,
                false,
                RefusalTexts.Doctor.apiTokenTruncated(
                        said(a), run.facts.secret().length()),
                Fixes.join(List.of(
                        RefusalTexts.Doctor.apiTokenTruncatedFix(),
                        run.fixes.set(Setting.API_TOKEN, RunTexts.COMPLETE_TOKEN))));
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
                return Verdict.found(
                        Cause.GIT_IDENTITY_MISMATCH,
                        RefusalTexts.Doctor.gitIdentityMismatch(said(a), facts.identity()),
                        emailFix(run));
            }
        }
        return Verdict.found(
                Cause.API_TOKEN_NEEDS_EMAIL,
                RefusalTexts.Doctor.apiTokenNeedsEmail(
                        facts.identity(), said(a), facts.kind() == CredentialKind.APP_PASSWORD),
                emailFix(run));
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
        return Verdict.found(
                Cause.API_TOKEN_NEEDS_EMAIL,
                RefusalTexts.Doctor.apiTokenWrongEmail(run.facts.identity(), said(a)),
                emailFix(run));
    }

    private static Verdict expired(RunState run, Answer a) {
        return new Verdict(
                Cause.TOKEN_EXPIRED_OR_REVOKED,
                false,
                RefusalTexts.Doctor.apiTokenExpired(run.facts.identity(), said(a)),
                Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
    }

    private static Verdict unscoped(RunState run, Answer a) {
        return new Verdict(
                Cause.API_TOKEN_UNSCOPED,
                false,
                RefusalTexts.Doctor.apiTokenUnscoped(run.facts.identity(), said(a)),
                Fixes.join(run.fixes.newApiToken(run.pushScopes(true))));
    }

    private static String emailFix(RunState run) {
        List<String> lines = new ArrayList<>();
        lines.add(run.fixes.set(Setting.EMAIL, RunTexts.ACCOUNT_EMAIL) + RefusalTexts.Doctor.whichEmail());
        if (run.facts.kind() != CredentialKind.API_TOKEN) {
            lines.add(run.fixes.set(Setting.API_TOKEN, RunTexts.SAME_API_TOKEN));
            lines.add(run.fixes.unsetLegacy());
        }
        lines.addAll(RefusalTexts.Doctor.gitUsernameForApiToken());
        return Fixes.join(lines);
    }
}
