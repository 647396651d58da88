package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Route;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.CredentialKind;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.WorldSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authentication and authorization, REST and Git, as Bitbucket Cloud does them in late 2026
 * (reference: bitbucket-cloud-auth.md; the emulator's choices where the reference is uncertain are in
 * docs/emulator-fidelity.md, "Authentication and authorization").
 *
 * <p>A REST request passes, in order: {@link #authenticate} (who: 401s), {@link #decorate}
 * (introspection headers), {@link #authorizeOperation} (rate limit 429, mechanism 403, anonymous 401,
 * scopes 403) and, inside the handler, {@link #requireRepository} (access 404, workspace policies 403,
 * permission 403). Every refusal is logged with the rule that fired and the credential's name, never
 * its secret.
 *
 * <p>One instance per emulator; {@link #reset()} forgets issued OAuth tokens and rate-limit counts.
 */
public class AccessControl {
    /** The challenge of every REST 401; public so handlers that refuse anonymous callers send the same one. */
    public static final String BASIC_CHALLENGE = AuthMessages.BASIC_CHALLENGE;
    /** Cross-workspace listings, which access tokens may not call (§2.4). */
    private static final Set<String> CROSS_WORKSPACE = Set.of("/workspaces", "/repositories");
    /** The endpoints CHANGE-2770 removed (reference: bitbucket-cloud-rest.md §1.11). */
    private static final Set<String> REMOVED_CROSS_WORKSPACE =
            Set.of("/workspaces", "/repositories", "/user/permissions/repositories", "/user/permissions/workspaces");

    protected final EmulatorContext ctx;
    private final ScopeCatalog catalog;
    private final OAuthTokens tokens = new OAuthTokens();
    private final RateLimiter limiter = new RateLimiter();
    private final WorkspacePolicies policies;
    private final RestAuthenticator rest;
    private final GitAccess git;
    private final Set<String> undocumentedRoutes = ConcurrentHashMap.newKeySet();

    /** @throws IllegalArgumentException when a workspace's IP allowlist has an invalid entry */
    public AccessControl(EmulatorContext ctx) {
        this.ctx = ctx;
        this.catalog = ScopeCatalog.bitbucket();
        this.policies = new WorkspacePolicies(ctx.world());
        this.rest = new RestAuthenticator(ctx, tokens);
        this.git = new GitAccess(ctx, tokens, this);
    }

    /**
     * Establishes the principal of a REST request.
     *
     * @throws ApiError the refusal Bitbucket would send (401 and its challenge, body and headers)
     */
    public Principal authenticate(Exchange ex) {
        return rest.authenticate(ex.request());
    }

    /**
     * Checks the operation itself before the handler runs: the rate limit, credential types an
     * endpoint refuses, anonymous callers on account endpoints, and the scopes the OpenAPI document
     * lists for the route.
     *
     * @throws ApiError 429, 403 or 401 as Bitbucket answers
     */
    public void authorizeOperation(Exchange ex) {
        Principal p = ex.principal();
        Route route = ex.route();
        String template = route.template();
        if (ctx.world().settings().crossWorkspaceEndpointsGone() && REMOVED_CROSS_WORKSPACE.contains(template)) {
            // A removed endpoint answers 410 to everyone (CHANGE-2770); its handler renders the body.
            return;
        }
        rateLimit(ex, p, route.rateClass());
        boolean tokenLike = p.type().isAccessToken() || p.isAppUser();
        if (tokenLike && isUserEndpoint(template)) {
            throw AuthLog.rest(
                    new ApiError(403, AuthMessages.NOT_ACCESSIBLE),
                    "user-endpoint-needs-account",
                    p.describe(),
                    route + " needs an account; access tokens and client-credentials tokens have none");
        }
        if (p.type().isAccessToken()) {
            if (CROSS_WORKSPACE.contains(template)
                    || (template.startsWith("/repositories/{workspace}/{repo_slug}/deploy-keys")
                            && !route.method().equals("GET"))) {
                throw AuthLog.rest(
                        new ApiError(403, AuthMessages.NOT_ACCESSIBLE),
                        "not-for-access-tokens",
                        p.describe(),
                        route + " is not accessible to access tokens");
            }
            if (template.startsWith("/users/{selected_user}")) {
                throw AuthLog.rest(
                        new ApiError(403, AuthMessages.TOKEN_NOT_SUPPORTED),
                        "users-endpoint-access-token",
                        p.describe(),
                        route + " refuses access tokens");
            }
        }
        if (p.isAnonymous()) {
            if (isUserEndpoint(template)) {
                throw RestAuthenticator.basicChallenge(
                        "anonymous-user-endpoint",
                        "anonymous " + ex.request().getRemoteAddr(),
                        route + " needs authentication");
            }
            return;
        }
        List<String> required = requiredScopes(route, p);
        List<String> missing = ScopeRules.missing(p.scopes(), required, p.type().fineGrainedScopes());
        if (!missing.isEmpty()) {
            throw AuthLog.rest(
                    new ApiError(403, AuthMessages.MISSING_SCOPES).detail(ApiError.scopeDetail(p.scopes(), required)),
                    "missing-scope",
                    p.describe(),
                    route + " requires " + required + ", granted " + p.scopes() + ", missing " + missing);
        }
    }

    /**
     * Resolves the repository named by the request's {@code workspace} and {@code repo_slug} variables
     * and checks that the principal holds {@code needed} on it.
     *
     * @throws ApiError 404 "You may not have access…" when it does not exist or the principal cannot see
     *     it; 403 when a workspace policy (IP allowlist, required 2SV) keeps the caller out; 401 (Basic
     *     challenge) for an anonymous caller that needs more than read; 403 when visible but
     *     {@code needed} is not held
     */
    public Repo requireRepository(Exchange ex, Permission needed) {
        String ws = ex.param("workspace");
        String slug = ex.param("repo_slug");
        Principal p = ex.principal();
        Optional<Repo> found = ctx.world().repository(ws, slug);
        if (found.isEmpty()) {
            throw AuthLog.rest(
                    ApiError.notFound(AuthMessages.REPO_NO_ACCESS),
                    "no-such-repository",
                    p.describe(),
                    "no repository " + ws + "/" + slug + " in this world");
        }
        Repo repo = found.get();
        Permission held = permissionOf(p, repo);
        if (held == Permission.NONE) {
            throw AuthLog.rest(
                    ApiError.notFound(AuthMessages.REPO_NO_ACCESS),
                    "no-repository-access",
                    p.describe(),
                    "no access to private " + repo.fullName()
                            + (p.confinedTo() != null ? " (confined to " + p.confinedTo() + ")" : ""));
        }
        String client = ex.request().getRemoteAddr();
        Optional<WorkspacePolicies.Violation> v = policies.check(p, repo, client);
        if (v.isPresent()) {
            boolean ip = v.get() == WorkspacePolicies.Violation.IP_ALLOWLIST;
            throw AuthLog.rest(
                    new ApiError(403, ip ? AuthMessages.IP_NOT_ALLOWED : AuthMessages.REST_TWO_STEP_REQUIRED),
                    ip ? "ip-allowlist" : "two-step-verification",
                    p.describe(),
                    ip
                            ? "client " + client + " is outside the IP allowlist of " + repo.workspace()
                            : "workspace " + repo.workspace() + " requires 2SV and the account has none");
        }
        if (!held.includes(needed)) {
            if (p.isAnonymous()) {
                throw RestAuthenticator.basicChallenge(
                        "anonymous-write",
                        "anonymous " + client,
                        needed.wire() + " on " + repo.fullName() + " needs authentication");
            }
            String message =
                    needed == Permission.ADMIN ? AuthMessages.REST_ADMIN_DENIED : AuthMessages.REST_WRITE_DENIED;
            throw AuthLog.rest(
                    new ApiError(403, message),
                    "insufficient-permission",
                    p.describe(),
                    "holds " + held.wire() + " on " + repo.fullName() + ", needs " + needed.wire());
        }
        return repo;
    }

    /**
     * The effective permission of a principal on a repository, before workspace policies. Accounts
     * (API tokens, app passwords, authorization-code OAuth) hold their grant (workspace admins: admin);
     * access tokens and client-credentials OAuth tokens hold, inside their resource only, the level
     * their scopes give ({@code repository:admin} admin, {@code repository:write} write, otherwise
     * read). Public repositories are readable by all.
     */
    public Permission permissionOf(Principal p, Repo repo) {
        Permission held = Permission.NONE;
        if (p.type().isAccessToken() || p.isAppUser()) {
            if (within(p.credential(), repo)) {
                held = fromScopes(p.scopes());
            }
        } else if (p.account() != null) {
            String user = p.account().username();
            held = repo.permissionOf(user);
            boolean admin = ctx.world()
                    .workspace(repo.workspace())
                    .map(w -> w.admins().contains(user))
                    .orElse(false);
            if (admin) {
                held = Permission.ADMIN;
            }
        }
        if (held == Permission.NONE && !repo.isPrivate()) {
            return Permission.READ;
        }
        return held;
    }

    /**
     * Authenticates a Git smart-HTTP request ({@code /{ws}/{repo}.git/...}) from its Basic credentials
     * (reference §8).
     *
     * @return the principal, anonymous when the request carries no {@code Authorization}
     * @throws GitRefusal 401 (challenge) for unknown or wrongly-sent credentials and account passwords,
     *     410 for app passwords once removed or in brownout
     */
    public Principal authenticateGit(HttpServletRequest req) throws GitRefusal {
        return authenticateGit(req.getHeader("Authorization"), req.getRemoteAddr());
    }

    /**
     * {@link #authenticateGit(HttpServletRequest)} on plain values.
     *
     * @param authorization the {@code Authorization} header value, or {@code null}
     * @param clientAddress the client's address (names the anonymous rate-limit bucket)
     */
    public Principal authenticateGit(String authorization, String clientAddress) throws GitRefusal {
        return git.authenticate(authorization, clientAddress);
    }

    /**
     * Authorizes a Git operation on a repository: read for clone and fetch, write for push. Checks, in
     * order: scopes (clone {@code read:repository:bitbucket} / {@code repository}; push also
     * {@code write:repository:bitbucket} / {@code repository:write}), access, workspace policies, write
     * permission.
     *
     * @throws GitRefusal 401 (with challenge) for an anonymous caller on a private repository or a push,
     *     403 with Bitbucket's {@code remote:} text otherwise
     */
    public void authorizeGit(Principal p, Repo repo, boolean write, String clientAddress) throws GitRefusal {
        git.authorize(p, repo, write, clientAddress);
    }

    /**
     * Counts one Git request against the principal's Git allowance (60,000/hour by default; per user,
     * access token, OAuth consumer, or client address when anonymous). Call once per Git HTTP request.
     *
     * @throws GitRefusal 429 with the rate-limit text when the allowance is used up
     */
    public void rateLimitGit(Principal p) throws GitRefusal {
        int limit = ctx.world().settings().rateLimits().git();
        RateLimiter.Outcome o =
                limiter.acquire(p.rateBucket() + "|git", limit, ctx.clock().now());
        if (!o.allowed()) {
            throw AuthLog.git(
                    429,
                    List.of(AuthMessages.RATE_LIMITED),
                    false,
                    "rate-limit-git",
                    p.describe(),
                    o.used() + " Git requests in the last hour, limit " + limit);
        }
    }

    /**
     * Adds the introspection headers to an authenticated response (reference §4.6): the credential
     * type, the granted scopes and the scopes the endpoint accepts, in the credential's family. They are
     * set before authorization, so 403 refusals carry them too.
     */
    public void decorate(Exchange ex) {
        Principal p = ex.principal();
        if (p != null && !p.isAnonymous()) {
            ex.header("X-Credential-Type", p.type().header());
            ex.header("X-OAuth-Scopes", String.join(", ", p.scopes()));
            ex.header("X-Accepted-OAuth-Scopes", String.join(", ", requiredScopes(ex.route(), p)));
        }
    }

    /** The OAuth 2.0 grants this emulator has issued (used by {@link OAuthServlet}). */
    public OAuthTokens oauthTokens() {
        return tokens;
    }

    /** Forgets issued OAuth codes and tokens and every rate-limit count (emulator reset). */
    public void reset() {
        tokens.clear();
        limiter.reset();
    }

    WorkspacePolicies policies() {
        return policies;
    }

    private List<String> requiredScopes(Route route, Principal p) {
        return catalog.required(route.method(), route.template())
                .map(r -> r.forFamily(p.type().fineGrainedScopes()))
                .orElseGet(() -> {
                    if (undocumentedRoutes.add(route.toString())) {
                        AuthLog.note("{} is not in the OpenAPI document; it requires no scopes", route);
                    }
                    return List.of();
                });
    }

    private void rateLimit(Exchange ex, Principal p, Route.RateClass rateClass) {
        if (rateClass == Route.RateClass.NONE) {
            return;
        }
        WorldSettings.RateLimits limits = ctx.world().settings().rateLimits();
        String bucket;
        int limit;
        if (p.isAnonymous()) {
            // Unauthenticated requests share one allowance per address across all resources (§7).
            bucket = p.rateBucket();
            limit = limits.anonymous();
        } else if (rateClass == Route.RateClass.RAW_FILE) {
            bucket = p.rateBucket() + "|raw";
            limit = limits.rawFiles();
        } else {
            bucket = p.rateBucket() + "|api";
            limit = limits.repositoryData();
        }
        RateLimiter.Outcome o = limiter.acquire(bucket, limit, ctx.clock().now());
        // Scaled-limit headers: only access tokens, only the "api" resource group (§7; [31][33]).
        boolean headers = p.type().isAccessToken() && rateClass == Route.RateClass.REPOSITORY_DATA;
        if (headers) {
            ex.header("X-RateLimit-Limit", Integer.toString(o.limit()));
            ex.header("X-RateLimit-Resource", "api");
            ex.header("X-RateLimit-NearLimit", Boolean.toString(!o.allowed() || o.nearLimit()));
        }
        if (!o.allowed()) {
            ApiError e = new ApiError(429, AuthMessages.RATE_LIMITED);
            if (headers) {
                e.header("X-RateLimit-Limit", Integer.toString(o.limit()))
                        .header("X-RateLimit-Resource", "api")
                        .header("X-RateLimit-NearLimit", "true");
            }
            throw AuthLog.rest(
                    e,
                    "rate-limit",
                    p.describe(),
                    o.used() + " requests in the last hour in " + bucket + ", limit " + limit);
        }
    }

    private static boolean isUserEndpoint(String template) {
        return template.equals("/user") || template.startsWith("/user/");
    }

    /** Whether a confined credential (access token, or OAuth consumer for app users) covers {@code repo}. */
    private boolean within(Credential c, Repo repo) {
        String resource = c.resource();
        if (resource == null) {
            return false;
        }
        if (c.kind() == CredentialKind.REPOSITORY_ACCESS_TOKEN) {
            return resource.equals(repo.fullName());
        }
        if (c.kind() == CredentialKind.PROJECT_ACCESS_TOKEN) {
            return resource.equals(repo.workspace() + "/" + repo.projectKey());
        }
        // Workspace access tokens and OAuth consumers: the workspace.
        return resource.equals(repo.workspace());
    }

    private static Permission fromScopes(List<String> scopes) {
        Set<String> s = ScopeRules.expandClassic(scopes);
        if (s.contains("repository:admin")) {
            return Permission.ADMIN;
        }
        if (s.contains("repository:write")) {
            return Permission.WRITE;
        }
        return Permission.READ;
    }
}
