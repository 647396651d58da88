package dev.bbpush.emulator.git;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.GitRefusal;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.world.Repo;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in front of JGit's {@code GitServlet}: authenticates, rate-limits and authorizes every Git request
 * through {@code AccessControl.authenticateGit/rateLimitGit/authorizeGit} and renders refusals the way Bitbucket
 * does (status, the Basic challenge on 401, and a {@code text/plain} body that git prints as {@code remote: …}
 * lines).
 *
 * <p>The filter sends the challenge itself because JGit's own 401 has none, and git then gives up without
 * trying the credentials in the URL (java-stack-notes.md §4). Paths that are not Git go to {@link RootPaths}.
 */
final class GitAccessFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GitAccessFilter.class);

    static final String PRINCIPAL = GitAccessFilter.class.getName() + ".principal";
    static final String PATH = GitAccessFilter.class.getName() + ".path";
    static final String LOCK = GitAccessFilter.class.getName() + ".lock";
    static final String CHALLENGE = "Basic realm=\"Bitbucket.org HTTP\"";
    /** Bitbucket's Git 403 for a repository the caller cannot see (bitbucket-cloud-auth.md §5). */
    static final String NO_ACCESS =
            "The requested repository either does not exist or you do not have access. If you believe this "
                    + "repository exists and you have access, make sure you're authenticated.";

    private final transient EmulatorContext ctx;

    GitAccessFilter(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Optional<GitPath> parsed = GitPath.parse(path, req.getQueryString());
        if (parsed.isEmpty()) {
            RootPaths.refuse(req, res, path);
            return;
        }
        GitPath git = parsed.get();
        Principal principal;
        try {
            principal = ctx.access().authenticateGit(req);
            if (!principal.isAnonymous()) {
                // Every authenticated Git request counts, refusals included, as on REST (bitbucket-cloud-auth.md §7).
                ctx.access().rateLimitGit(principal);
            }
            Optional<Repo> repo = ctx.world().repository(git.workspace(), git.slug());
            if (repo.isEmpty()) {
                throw unknownRepository(principal, git);
            }
            ctx.access().authorizeGit(principal, repo.get(), git.write(), req.getRemoteAddr());
            if (principal.isAnonymous()) {
                // Counted only once admitted: git's first request of every operation is an anonymous probe that
                // private repositories answer with the challenge, and it must not use up the address's allowance.
                ctx.access().rateLimitGit(principal);
            }
        } catch (GitRefusal r) {
            render(req, res, r);
            return;
        }
        req.setAttribute(PRINCIPAL, principal);
        req.setAttribute(PATH, git);
        try {
            chain.doFilter(new AuthenticatedRequest(req, principal), res);
        } finally {
            if (req.getAttribute(LOCK) instanceof RefUpdateLock lock) {
                lock.release();
            }
        }
    }

    /** Same answer as for a private repository the caller cannot see, so existence does not leak. */
    private static GitRefusal unknownRepository(Principal p, GitPath git) {
        if (p.isAnonymous()) {
            return new GitRefusal(
                    401,
                    List.of(),
                    true,
                    "[no-such-repository] anonymous: anonymous Git access to unknown repository " + git.fullName());
        }
        return new GitRefusal(
                403,
                List.of(NO_ACCESS),
                false,
                "[no-such-repository] " + p.describe() + ": no repository " + git.fullName() + " in this world");
    }

    /**
     * Writes a refusal. git prints a {@code text/plain} body of a failed {@code info/refs} request line by line
     * as {@code remote: <line>} (remote-curl.c {@code show_http_message}), which is how Bitbucket's messages reach
     * the user.
     */
    static void render(HttpServletRequest req, HttpServletResponse res, GitRefusal r) throws IOException {
        if (r.status() == 401 && req.getHeader("Authorization") == null) {
            // git's first request never carries credentials; this challenge is routine.
            LOG.debug("git {} {} -> 401 challenge: {}", req.getMethod(), req.getRequestURI(), r.reason());
        } else {
            LOG.info("git {} {} -> {}: {}", req.getMethod(), req.getRequestURI(), r.status(), r.reason());
        }
        res.setStatus(r.status());
        if (r.challenge()) {
            res.setHeader("WWW-Authenticate", CHALLENGE);
        }
        byte[] body = r.remoteLines().isEmpty()
                ? new byte[0]
                : (String.join("\n", r.remoteLines()) + "\n").getBytes(StandardCharsets.UTF_8);
        res.setContentType("text/plain; charset=utf-8");
        res.setContentLength(body.length);
        try (OutputStream out = res.getOutputStream()) {
            out.write(body);
        }
    }

    /** Reports the account as the remote user, which JGit records and its defaults expect. */
    private static final class AuthenticatedRequest extends HttpServletRequestWrapper {
        private final Principal principal;

        AuthenticatedRequest(HttpServletRequest req, Principal principal) {
            super(req);
            this.principal = principal;
        }

        @Override
        public String getRemoteUser() {
            if (principal.account() != null) {
                return principal.account().username();
            }
            return principal.isAnonymous() ? null : principal.describe();
        }
    }
}
