package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.WorldSettings.AppPasswordState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Authentication and authorization of Git over HTTPS (reference: bitbucket-cloud-auth.md §8, §5).
 * Works on plain strings (the {@code Authorization} value and the client address), so the rules are
 * independent of the servlet that serves Git.
 *
 * <p>Usernames: API tokens take the Bitbucket username or {@code x-bitbucket-api-token-auth} (the
 * email fails); access tokens and OAuth access tokens take {@code x-token-auth}; app passwords (only
 * while the world says they are active) take the Bitbucket username.
 */
final class GitAccess {
    static final String API_TOKEN_USER = "x-bitbucket-api-token-auth";
    static final String TOKEN_USER = "x-token-auth";
    static final List<String> CLONE_FINE = List.of("read:repository:bitbucket");
    static final List<String> PUSH_FINE = List.of("read:repository:bitbucket", "write:repository:bitbucket");
    static final List<String> CLONE_CLASSIC = List.of("repository");
    static final List<String> PUSH_CLASSIC = List.of("repository:write");

    private final EmulatorContext ctx;
    private final OAuthTokens tokens;
    private final AccessControl access;

    GitAccess(EmulatorContext ctx, OAuthTokens tokens, AccessControl access) {
        this.ctx = ctx;
        this.tokens = tokens;
        this.access = access;
    }

    Principal authenticate(String header, String clientAddress) throws GitRefusal {
        if (header == null || header.isBlank()) {
            return Principal.anonymous(clientAddress);
        }
        if (!BasicCredentials.scheme(header)
                .map(s -> s.equalsIgnoreCase("Basic"))
                .orElse(false)) {
            // Bearer via http.extraHeader is undocumented for Git (§8); the emulator refuses it.
            throw failed("git-needs-basic", "request", "Git over HTTPS takes Basic credentials only");
        }
        BasicCredentials bc =
                BasicCredentials.parse(BasicCredentials.credentialsPart(header)).orElse(null);
        if (bc == null) {
            throw failed("basic-malformed", "request", "Basic value is not base64 of user:secret");
        }
        Instant now = ctx.clock().now();
        Credential c = ctx.world().credentialBySecret(bc.secret()).orElse(null);
        if (c == null) {
            return oauthOrAccountPassword(bc, now, clientAddress);
        }
        String who = c.name();
        switch (c.kind()) {
            case API_TOKEN -> {
                Account owner = owner(c);
                if (!bc.user().equals(owner.username()) && !bc.user().equals(API_TOKEN_USER)) {
                    throw failed(
                            "api-token-git-identity",
                            who,
                            "Git needs the Bitbucket username " + owner.username() + " or " + API_TOKEN_USER + ", got '"
                                    + bc.displayUser(ctx.world()) + "'");
                }
                requireUsable(c, now);
                if (c.scopes().isEmpty()) {
                    throw failed("api-token-unscoped", who, "API tokens without scopes do not work with Bitbucket");
                }
                return new Principal(Principal.Type.API_TOKEN, c, owner, c.scopes(), "user:" + owner.username());
            }
            case APP_PASSWORD -> {
                Account owner = owner(c);
                AppPasswordState state = ctx.world().settings().appPasswords();
                if (state != AppPasswordState.ACTIVE) {
                    throw AuthLog.git(
                            410,
                            AuthMessages.GIT_APP_PASSWORD_GONE,
                            false,
                            "app-password-" + state.name().toLowerCase(),
                            who,
                            "app passwords answer 410 on Git (world setting appPasswords="
                                    + state.name().toLowerCase() + ")");
                }
                if (!bc.user().equals(owner.username())) {
                    throw failed(
                            "app-password-identity",
                            who,
                            "app passwords need the Bitbucket username " + owner.username());
                }
                requireUsable(c, now);
                return new Principal(Principal.Type.APP_PASSWORD, c, owner, c.scopes(), "user:" + owner.username());
            }
            case REPOSITORY_ACCESS_TOKEN, PROJECT_ACCESS_TOKEN, WORKSPACE_ACCESS_TOKEN -> {
                if (!bc.user().equals(TOKEN_USER)) {
                    throw failed(
                            "access-token-git-identity",
                            who,
                            "access tokens need the username " + TOKEN_USER + ", got '" + bc.displayUser(ctx.world())
                                    + "'");
                }
                requireUsable(c, now);
                return new Principal(
                        RestAuthenticator.accessTokenType(c.kind()), c, null, c.scopes(), "token:" + c.name());
            }
            case OAUTH_CONSUMER ->
                throw AuthLog.git(
                        401,
                        List.of(AuthMessages.GIT_INVALID_USERNAME_OR_PASSWORD),
                        true,
                        "oauth-consumer-as-git-user",
                        who,
                        "an OAuth consumer's key and secret are not credentials; exchange them for an access token");
            case ACCOUNT_PASSWORD -> throw accountPassword(c.owner());
            default ->
                throw failed("unknown-kind", who, "credential kind " + c.kind().wire());
        }
    }

