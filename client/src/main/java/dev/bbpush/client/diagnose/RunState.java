package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.TokenShape;
import dev.bbpush.client.auth.internal.ClientCredentialsAuthorizer;
import dev.bbpush.client.internal.ApiUrls;
import dev.bbpush.client.internal.RunTexts;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one doctor run knows and how it asks: the context, the credential's {@link Facts}, the evidence so far, the
 * redactor and the prober. Rules read it and append evidence; the probes that may end the run (transport failure,
 * 429, budget spent) return an {@link Outcome}. Not thread-safe; used once.
 */
final class RunState {
    final DoctorContext ctx;
    final List<Evidence> evidence = new ArrayList<>();
    final Redactor redactor = new Redactor();
    final Prober prober;
    final ScopeTable table = ScopeTable.bundled();
    final Optional<ResolvedCredentials> resolved;
    /** The credential's parts; {@code null} without a credential (then the run ends with no-credentials). */
    final Facts facts;

    final Fixes fixes;
    /** Why the API URL cannot be Bitbucket Cloud's REST base, if it cannot. */
    final Optional<String> urlProblem;

    private Secret restAuthorization;
    Optional<Instant> tokenExpiry = Optional.empty();
    /** The repository being examined (the context's, or the one a failure being explained named). */
    RepositoryRef examined;

    /** The transport and token exchange this run shares with the other runs of its command. */
    private final DoctorSession session;

    RunState(DoctorContext ctx, DoctorSession session) {
        this.ctx = ctx;
        this.session = session;
        this.resolved = ctx.credentials();
        this.facts = resolved.map(r -> Facts.of(r.credentials())).orElse(null);
        if (facts != null) {
            redactor.add(facts.secret());
            if (resolved.get().credentials() instanceof FixedCredentials f) {
                redactor.add(f.authorizationHeader());
            }
        }
        this.fixes = new Fixes(source());
        this.prober = new Prober(session.transport(), evidence, redactor);
        this.urlProblem = DoctorRun.apiUrlProblem(ctx.apiUrl());
    }

    // ---------------------------------------------------------------- the verdict

    /** The run's result: the verdict with its texts scrubbed, the evidence so far and the credential examined. */
    Diagnosis diagnosis(Verdict v) {
        CredentialInfo info = resolved.map(r -> new CredentialInfo(
                        r.credentials().kind().label(),
                        r.source().describe(),
                        Secret.mask(facts.secret()),
                        facts.identity()))
                .orElse(CredentialInfo.none());
        return new Diagnosis(
                v.ok(),
                v.cause(),
                redactor.scrub(v.summary()),
                redactor.scrub(v.fix()),
                evidence,
                info,
                v.cause().docs());
    }

    void observe(String text) {
        evidence.add(new Evidence.Observation(redactor.scrub(text)));
    }

    CredentialSource source() {
        return resolved.map(ResolvedCredentials::source)
                .orElse(new CredentialSource(CredentialSource.Type.EXPLICIT, "", List.of()));
    }

    List<Repair> repairs() {
        return resolved.map(ResolvedCredentials::repairs).orElse(List.of());
    }

    // ---------------------------------------------------------------- requests

    /**
     * The REST {@code Authorization}: the credential's own header, or for an OAuth consumer a Bearer token from the
     * client-credentials exchange (made once, on first use); a refused exchange ends the run.
     */
    Outcome<Secret> authorization() {
        if (restAuthorization != null) {
            return Outcome.of(restAuthorization);
        }
        Credentials c = resolved.orElseThrow().credentials();
        if (c instanceof FixedCredentials f) {
            restAuthorization = f.authorizationHeader();
            return Outcome.of(restAuthorization);
        }
        return exchangeClientCredentials((OAuthClientCredentials) c);
    }

