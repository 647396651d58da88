package dev.bbpush.client.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.internal.RefusalTexts;
import dev.bbpush.client.internal.RunTexts;
import dev.bbpush.client.internal.ServiceTexts;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One run of the doctor's decision procedure (see {@link Doctor} for the rules). Not thread-safe; used once.
 *
 * <p>A run is an ordered list of steps (a credential, local evidence, authorization, the URL to check, then the probe
 * of the target and its judgement), each returning {@code Optional<Verdict>}; the first verdict wins and {@link
 * RunState#diagnosis} turns it into the {@link Diagnosis}. The rules per cause family live in {@link Refusals} and
 * the {@code *Rules} classes.
 */
final class DoctorRun {
    private final RunState run;
    private final DoctorContext ctx;

    /** A run over {@code session}'s transport and token exchange (the session stays open: its opener closes it). */
    DoctorRun(DoctorContext ctx, DoctorSession session) {
        this.ctx = ctx;
        this.run = new RunState(ctx, session);
    }

    // ---------------------------------------------------------------- entry points

    Diagnosis diagnose() {
        return run(
                List.of(this::requireCredential, this::localEvidence, this::authorize, this::checkUrl),
                () -> examine(ctx.repository().orElse(null)));
    }

    Diagnosis explain(BitbucketApiException failure) {
        return run(List.of(this::requireCredential, this::localEvidence), () -> {
            Answer a = Answer.of(failure.failure());
            run.prober.record(a, RunTexts.EXPLAINED_REQUEST);
            return Refusals.explain(run, a);
        });
    }

    Diagnosis explain(TransportException failure) {
        // No credential is needed to explain a request that never got an answer.
        return run(List.of(this::localEvidence), () -> {
            run.evidence.add(new Evidence.Exchange(
                    failure.method(),
                    String.valueOf(failure.uri()),
                    Optional.empty(),
                    Map.of(),
                    "",
                    run.redactor.scrub(RunTexts.explainedRequestNoResponse(Transports.describe(failure)))));
            return ServiceRules.transport(failure);
        });
    }

    /** Runs the steps in order until one concludes; {@code judge} concludes when none did. */
    private Diagnosis run(List<Supplier<Optional<Verdict>>> steps, Supplier<Verdict> judge) {
        for (Supplier<Optional<Verdict>> step : steps) {
            Optional<Verdict> verdict = step.get();
            if (verdict.isPresent()) {
                return run.diagnosis(verdict.get());
            }
        }
        return run.diagnosis(judge.get());
    }

    /**
     * What Bitbucket says about the credential, for {@code auth status}: {@code GET /user} (its headers carry the
     * credential type and scopes even when refused) and, when the scopes allow, {@code GET /user/emails}.
     */
    AuthStatus.ServerView serverView() {
        if (run.facts == null) {
            return AuthStatus.ServerView.NONE;
        }
        Outcome<Secret> auth = run.authorization();
        if (auth.ended()) {
            return new AuthStatus.ServerView(Optional.empty(), Optional.empty(), Optional.empty(), run.tokenExpiry);
        }
        Optional<Answer> a = run.prober
                .get(run.endpoint("user"), auth.value(), RunTexts.PROBE_ACCOUNT)
                .flatMap(Prober.Result::answer);
        if (a.isEmpty()) {
            return new AuthStatus.ServerView(Optional.empty(), Optional.empty(), Optional.empty(), run.tokenExpiry);
        }
        Optional<AuthStatus.Account> account =
                a.get().isJsonSuccess() ? Optional.of(account(a.get(), auth.value())) : Optional.empty();
        return new AuthStatus.ServerView(a.get().credentialType(), a.get().grantedScopes(), account, run.tokenExpiry);
    }

    private AuthStatus.Account account(Answer a, Secret auth) {
        JsonNode u = a.json();
        Optional<String> email = Optional.empty();
        boolean fine = run.fineGrained(a);
        List<String> granted = a.grantedScopes().orElse(List.of());
        boolean emailsReadable = fine
                ? granted.contains("read:user:bitbucket")
                : ScopeTable.expandClassic(granted).contains("email");
        if (emailsReadable && !u.path("type").asText("").equals("app_user")) {
            Optional<Answer> e = run.prober
                    .get(run.endpoint("user", "emails"), auth, RunTexts.PROBE_EMAILS)
                    .flatMap(Prober.Result::answer);
            if (e.isPresent() && e.get().isJsonSuccess()) {
                for (JsonNode v : e.get().json().path("values")) {
                    if (v.path("is_primary").asBoolean(false) || email.isEmpty()) {
                        email = Optional.of(v.path("email").asText(""));
                    }
                }
            }
        }
        return new AuthStatus.Account(
                u.path("username").asText(u.path("nickname").asText("")),
                u.path("display_name").asText(""),
                email,
                u.path("type").asText("user").equals("app_user"));
    }

    // ---------------------------------------------------------------- local evidence

    private Optional<Verdict> requireCredential() {
        if (run.facts != null) {
            return Verdict.none();
        }
        String story =
                ctx.resolution().map(CredentialResolution::failureMessage).orElse(RunTexts.NO_CREDENTIAL_GIVEN);
        run.evidence.add(new Evidence.Observation(story));
        return Verdict.found(
                Cause.NO_CREDENTIALS,
                RefusalTexts.Doctor.noCredentials(),
                Fixes.join(RefusalTexts.Doctor.noCredentialsFix()));
    }

    /** Observations that need no request: the URL's form, the credential's shape, identity, repairs and sources. */
    private Optional<Verdict> localEvidence() {
        run.observe(RunTexts.apiUrl(ctx.apiUrl().toString(), run.urlProblem));
        ctx.credentials().ifPresent(r -> {
            Facts facts = run.facts;
            run.observe(RunTexts.credential(
                    facts.kind().label(),
                    Secret.mask(facts.secret()),
                    r.source().describe(),
                    facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS,
                    facts.identity(),
                    facts.scheme()));
            run.observe(RunTexts.secretShape(
                    facts.shape().description(), facts.secret().length(), TokenShape.looksTruncated(facts.secret())));
            if (!facts.identity().isEmpty() && facts.kind() != CredentialKind.OAUTH_CLIENT_CREDENTIALS) {
                run.observe(RunTexts.identity(
                        facts.identity(),
                        TokenShape.isEmail(facts.identity()),
                        TokenShape.looksLikeConsumerKey(facts.identity())));
            }
            for (Repair rep : r.repairs()) {
                run.observe(RunTexts.pasteDamageRepaired(rep.describe()));
            }
            for (String note : r.notes()) {
                run.observe(RunTexts.note(note));
            }
            TokenShape.jwtExpiry(facts.secret()).ifPresent(exp -> {
                run.tokenExpiry = Optional.of(exp);
                run.observe(RunTexts.tokenPayloadExpiry(
                        exp, !exp.isAfter(ctx.clock().instant())));
            });
        });
        ctx.resolution().ifPresent(res -> {
            for (ProviderOutcome o : res.outcomes()) {
                if (o.status() == ProviderOutcome.Status.FAILED) {
                    run.observe(RunTexts.sourceProblem(o.describe()));
                }
            }
        });
        return Verdict.none();
    }

    /** Why the API URL cannot be Bitbucket Cloud's REST 2.0 base, if it cannot. */
    static Optional<String> apiUrlProblem(URI apiUrl) {
        String host = apiUrl.getHost().toLowerCase(Locale.ROOT);
        String path = apiUrl.getPath() == null ? "" : apiUrl.getPath();
        if (path.contains("/rest/api")) {
            return Optional.of(ServiceTexts.dataCenterPath(path));
        }
        if (host.equals("bitbucket.org") || host.equals("www.bitbucket.org")) {
            return Optional.of(ServiceTexts.websiteHost(host));
        }
        if (!path.endsWith("/2.0")) {
            return Optional.of(ServiceTexts.pathWithout20(path.isEmpty() ? "/" : path));
        }
        return Optional.empty();
    }

    /** The candidate closest to {@code name}, if close enough to be a typo (see {@link NotFoundRules#closest}). */
    static Optional<String> closest(String name, List<String> candidates) {
        return NotFoundRules.closest(name, candidates);
    }

    // ---------------------------------------------------------------- the probes

    /** The REST {@code Authorization} (for an OAuth consumer, the token exchange); a refused exchange ends the run. */
    private Optional<Verdict> authorize() {
        return run.authorization().verdict();
    }

    /** The URL a failing tool used: a refusal is judged; a success lets the run go on to the credential. */
    private Optional<Verdict> checkUrl() {
        if (ctx.checkUrl().isEmpty()) {
            return Verdict.none();
        }
        Outcome<Answer> r = run.probe(ctx.checkUrl().get(), RunTexts.PROBE_CHECK_URL);
        if (r.ended()) {
            return r.verdict();
        }
        Answer a = r.value();
        if (a.isSuccess()) {
            run.observe(RunTexts.checkUrlSucceeded(a.status()));
            return Verdict.none();
        }
        return Optional.of(Refusals.judge(run, a, RequestTarget.CHECK_URL));
    }

    /** Probes the repository (or {@code /user} without one) and concludes. */
    private Verdict examine(RepositoryRef repo) {
        run.examined = repo;
        Outcome<Answer> r = repo != null
                ? run.probe(run.repoUrl(repo), RunTexts.probeRepository(repo.toString()))
                : run.probe(run.endpoint("user"), RunTexts.PROBE_ACCOUNT_OF_CREDENTIAL);
        if (r.ended()) {
            return r.verdict().get();
        }
        Answer a = r.value();
        if (!a.isJsonSuccess()) {
            return Refusals.judge(run, a, repo != null ? RequestTarget.REPOSITORY : RequestTarget.USER);
        }
        if (repo == null) {
            observeAccount(a.json());
        }
        return authenticated(a, repo);
    }

    /** The credential authenticated: scopes, write permission, Git, the account; then it works. */
    private Verdict authenticated(Answer a, RepositoryRef repo) {
        Optional<String> type = a.credentialType();
        Optional<List<String>> granted = a.grantedScopes();
        run.observe(RunTexts.authenticated(type, granted));
        Set<Operation> ops = run.operations(repo != null);
        return scopes(a, ops, granted)
                .or(() -> repo != null && ctx.operations().contains(Operation.PUSH)
                        ? ScopeRules.writePermission(run, repo, type)
                        : Verdict.none())
                .or(() -> git(repo))
                .or(() -> account(a, repo, granted))
                .orElseGet(() -> OkRules.okOrRepaired(run, repo));
    }

    private Optional<Verdict> scopes(Answer a, Set<Operation> ops, Optional<List<String>> granted) {
        if (granted.isEmpty()) {
            run.observe(RunTexts.SCOPES_NOT_REPORTED);
            return Verdict.none();
        }
        return ScopeRules.missing(run, ops, granted.get(), run.fineGrained(a), List.of());
    }

    private Optional<Verdict> git(RepositoryRef repo) {
        if (!ctx.git()) {
            return Verdict.none();
        }
        if (repo == null) {
            run.observe(RunTexts.GIT_CHECK_NEEDS_REPOSITORY);
            return Verdict.none();
        }
        return GitRules.check(run, repo, true);
    }

    /** After a repository check, names the account when the scopes allow {@code GET /user}. */
    private Optional<Verdict> account(Answer a, RepositoryRef repo, Optional<List<String>> granted) {
        if (repo == null
                || a.status() != 200
                || !ScopeRules.wantsAccount(granted, run.fineGrained(a))
                || !run.prober.canSend(1)) {
            return Verdict.none();
        }
        Outcome<Answer> u = run.probe(run.endpoint("user"), RunTexts.PROBE_ACCOUNT);
        if (u.ended()) {
            return u.verdict();
        }
        if (u.value().isJsonSuccess()) {
            observeAccount(u.value().json());
        }
        return Verdict.none();
    }

    private void observeAccount(JsonNode user) {
        String type = user.path("type").asText("");
        if (type.equals("app_user")) {
            run.observe(RunTexts.appUser(user.path("display_name").asText("")));
            return;
        }
        String username = user.path("username").asText(user.path("nickname").asText(""));
        Optional<Boolean> twoStep = user.has("has_2fa_enabled")
                ? Optional.of(user.path("has_2fa_enabled").asBoolean())
                : Optional.empty();
        run.observe(RunTexts.account(username, user.path("display_name").asText(""), twoStep));
    }
}
