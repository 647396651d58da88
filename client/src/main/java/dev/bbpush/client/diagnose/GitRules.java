package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.RunState.said;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.internal.ForbiddenTexts;
import dev.bbpush.client.internal.GitTexts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Git smart HTTP (reference: bitbucket-cloud-auth.md §5, §8, §13): which username Git takes for each credential kind,
 * the optional Git check, and Git's refusals (on Git a 410 means an app password).
 */
final class GitRules {
    private GitRules() {}

    /** A failed Git request being explained: a 401 is checked with this credential first, then Git's refusals. */
    static Verdict explain(RunState run, Answer a) {
        if (a.status() == 401
                && !a.textContains(GitTexts.SAYS_INVALID_CREDENTIALS)
                && !a.textContains(GitTexts.SAYS_ACCOUNT_PASSWORDS)) {
            Optional<Verdict> v = identityMismatch(run, a);
            if (v.isPresent()) {
                return v.get();
            }
        }
        return judge(run, a, false);
    }

    /**
     * A Git 401 another tool got (reference §3, §8): Git takes API tokens with the Bitbucket username or
     * {@code x-bitbucket-api-token-auth} (never the email), access and OAuth tokens with {@code x-token-auth}. Check
     * this credential on REST and on Git with the username Bitbucket documents for its kind; when both accept it, the
     * failed request was sent with another username (or a credential helper supplied another credential).
     */
    static Optional<Verdict> identityMismatch(RunState run, Answer failed) {
        Optional<RepositoryRef> repo = run.repositoryOf(failed);
        if (repo.isEmpty() || !run.prober.canSend(2)) {
            return Verdict.none();
        }
        run.examined = repo.get();
        Outcome<Answer> r = run.probe(
                run.repoUrl(repo.get()), GitTexts.restAcceptsProbe(repo.get().toString()));
        if (r.ended()) {
            return r.verdict();
        }
        if (!r.value().isJsonSuccess()) {
            return Optional.of(Refusals.judge(run, r.value(), RequestTarget.REPOSITORY));
        }
        String user = documentedUser(run.facts);
        Outcome<Optional<Answer>> git =
                run.gitProbe(repo.get(), user, password(run), GitTexts.gitAcceptsCredentialProbe(user));
        if (git.ended()) {
            return git.verdict();
        }
        if (git.value().isPresent() && git.value().get().status() == 200) {
            return Verdict.found(
                    Cause.GIT_IDENTITY_MISMATCH,
                    GitTexts.otherUsername(user, said(failed)),
                    Fixes.join(List.of(
                            GitTexts.setRemoteUrl(user, repo.get().toString()), GitTexts.rejectHelperCredential())));
        }
        git.value().ifPresent(g -> run.observe(GitTexts.gitRefusesToo(user, g.status())));
        return Verdict.none();
    }

    /** The Git username Bitbucket documents for this credential's kind (reference §8). */
    static String documentedUser(Facts facts) {
        return facts.kind() == CredentialKind.APP_PASSWORD && facts.shape() != TokenShape.API_TOKEN
                ? facts.identity()
                : facts.shape() == TokenShape.API_TOKEN ? "x-bitbucket-api-token-auth" : facts.gitUser();
    }

    /**
     * The Git password: the secret, or for an OAuth consumer its access token. Called only after REST was authorized,
     * so the token exchange is already done and cannot end the run here.
     */
    private static String password(RunState run) {
        return run.facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
                ? run.authorization().value().reveal().substring("Bearer ".length())
                : run.facts.secret();
    }

    /** Whether Git smart HTTP accepts this credential's secret (bbpush's own Git username for its kind). */
    static Outcome<Boolean> accepts(RunState run) {
        Optional<RepositoryRef> repo = Optional.ofNullable(run.examined).or(run.ctx::repository);
        if (repo.isEmpty() || !run.prober.canSend(1)) {
            return Outcome.of(false);
        }
        Facts facts = run.facts;
        String user = facts.kind() == CredentialKind.APP_PASSWORD
                ? facts.identity()
                : facts.shape() == TokenShape.API_TOKEN ? "x-bitbucket-api-token-auth" : facts.gitUser();
        Outcome<Optional<Answer>> a =
                run.gitProbe(repo.get(), user, facts.secret(), GitTexts.gitAcceptsSecretProbe(user));
        if (a.ended()) {
            return Outcome.ended(a.verdict().get());
        }
        return Outcome.of(a.value().isPresent() && a.value().get().status() == 200);
    }