    /**
     * The client's own token exchange ({@link ClientCredentialsAuthorizer}), shared by the runs of one session: a token
     * an earlier run got is reused; otherwise the request is sent once through the prober (evidence, budget, no retry)
     * and its answer handed back to the authorizer, which keeps the token as it would after its own fetch.
     */
    private Outcome<Secret> exchangeClientCredentials(OAuthClientCredentials o) {
        ClientCredentialsAuthorizer authorizer = session.authorizer(o, ctx);
        Optional<ClientCredentialsAuthorizer.Grant> held = authorizer.currentGrant();
        if (held.isPresent()) {
            return Outcome.of(useToken(
                    held.get(),
                    RunTexts.OAUTH_TOKEN_REUSED,
                    Duration.between(ctx.clock().instant(), held.get().expiresAt())));
        }
        basic(o.clientId(), o.clientSecret().reveal()); // the request's Basic header, for the redactor
        // The token request is the first request of a run, so the budget never stops it.
        Optional<Prober.Result> sent =
                prober.send(authorizer.clientCredentialsRequest(), RunTexts.PROBE_TOKEN_EXCHANGE);
        Outcome<Answer> a = answer(sent);
        if (a.ended()) {
            return Outcome.ended(a.verdict().get());
        }
        Optional<ClientCredentialsAuthorizer.Grant> issued = a.value().status() == 200
                ? sent.flatMap(Prober.Result::response).flatMap(authorizer::accept)
                : Optional.empty();
        if (issued.isPresent()) {
            return Outcome.of(useToken(
                    issued.get(), RunTexts.OAUTH_TOKEN_ISSUED, issued.get().lifetime()));
        }
        return Outcome.ended(OAuthTokenRules.judge(this, a.value(), RunTexts.OAUTH_TOKEN_ENDPOINT));
    }

    private Secret useToken(ClientCredentialsAuthorizer.Grant grant, String what, Duration left) {
        redactor.add(grant.accessToken().reveal());
        long expiresIn = left.toSeconds();
        tokenExpiry = Optional.of(grant.expiresAt());
        observe(RunTexts.oauthToken(
                what, expiresIn, grant.expiresAt().truncatedTo(ChronoUnit.SECONDS), grant.scopes()));
        restAuthorization = Secret.of("Bearer " + grant.accessToken().reveal());
        return restAuthorization;
    }

    /** The answer of a probe; a spent budget, a transport failure and a 429 end the run. */
    Outcome<Answer> answer(Optional<Prober.Result> r) {
        if (r.isEmpty()) {
            return Outcome.ended(Verdict.unknown(RunTexts.BUDGET_SPENT));
        }
        if (r.get().failure().isPresent()) {
            return Outcome.ended(ServiceRules.transport(r.get().failure().get()));
        }
        Answer a = r.get().answer().orElseThrow();
        if (a.status() == 429) {
            return Outcome.ended(ServiceRules.rateLimited(this, a));
        }
        return Outcome.of(a);
    }

    /**
     * GET with the REST credential, when the budget allows one more request (else empty, and the caller judges without
     * it). Failures and 429 end the run.
     */
    Outcome<Optional<Answer>> probeWithinBudget(URI u, String purpose) {
        if (!prober.canSend(1)) {
            return Outcome.of(Optional.empty());
        }
        Outcome<Secret> auth = authorization();
        if (auth.ended()) {
            return Outcome.ended(auth.verdict().get());
        }
        Outcome<Answer> a = answer(prober.get(u, auth.value(), purpose));
        return a.ended() ? Outcome.ended(a.verdict().get()) : Outcome.of(Optional.of(a.value()));
    }

    /** GET with the REST credential, the answer being needed: failures, 429 and a spent budget end the run. */
    Outcome<Answer> probe(URI u, String purpose) {
        Outcome<Secret> auth = authorization();
        if (auth.ended()) {
            return Outcome.ended(auth.verdict().get());
        }
        return answer(prober.get(u, auth.value(), purpose));
    }

