package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.CredentialKind;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authentication and authorization of REST requests: who is calling, and may they do this to that
 * repository. Every refusal is logged with the rule that fired and the credential's name (never its
 * secret).
 *
 * <p>This first version authenticates API tokens sent as Basic {@code email:token} and treats a
 * request without {@code Authorization} as anonymous; every other credential gets 401. The full rules
 * (every credential type, scopes from the OpenAPI document, policies, rate limits) come with the
 * emulator-authentication work.
 */
public class AccessControl {
  private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
  /** The challenge of every REST 401; public so handlers that refuse anonymous callers send the same one. */
  public static final String BASIC_CHALLENGE = "Basic realm=\"Bitbucket.org HTTP\"";
  static final String NO_ACCESS_MESSAGE =
      "You may not have access to this repository or it no longer exists in this workspace. "
          + "If you think this repository exists and you have access, make sure you are authenticated.";

  protected final EmulatorContext ctx;

  public AccessControl(EmulatorContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Establishes the principal of a REST request.
   *
   * @throws ApiError the refusal Bitbucket would send (401 and its challenge, body and headers)
   */
  public Principal authenticate(Exchange ex) {
    String header = ex.request().getHeader("Authorization");
    String client = ex.request().getRemoteAddr();
    if (header == null || header.isBlank()) {
      return Principal.anonymous(client);
    }
    if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw unauthorized("Authorization: Basic value is not valid base64");
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw unauthorized("Basic credentials have no ':' separator");
      }
      String user = decoded.substring(0, colon);
      String secret = decoded.substring(colon + 1);
      Optional<Credential> cred = ctx.world().credentialBySecret(secret);
      if (cred.isEmpty()) {
        throw unauthorized("no credential has that secret (user '" + user + "')");
      }
      Credential c = cred.get();
      if (c.kind() != CredentialKind.API_TOKEN) {
        throw unauthorized(c.name() + ": only API tokens are supported so far");
      }
      Account owner = ctx.world().account(c.owner()).orElseThrow();
      if (!owner.email().equalsIgnoreCase(user)) {
        throw unauthorized(c.name() + ": API token sent with identity '" + user + "'; REST needs the account email");
      }
      if (c.isExpiredAt(ctx.clock().now()) || c.revoked()) {
        throw unauthorized(c.name() + ": expired or revoked");
      }
      if (c.scopes().isEmpty()) {
        throw unauthorized(c.name() + ": API token without scopes");
      }
      return new Principal(Principal.Type.API_TOKEN, c, owner, c.scopes(), "user:" + owner.username());
    }
    throw unauthorized("unsupported Authorization scheme");
  }

  /** Checks the operation itself (scopes, rate limits) before the handler runs. */
  public void authorizeOperation(Exchange ex) {
    // Scopes, policies and rate limits are not enforced yet in this first version.
  }

  /**
   * Resolves the repository named by the request's {@code workspace} and {@code repo_slug} variables
   * and checks that the principal holds {@code needed} on it.
   *
   * @throws ApiError 404 when it does not exist or is private and invisible to the principal; 403 when
   *     visible but {@code needed} is not held
   */
  public Repo requireRepository(Exchange ex, Permission needed) {
    String ws = ex.param("workspace");
    String slug = ex.param("repo_slug");
    Principal p = ex.principal();
    Optional<Repo> found = ctx.world().repository(ws, slug);
    if (found.isEmpty()) {
      throw ApiError.notFound(NO_ACCESS_MESSAGE).reason("no repository " + ws + "/" + slug + " in this world");
    }
    Repo repo = found.get();
    Permission held = permissionOf(p, repo);
    if (held == Permission.NONE) {
      throw ApiError.notFound(NO_ACCESS_MESSAGE).reason(p.describe() + " has no access to private " + repo.fullName());
    }
    if (!held.includes(needed)) {
      throw new ApiError(403, "You do not have " + needed.wire() + " access to this repository.")
          .reason(p.describe() + " holds " + held.wire() + " on " + repo.fullName() + ", needs " + needed.wire());
    }
    return repo;
  }

  /** The effective permission of a principal on a repository. Public repositories are readable by all. */
  public Permission permissionOf(Principal p, Repo repo) {
    Permission held = p.account() == null ? Permission.NONE : repo.permissionOf(p.account().username());
    if (held == Permission.NONE && !repo.isPrivate()) {
      return Permission.READ;
    }
    return held;
  }

  /**
   * Authenticates a Git smart-HTTP request ({@code /{ws}/{repo}.git/...}) from its Basic credentials.
   * Git takes the Bitbucket username or {@code x-bitbucket-api-token-auth} with an API token.
   *
   * @return the principal, anonymous when the request carries no {@code Authorization}
   * @throws GitRefusal the refusal Bitbucket's Git endpoint would send
   */
  public Principal authenticateGit(jakarta.servlet.http.HttpServletRequest req) throws GitRefusal {
    String header = req.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return Principal.anonymous(req.getRemoteAddr());
    }
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw new GitRefusal(401, List.of(), true, "Git needs Basic credentials");
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new GitRefusal(401, List.of(), true, "Basic value is not valid base64");
    }
    int colon = decoded.indexOf(':');
    String user = colon < 0 ? decoded : decoded.substring(0, colon);
    String secret = colon < 0 ? "" : decoded.substring(colon + 1);
    Credential c = ctx.world().credentialBySecret(secret).orElse(null);
    if (c == null || c.kind() != CredentialKind.API_TOKEN) {
      throw new GitRefusal(401, List.of(), true, "unknown credential or not an API token (user '" + user + "')");
    }
    Account owner = ctx.world().account(c.owner()).orElseThrow();
    if (!user.equals(owner.username()) && !user.equals("x-bitbucket-api-token-auth")) {
      throw new GitRefusal(401, List.of(), true, c.name() + ": Git needs the Bitbucket username or x-bitbucket-api-token-auth, got '" + user + "'");
    }
    if (c.isExpiredAt(ctx.clock().now()) || c.revoked() || c.scopes().isEmpty()) {
      throw new GitRefusal(401, List.of(), true, c.name() + ": expired, revoked or unscoped");
    }
    return new Principal(Principal.Type.API_TOKEN, c, owner, c.scopes(), "user:" + owner.username());
  }

  /**
   * Authorizes a Git operation on a repository: read for clone and fetch, write for push.
   *
   * @throws GitRefusal 401 (with challenge) for an anonymous caller on a private repository, 403 with
   *     Bitbucket's {@code remote:} text otherwise
   */
  public void authorizeGit(Principal p, Repo repo, boolean write, String clientAddress) throws GitRefusal {
    Permission held = permissionOf(p, repo);
    if (held == Permission.NONE) {
      if (p.isAnonymous()) {
        throw new GitRefusal(401, List.of(), true, "anonymous Git access to private " + repo.fullName());
      }
      throw new GitRefusal(
          403,
          List.of("The requested repository either does not exist or you do not have access. If you believe this "
              + "repository exists and you have access, make sure you're authenticated."),
          false,
          p.describe() + " has no access to " + repo.fullName());
    }
    if (write && !held.includes(Permission.WRITE)) {
      if (p.isAnonymous()) {
        throw new GitRefusal(401, List.of(), true, "anonymous push to " + repo.fullName());
      }
      throw new GitRefusal(
          403,
          List.of("You do not have write access to this repository."),
          false,
          p.describe() + " holds " + held.wire() + " on " + repo.fullName() + ", push needs write");
    }
  }

  /** Adds the introspection headers to an authenticated response. */
  public void decorate(Exchange ex) {
    Principal p = ex.principal();
    if (p != null && !p.isAnonymous()) {
      ex.header("X-Credential-Type", p.type().header());
      ex.header("X-OAuth-Scopes", String.join(", ", p.scopes()));
    }
  }

  protected ApiError unauthorized(String reason) {
    LOG.info("401: {}", reason);
    return new ApiError(401, "Unauthorized").noBody().header("WWW-Authenticate", BASIC_CHALLENGE).reason(reason);
  }
}