    private Principal oauthOrAccountPassword(BasicCredentials bc, Instant now, String clientAddress) throws GitRefusal {
        Optional<OAuthTokens.Grant> grant = tokens.accessToken(bc.secret());
        if (grant.isPresent()) {
            OAuthTokens.Grant g = grant.get();
            Credential consumer = ctx.world().credential(g.consumer()).orElse(null);
            if (!bc.user().equals(TOKEN_USER)) {
                throw failed(
                        "oauth-token-git-identity",
                        g.consumer(),
                        "OAuth access tokens need the username " + TOKEN_USER);
            }
            if (consumer == null || consumer.revoked()) {
                throw failed("oauth-consumer-revoked", g.consumer(), "the consumer is revoked");
            }
            if (!now.isBefore(g.expires())) {
                throw failed("oauth-token-expired", g.consumer(), "access token expired at " + g.expires());
            }
            Account account = g.account() == null
                    ? null
                    : ctx.world().account(g.account()).orElse(null);
            return new Principal(
                    Principal.Type.OAUTH_TOKEN, consumer, account, g.scopes(), "consumer:" + consumer.name());
        }
        Optional<Account> byPassword = ctx.world().accounts().stream()
                .filter(a -> bc.secret().equals(a.password()))
                .filter(a -> a.username().equals(bc.user()) || a.email().equalsIgnoreCase(bc.user()))
                .findFirst();
        if (byPassword.isPresent()) {
            throw accountPassword(byPassword.get().username());
        }
        throw failed(
                "unknown-secret",
                "user '" + bc.displayUser(ctx.world()) + "'",
                "no credential has secret " + BasicCredentials.mask(bc.secret()) + " (client " + clientAddress + ")");
    }

    /**
     * Authorizes clone/fetch ({@code write=false}) or push ({@code write=true}). Order: scopes,
     * access, workspace policies, write permission.
     */
    void authorize(Principal p, Repo repo, boolean write, String clientAddress) throws GitRefusal {
        String who = p.describe();
        if (!p.isAnonymous()) {
            boolean fine = p.type().fineGrainedScopes();
            List<String> required = fine ? (write ? PUSH_FINE : CLONE_FINE) : (write ? PUSH_CLASSIC : CLONE_CLASSIC);
            List<String> missing = ScopeRules.missing(p.scopes(), required, fine);
            if (!missing.isEmpty()) {
                throw AuthLog.git(
                        403,
                        List.of(AuthMessages.MISSING_SCOPES),
                        false,
                        "missing-scope",
                        who,
                        (write ? "push" : "clone") + " needs " + required + ", granted " + p.scopes());
            }
        }
        Permission held = access.permissionOf(p, repo);
        if (held == Permission.NONE) {
            if (p.isAnonymous()) {
                throw AuthLog.git(
                        401,
                        List.of(),
                        true,
                        "anonymous-private-repo",
                        who,
                        "anonymous Git access to private " + repo.fullName());
            }
            throw AuthLog.git(
                    403,
                    List.of(AuthMessages.GIT_REPO_NO_ACCESS),
                    false,
                    "no-repository-access",
                    who,
                    "no access to " + repo.fullName());
        }
        Optional<WorkspacePolicies.Violation> v = access.policies().check(p, repo, clientAddress);
        if (v.isPresent()) {
            boolean ip = v.get() == WorkspacePolicies.Violation.IP_ALLOWLIST;
            throw AuthLog.git(
                    403,
                    List.of(ip ? AuthMessages.IP_NOT_ALLOWED : AuthMessages.GIT_TWO_STEP_REQUIRED),
                    false,
                    ip ? "ip-allowlist" : "two-step-verification",
                    who,
                    ip
                            ? "client " + clientAddress + " is outside the IP allowlist of " + repo.workspace()
                            : "workspace " + repo.workspace() + " requires 2SV and the account has none");
        }
        if (write && !held.includes(Permission.WRITE)) {
            if (p.isAnonymous()) {
                throw AuthLog.git(401, List.of(), true, "anonymous-push", who, "anonymous push to " + repo.fullName());
            }
            throw AuthLog.git(
                    403,
                    List.of(AuthMessages.GIT_WRITE_DENIED),
                    false,
                    "no-write-permission",
                    who,
                    "holds " + held.wire() + " on " + repo.fullName() + ", push needs write");
        }
    }

    private void requireUsable(Credential c, Instant now) throws GitRefusal {
        if (c.revoked()) {
            throw failed("credential-revoked", c.name(), "revoked");
        }
        if (c.isExpiredAt(now)) {
            throw failed("credential-expired", c.name(), "expired at " + c.expires());
        }
    }

    private Account owner(Credential c) {
        return ctx.world()
                .account(c.owner())
                .orElseThrow(() -> new IllegalStateException("credential " + c.name() + " has no owner account"));
    }

    private static GitRefusal accountPassword(String username) {
        return AuthLog.git(
                401,
                List.of(AuthMessages.ACCOUNT_PASSWORD_GIT),
                true,
                "account-password",
                "account password of " + username,
                "account passwords are refused since 2022-03-01");
    }

    /** 401 with the Basic challenge and no message: git prints "Authentication failed". */
    private static GitRefusal failed(String rule, String who, String why) {
        return AuthLog.git(401, List.of(), true, rule, who, why);
    }
}