    /**
     * Git smart HTTP ({@code info/refs?service=git-upload-pack}) with Basic {@code user:password}; the answer, or empty
     * when the budget is spent. Failures and 429 end the run.
     */
    Outcome<Optional<Answer>> gitProbe(RepositoryRef repo, String user, String password, String purpose) {
        URI base = ctx.gitBaseUrl();
        URI u = URI.create(base.toString().replaceAll("/+$", "") + "/" + enc(repo.workspace()) + "/" + enc(repo.slug())
                + ".git/info/refs?service=git-upload-pack");
        Optional<Prober.Result> r = prober.get(u, basic(user, password), purpose);
        if (r.isEmpty()) {
            return Outcome.of(Optional.empty());
        }
        Outcome<Answer> a = answer(r);
        return a.ended() ? Outcome.ended(a.verdict().get()) : Outcome.of(Optional.of(a.value()));
    }

    /** {@code Basic base64(user:password)}, remembered by the redactor. */
    Secret basic(String user, String password) {
        Secret basic = Secret.of("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        redactor.add(basic);
        return basic;
    }

    // ---------------------------------------------------------------- reading answers

    /** Whether the credential is judged by fine-grained (API-token) scopes rather than classic ones. */
    boolean fineGrained(Answer a) {
        Optional<String> type = a.credentialType();
        if (type.isPresent()) {
            return type.get().equals("api_token");
        }
        List<String> g = a.grantedScopes().orElse(List.of());
        if (g.stream().anyMatch(s -> s.endsWith(":bitbucket"))) {
            return true;
        }
        return facts.kind() == CredentialKind.API_TOKEN || facts.shape() == TokenShape.API_TOKEN;
    }

    Set<Operation> operations(boolean withRepository) {
        Set<Operation> ops = EnumSet.copyOf(ctx.operations());
        if (withRepository) {
            ops.add(Operation.READ);
        }
        return ops;
    }

    /** The operations a failed request was doing, judged from its method and path. */
    Set<Operation> operationsOf(Answer a) {
        String path = a.apiPath(ctx.apiUrl());
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        if (path.matches("/repositories/[^/]+/[^/]+/pullrequests.*")) {
            ops.add(Operation.PULL_REQUEST);
        } else if (path.matches("/repositories/[^/]+/[^/]+/(src|refs/branches).*")
                && !a.method().equals("GET")) {
            ops.add(Operation.PUSH);
        } else if (path.matches("/repositories/[^/]+/[^/]+.*")) {
            ops.add(Operation.READ);
        }
        return ops;
    }

    /** The repository a REST or Git request addressed, if its path names one. */
    Optional<RepositoryRef> repositoryOf(Answer a) {
        String path = a.isGit() ? a.uri().getPath() : a.apiPath(ctx.apiUrl());
        Matcher m = Pattern.compile(
                        a.isGit() ? "^/([^/]+)/([^/]+?)\\.git(/.*)?$" : "^/repositories/([^/]+)/([^/]+)(/.*)?$")
                .matcher(path == null ? "" : path);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RepositoryRef(dec(m.group(1)), dec(m.group(2))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The scopes a push needs (and pull requests, when asked for). */
    List<String> pushScopes(boolean fine) {
        Set<String> all = new LinkedHashSet<>(table.required(Operation.PUSH, fine));
        if (ctx.operations().contains(Operation.PULL_REQUEST)) {
            all.addAll(table.required(Operation.PULL_REQUEST, fine));
        }
        return List.copyOf(all);
    }

    /** Bitbucket's words for a summary: {@code : "message"}, or {@code , no message}. */
    static String said(Answer a) {
        return RunTexts.said(Prober.message(a));
    }

    /** Whether a body is Bitbucket's JSON error envelope ({@code {"type": "error", "error": {...}}}, §5). */
    static boolean bitbucketEnvelope(Answer a) {
        String t = a.text().strip();
        return t.startsWith("{")
                && t.contains("\"error\"")
                && a.body().message().isPresent();
    }

    // ---------------------------------------------------------------- URLs

    URI repoUrl(RepositoryRef repo) {
        return endpoint("repositories", repo.workspace(), repo.slug());
    }

    URI endpoint(String... segments) {
        return ApiUrls.endpoint(ctx.apiUrl(), segments);
    }

    static URI withQuery(URI u, String query) {
        return URI.create(u + "?" + query);
    }

    static String enc(String s) {
        return ApiUrls.encodeSegment(s);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