    /** The optional Git check after REST accepted the credential ({@code info/refs?service=git-upload-pack}). */
    static Optional<Verdict> check(RunState run, RepositoryRef repo, boolean restWorks) {
        if (!run.prober.canSend(1)) {
            run.observe(GitTexts.GIT_CHECK_BUDGET_SPENT);
            return Verdict.none();
        }
        String user = run.facts.gitUser();
        Outcome<Optional<Answer>> probed = run.gitProbe(repo, user, password(run), GitTexts.gitCheckProbe(user));
        if (probed.ended() || probed.value().isEmpty()) {
            return probed.verdict();
        }
        Answer a = probed.value().get();
        if (a.status() == 200) {
            run.observe(GitTexts.gitAccepts(user));
            return emailAsUserVariant(run, repo, user);
        }
        if (a.status() == 401
                && restWorks
                && !a.textContains(GitTexts.SAYS_INVALID_CREDENTIALS)
                && !a.textContains(GitTexts.SAYS_ACCOUNT_PASSWORDS)) {
            return Verdict.found(
                    Cause.GIT_IDENTITY_MISMATCH,
                    GitTexts.gitRefusesRestAccepts(user, said(a)),
                    GitTexts.setRemoteUrl(
                            run.facts.kind() == CredentialKind.API_TOKEN
                                    ? "x-bitbucket-api-token-auth"
                                    : "x-token-auth",
                            repo.toString()));
        }
        return Optional.of(judge(run, a, restWorks));
    }

    /** With {@code --probe-variants}: Git with the email as username, which Git refuses (an observation only). */
    private static Optional<Verdict> emailAsUserVariant(RunState run, RepositoryRef repo, String user) {
        Facts facts = run.facts;
        if (!run.ctx.probeVariants()
                || facts.identity().isEmpty()
                || facts.identity().equals(user)
                || !TokenShape.isEmail(facts.identity())
                || !run.prober.canSend(1)) {
            return Verdict.none();
        }
        Outcome<Optional<Answer>> v =
                run.gitProbe(repo, facts.identity(), facts.secret(), GitTexts.emailAsUserProbe(facts.identity()));
        if (v.ended()) {
            return v.verdict();
        }
        if (v.value().isPresent() && v.value().get().status() == 401) {
            run.observe(GitTexts.EMAIL_AS_USER_REFUSED);
        }
        return Verdict.none();
    }

    /** Git's refusals (reference: bitbucket-cloud-auth.md §5, §8; on Git a 410 means an app password, §13). */
    static Verdict judge(RunState run, Answer a, boolean restWorks) {
        if (a.status() == 410 || a.textContains(GitTexts.SAYS_APP_PASSWORD_CHANGE)) {
            return Unauthorized401Rules.appPasswordRemoved(run, a);
        }
        if (a.textContains(GitTexts.SAYS_INVALID_CREDENTIALS)) {
            return Unauthorized401Rules.consumerKeyAsCredential(run, a);
        }
        if (a.textContains(GitTexts.SAYS_ACCOUNT_PASSWORDS)) {
            return Unauthorized401Rules.judge(run, a);
        }
        if (a.status() == 429) {
            return ServiceRules.rateLimited(run, a);
        }
        return (a.status() == 403 ? forbidden(run, a) : Verdict.none())
                .orElseGet(() -> Verdict.unknown(
                        a.status() == 401 ? GitTexts.gitRefused(said(a)) : GitTexts.gitAnswered(a.status(), said(a))));
    }

    private static Optional<Verdict> forbidden(RunState run, Answer a) {
        if (a.textContains(ForbiddenTexts.SAYS_MISSING_SCOPES)) {
            boolean fine = run.facts.kind() == CredentialKind.API_TOKEN;
            ScopeTable table = run.table;
            return Verdict.found(
                    Cause.MISSING_SCOPES,
                    GitTexts.missingScopes(
                            said(a),
                            table.required(Operation.READ, fine),
                            ScopeTable.missing(
                                    table.required(Operation.READ, fine), table.required(Operation.PUSH, fine), fine)),
                    ScopeRules.fix(run, fine, table.required(Operation.PUSH, fine)));
        }
        if (a.textContains(ForbiddenTexts.SAYS_WHITELIST_YOUR_IP)
                || a.textContains(ForbiddenTexts.SAYS_TWO_STEP)
                || a.textContains(ForbiddenTexts.SAYS_NO_WRITE_ACCESS)) {
            Answer asRest = new Answer(
                    a.method(),
                    a.uri(),
                    403,
                    a.headers(),
                    ErrorBody.parse(a.text().getBytes(StandardCharsets.UTF_8)),
                    null);
            return Optional.of(Forbidden403Rules.judge(run, asRest, RequestTarget.EXPLAINED));
        }
        if (a.textContains(GitTexts.SAYS_NO_ACCESS)) {
            return Verdict.found(
                    Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, GitTexts.noAccess(said(a)), GitTexts.noAccessFix());
        }
        return Verdict.none();
    }
}
