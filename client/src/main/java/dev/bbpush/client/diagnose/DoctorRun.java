package dev.bbpush.client.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.auth.Repair;
import dev.bbpush.client.auth.ResolvedCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.internal.ApiUrls;
import dev.bbpush.client.oauth.ClientCredentialsAuthorizer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of the doctor's decision procedure (see {@link Doctor} for the rules). Not thread-safe; used once.
 *
 * <p>Structure: local evidence first (URL form, credential shape, identity, paste repairs, sources), then at most
 * {@link DoctorContext#MAX_REQUESTS} probes, each answer classified by status and Bitbucket's words. A verdict ends
 * the run by throwing {@link Concluded}, which {@link #run} turns into the {@link Diagnosis}.
 */
final class DoctorRun implements AutoCloseable {
  /** What a REST probe asked, which decides how a refusal reads. */
  private enum Target { REPOSITORY, USER, CHECK_URL, EXPLAINED }

  private final DoctorContext ctx;
  private final List<Evidence> evidence = new ArrayList<>();
  private final Redactor redactor = new Redactor();
  private final Prober prober;
  private final ScopeTable table = ScopeTable.bundled();
  private final Optional<ResolvedCredentials> resolved;
  private final Facts facts;
  private final Fixes fixes;
  private final Optional<String> urlProblem;
  private Secret restAuthorization;
  private Optional<Instant> tokenExpiry = Optional.empty();
  /** The repository being examined (the context's, or the one a failure being explained named). */
  private RepositoryRef examined;

  DoctorRun(DoctorContext ctx) {
    this.ctx = ctx;
    this.resolved = ctx.credentials();
    this.facts = resolved.map(r -> Facts.of(r.credentials())).orElse(null);
    if (facts != null) {
      redactor.add(facts.secret());
      if (resolved.get().credentials() instanceof FixedCredentials f) {
        redactor.add(f.authorizationHeader());
      }
    }
    this.fixes = new Fixes(source());
    this.prober = new Prober(ctx, evidence, redactor);
    this.urlProblem = apiUrlProblem(ctx.apiUrl());
  }

  // ---------------------------------------------------------------- entry points

  Diagnosis diagnose() {
    return run(true, () -> {
      localEvidence();
      ctx.checkUrl().ifPresent(this::checkUrl);
      examine(ctx.repository().orElse(null));
      throw new IllegalStateException("examine() must conclude");
    });
  }

  Diagnosis explain(BitbucketApiException failure) {
    return run(true, () -> {
      localEvidence();
      Answer a = Answer.of(failure.failure());
      prober.record(a, "the failed request being explained (made by the caller)");
      judgeExplained(a);
      throw new IllegalStateException("judgeExplained() must conclude");
    });
  }

  Diagnosis explain(TransportException failure) {
    // No credential is needed to explain a request that never got an answer.
    return run(false, () -> {
      localEvidence();
      evidence.add(new Evidence.Exchange(failure.method(), String.valueOf(failure.uri()), Optional.empty(), Map.of(),
          "", redactor.scrub("the failed request being explained; no response: " + Transports.describe(failure))));
      transportVerdict(failure);
      throw new IllegalStateException("transportVerdict() must conclude");
    });
  }

  /**
   * What Bitbucket says about the credential, for {@code auth status}: {@code GET /user} (its headers carry the
   * credential type and scopes even when refused) and, when the scopes allow, {@code GET /user/emails}.
   */
  AuthStatus.ServerView serverView() {
    if (facts == null) {
      return AuthStatus.ServerView.NONE;
    }
    Secret auth;
    try {
      auth = restAuthorization();
    } catch (Concluded c) {
      return new AuthStatus.ServerView(Optional.empty(), Optional.empty(), Optional.empty(), tokenExpiry);
    }
    Optional<Prober.Result> r = prober.get(endpoint("user"), auth, "which account is this? (GET /user)");
    Optional<Answer> a = r.flatMap(Prober.Result::answer);
    if (a.isEmpty()) {
      return new AuthStatus.ServerView(Optional.empty(), Optional.empty(), Optional.empty(), tokenExpiry);
    }
    Optional<AuthStatus.Account> account = Optional.empty();
    if (a.get().isJsonSuccess()) {
      JsonNode u = a.get().json();
      Optional<String> email = Optional.empty();
      boolean fine = fineGrained(a.get());
      List<String> granted = a.get().grantedScopes().orElse(List.of());
      boolean emailsReadable = fine ? granted.contains("read:user:bitbucket")
          : ScopeTable.expandClassic(granted).contains("email");
      if (emailsReadable && !u.path("type").asText("").equals("app_user")) {
        Optional<Answer> e = prober.get(endpoint("user", "emails"), auth, "the account's email addresses")
            .flatMap(Prober.Result::answer);
        if (e.isPresent() && e.get().isJsonSuccess()) {
          for (JsonNode v : e.get().json().path("values")) {
            if (v.path("is_primary").asBoolean(false) || email.isEmpty()) {
              email = Optional.of(v.path("email").asText(""));
            }
          }
        }
      }
      account = Optional.of(new AuthStatus.Account(u.path("username").asText(u.path("nickname").asText("")),
          u.path("display_name").asText(""), email, u.path("type").asText("user").equals("app_user")));
    }
    return new AuthStatus.ServerView(a.get().credentialType(), a.get().grantedScopes(), account, tokenExpiry);
  }

  private Diagnosis run(boolean needsCredential, Runnable steps) {
    try {
      if (facts == null && needsCredential) {
        noCredentials();
      }
      steps.run();
      throw new IllegalStateException("the doctor reached no verdict");
    } catch (Concluded c) {
      return diagnosis(c.verdict);
    }
  }

  @Override
  public void close() {
    prober.close();
  }

  // ---------------------------------------------------------------- local evidence

  private void localEvidence() {
    observe("API URL: " + ctx.apiUrl() + urlProblem.map(p -> " — " + p).orElse(""));
    resolved.ifPresent(r -> {
      observe("credential: " + facts.kind().label() + " " + Secret.mask(facts.secret()) + " from " + r.source().describe()
          + (facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
              ? "; consumer key '" + facts.identity() + "', exchanged for a Bearer token at the token endpoint"
              : "; sent as " + facts.scheme() + (facts.identity().isEmpty() ? "" : " with identity '" + facts.identity()
                  + "'")));
      observe("secret shape: " + SecretShape.of(facts.secret()).description() + ", " + facts.secret().length()
          + " characters" + (SecretShape.looksTruncated(facts.secret()) ? " — shorter than any API token Bitbucket "
          + "issues (about 190): probably cut while pasting" : ""));
      if (!facts.identity().isEmpty() && facts.kind() != CredentialKind.OAUTH_CLIENT_CREDENTIALS) {
        observe("identity '" + facts.identity() + "' " + (SecretShape.isEmail(facts.identity()) ? "is an email address"
            : "is not an email address" + (SecretShape.looksLikeConsumerKey(facts.identity())
                ? " (18 letters and digits: the shape of an OAuth consumer key)" : "")));
      }
      for (Repair rep : r.repairs()) {
        observe("paste damage repaired for this run: " + rep.describe());
      }
      for (String note : r.notes()) {
        observe("note: " + note);
      }
      SecretShape.jwtExpiry(facts.secret()).ifPresent(exp -> {
        tokenExpiry = Optional.of(exp);
        observe("OAuth token expiry (from its payload): " + exp
            + (exp.isAfter(ctx.clock().instant()) ? "" : " — already past"));
      });
    });
    ctx.resolution().ifPresent(res -> {
      for (ProviderOutcome o : res.outcomes()) {
        if (o.status() == ProviderOutcome.Status.FAILED) {
          observe("credential source problem: " + o.describe());
        }
      }
    });
  }

  private void observe(String text) {
    evidence.add(new Evidence.Observation(redactor.scrub(text)));
  }

  /** Why the API URL cannot be Bitbucket Cloud's REST 2.0 base, if it cannot. */
  static Optional<String> apiUrlProblem(URI apiUrl) {
    String host = apiUrl.getHost().toLowerCase(Locale.ROOT);
    String path = apiUrl.getPath() == null ? "" : apiUrl.getPath();
    if (path.contains("/rest/api")) {
      return Optional.of("'" + path + "' is a Bitbucket Data Center/Server REST path; Bitbucket Cloud's REST API is "
          + "https://api.bitbucket.org/2.0");
    }
    if (host.equals("bitbucket.org") || host.equals("www.bitbucket.org")) {
      return Optional.of("'" + host + "' serves the website and Git; the REST API is on api.bitbucket.org "
          + "(https://api.bitbucket.org/2.0)");
    }
    if (!path.endsWith("/2.0")) {
      return Optional.of("the path '" + (path.isEmpty() ? "/" : path) + "' does not end with /2.0; Bitbucket "
          + "Cloud's REST base is https://api.bitbucket.org/2.0 (answers 403 \"Forbidden\" without /2.0)");
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- the main procedure

  private void checkUrl(URI url) {
    Answer a = answer(prober.get(url, restAuthorization(), "the URL a failing tool used"));
    if (a.isSuccess()) {
      observe("the URL to check answered " + a.status() + ": not the failure; examining the credential");
      return;
    }
    judgeRefusal(a, Target.CHECK_URL);
  }

  /** Probes the repository (or {@code /user} without one) and concludes. */
  private void examine(RepositoryRef repo) {
    examined = repo;
    Secret auth = restAuthorization();
    if (repo != null) {
      Answer a = answer(prober.get(repoUrl(repo), auth, "can the credential read " + repo + "?"));
      if (a.isJsonSuccess()) {
        authenticated(a, repo);
      }
      judgeRefusal(a, Target.REPOSITORY);
    } else {
      Answer a = answer(prober.get(endpoint("user"), auth, "which account is this credential? (GET /user)"));
      if (a.isJsonSuccess()) {
        observeAccount(a.json());
        authenticated(a, null);
      }
      judgeRefusal(a, Target.USER);
    }
  }

  /** The credential authenticated (2xx, or a refusal carrying {@code X-Credential-Type}): scopes, permission, Git. */
  private void authenticated(Answer a, RepositoryRef repo) {
    Optional<String> type = a.credentialType();
    Optional<List<String>> granted = a.grantedScopes();
    observe("Bitbucket authenticated the credential" + type.map(t -> ": X-Credential-Type " + t).orElse("")
        + granted.map(g -> ", X-OAuth-Scopes " + (g.isEmpty() ? "(none)" : String.join(", ", g))).orElse(""));
    Set<Operation> ops = operations(repo != null);
    if (granted.isPresent()) {
      requireScopes(ops, granted.get(), fineGrained(a), List.of());
    } else {
      observe("Bitbucket did not report the granted scopes (no X-OAuth-Scopes); scopes not checked");
    }
    if (repo != null && ctx.operations().contains(Operation.PUSH)) {
      requireWritePermission(repo, type);
    }
    if (ctx.git()) {
      if (repo == null) {
        observe("Git check skipped: it needs a repository (--repo WORKSPACE/REPO)");
      } else {
        gitCheck(repo, true);
      }
    }
    if (repo != null && a.status() == 200 && wantsAccount(granted, fineGrained(a)) && prober.canSend(1)) {
      Answer u = answer(prober.get(endpoint("user"), restAuthorization(), "which account is this? (GET /user)"));
      if (u.isJsonSuccess()) {
        observeAccount(u.json());
      }
    }
    okOrRepaired(repo);
  }

  private void okOrRepaired(RepositoryRef repo) {
    List<Repair> repairs = resolved.map(ResolvedCredentials::repairs).orElse(List.of());
    String what = repo == null ? "authenticates" : "can " + opsLabel(operations(true)) + " on " + repo;
    if (!repairs.isEmpty()) {
      String names = String.join(", ", repairs.stream().map(Repair::name).distinct().toList());
      conclude(Cause.SECRET_PASTE_DAMAGE, true,
          "The credential " + what + ", but only after bbpush repaired paste damage in " + names + " ("
              + String.join("; ", repairs.stream().map(r -> r.kind().text()).distinct().toList()) + "). Other "
              + "tools will send the damaged value and fail.",
          "Store the value again without quotes, spaces or line breaks, e.g.:\n"
              + pasteFix(repairs));
    }
    if (repo == null && ctx.operations().contains(Operation.PUSH)) {
      conclude(Cause.OK, true, "The credential " + what + " (" + facts.kind().label() + "). Pass --repo "
          + "WORKSPACE/REPO to check a repository's permission too.", "");
    }
    conclude(Cause.OK, true, "The credential " + what + ".", "");
  }

  private String pasteFix(List<Repair> repairs) {
    List<String> lines = new ArrayList<>();
    for (String name : repairs.stream().map(Repair::name).distinct().toList()) {
      if (name.matches("[A-Z_]+")) {
        lines.add("export " + name + "=\"$(printf '%s' \"$" + name + "\" | tr -d '\\r\\n\"' | xargs)\"   # or set it "
            + "again from the source without quotes");
      } else {
        lines.add("Edit " + name + ": remove the quotes, spaces and line breaks around the value");
      }
    }
    return String.join("\n", lines);
  }

  private boolean wantsAccount(Optional<List<String>> granted, boolean fine) {
    if (granted.isEmpty()) {
      return false;
    }
    return fine ? granted.get().contains("read:user:bitbucket")
        : ScopeTable.expandClassic(granted.get()).contains("account");
  }

  private void observeAccount(JsonNode user) {
    String type = user.path("type").asText("");
    if (type.equals("app_user")) {
      observe("acts as an app_user (no Bitbucket account): " + user.path("display_name").asText(""));
      return;
    }
    String username = user.path("username").asText(user.path("nickname").asText(""));
    observe("account: " + username + " (" + user.path("display_name").asText("") + ")"
        + (user.has("has_2fa_enabled") ? ", two-step verification " + (user.path("has_2fa_enabled").asBoolean()
        ? "on" : "off") : ""));
  }

  private Set<Operation> operations(boolean withRepository) {
    Set<Operation> ops = EnumSet.copyOf(ctx.operations());
    if (withRepository) {
      ops.add(Operation.READ);
    }
    return ops;
  }

  private static String opsLabel(Set<Operation> ops) {
    return String.join(" and ", ops.stream().filter(o -> o != Operation.READ || ops.size() == 1)
        .map(o -> switch (o) {
          case READ -> "read";
          case PUSH -> "push";
          case PULL_REQUEST -> "create pull requests";
        }).toList());
  }

  private boolean fineGrained(Answer a) {
    Optional<String> type = a.credentialType();
    if (type.isPresent()) {
      return type.get().equals("api_token");
    }
    List<String> g = a.grantedScopes().orElse(List.of());
    if (g.stream().anyMatch(s -> s.endsWith(":bitbucket"))) {
      return true;
    }
    return facts.kind() == CredentialKind.API_TOKEN || SecretShape.of(facts.secret()) == SecretShape.API_TOKEN;
  }

  // ---------------------------------------------------------------- scopes and permissions

  /**
   * Concludes {@link Cause#MISSING_SCOPES} when {@code granted} lacks a scope any operation needs; {@code extra} are
   * scopes a failing endpoint named itself (so a tool's endpoint outside the table is still covered).
   */
  private void requireScopes(Set<Operation> ops, List<String> granted, boolean fine, List<String> extra) {
    Map<String, List<String>> requiredBy = new LinkedHashMap<>();
    Set<String> allMissing = new LinkedHashSet<>();
    Set<String> allRequired = new LinkedHashSet<>();
    for (Operation op : ops) {
      List<String> required = table.required(op, fine);
      allRequired.addAll(required);
      List<String> missing = ScopeTable.missing(granted, required, fine);
      boolean coveredByPush = op == Operation.READ && ops.contains(Operation.PUSH);
      if (!missing.isEmpty() && !coveredByPush) {
        requiredBy.put(op.label(), required);
        allMissing.addAll(missing);
      }
    }
    List<String> extraMissing = ScopeTable.missing(granted, extra, fine);
    if (!allMissing.containsAll(extraMissing)) {
      requiredBy.put("make the failed request", extra);
      allMissing.addAll(extraMissing);
      allRequired.addAll(extra);
    }
    if (allMissing.isEmpty()) {
      return;
    }
    StringBuilder summary = new StringBuilder("The credential authenticates but lacks scopes. Granted: ")
        .append(granted.isEmpty() ? "(none)" : String.join(", ", granted)).append(".");
    requiredBy.forEach((what, required) -> summary.append(" To ").append(what).append(" it needs ")
        .append(String.join(" and ", required)).append(".")) ;
    summary.append(" Missing: ").append(String.join(", ", allMissing)).append(".");
    if (fine && granted.stream().anyMatch(s -> s.startsWith("write:"))
        && allMissing.stream().anyMatch(s -> s.startsWith("read:"))) {
      summary.append(" API-token scopes imply nothing: write does not imply read.");
    }
    summary.append(" (Scopes per operation from Bitbucket's OpenAPI document, ").append(tableRevision())
        .append("; a scope error may name only one missing scope at a time.)");
    List<String> wanted = new ArrayList<>(allRequired);
    for (String g : granted) {
      if (!wanted.contains(g)) {
        wanted.add(g);
      }
    }
    conclude(Cause.MISSING_SCOPES, false, summary.toString(), scopeFix(fine, wanted));
  }

  private String tableRevision() {
    String s = table.source();
    int i = s.indexOf("x-revision");
    return i < 0 ? "bundled copy" : s.substring(i, s.indexOf(';', i) < 0 ? s.length() : s.indexOf(';', i));
  }

  private String scopeFix(boolean fine, List<String> scopes) {
    if (fine || facts.kind() == CredentialKind.API_TOKEN) {
      List<String> lines = new ArrayList<>(List.of("API tokens cannot be edited; create a new one with every scope "
          + "listed:"));
      lines.addAll(fixes.newApiToken(scopes));
      return Fixes.join(lines);
    }
    boolean oauth = facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
        || facts.kind() == CredentialKind.OAUTH_ACCESS_TOKEN
        || SecretShape.of(facts.secret()) == SecretShape.OAUTH_ACCESS_TOKEN;
    CredentialKind kind = oauth ? CredentialKind.OAUTH_ACCESS_TOKEN : facts.kind();
    return switch (kind) {
      case ACCESS_TOKEN -> Fixes.join(List.of(
          "Access tokens cannot be edited; create a new one (Repository/Project/Workspace settings -> Access tokens) "
              + "with scopes: " + String.join(", ", scopes),
          fixes.set(Setting.ACCESS_TOKEN, "<the new access token>")));
      case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN -> Fixes.join(List.of(
          "Edit the OAuth consumer (Workspace settings -> OAuth consumers -> Edit) and tick: "
              + String.join(", ", scopes),
          "Then get a new access token (existing tokens keep their old scopes)."));
      default -> Fixes.join(fixes.newApiToken(table.required(Operation.PUSH, true)));
    };
  }

  /** Concludes {@link Cause#NO_WRITE_PERMISSION} when the credential can read but not write the repository. */
  private void requireWritePermission(RepositoryRef repo, Optional<String> credentialType) {
    boolean confined = credentialType.map(t -> t.endsWith("access_token")).orElse(
        facts.kind() == CredentialKind.ACCESS_TOKEN || facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS);
    if (confined) {
      observe("write permission of an access token comes from its scopes (repository:write); checked above");
      return;
    }
    Optional<String> permission = Optional.empty();
    {
      URI u = withQuery(endpoint("user", "workspaces", repo.workspace(), "permissions", "repositories"),
          "q=" + enc("repository.full_name=\"" + repo.fullName() + "\"") + "&pagelen=100");
      Optional<Answer> r = send(u, "which permission does the account hold on " + repo + "?");
      if (r.isPresent() && r.get().isJsonSuccess()) {
        for (JsonNode v : r.get().json().path("values")) {
          if (repo.fullName().equalsIgnoreCase(v.path("repository").path("full_name").asText(""))) {
            permission = Optional.of(v.path("permission").asText(""));
          }
        }
      }
    }
    if (permission.isEmpty()) {
      URI u = withQuery(endpoint("repositories", repo.workspace()),
          "role=contributor&q=" + enc("slug=\"" + repo.slug() + "\"") + "&pagelen=100");
      Optional<Answer> r = send(u, "is " + repo + " among the repositories the credential may write "
          + "(role=contributor)?");
      if (r.isPresent() && r.get().isJsonSuccess()) {
        boolean listed = slugs(r.get().json()).stream().anyMatch(s -> s.equalsIgnoreCase(repo.slug()));
        permission = Optional.of(listed ? "write" : "read");
      }
    }
    if (permission.isEmpty()) {
      observe("write permission on " + repo + " could not be checked");
      return;
    }
    observe("permission on " + repo + ": " + permission.get());
    if (permission.get().equals("read")) {
      conclude(Cause.NO_WRITE_PERMISSION, false,
          "The credential works and can read " + repo + ", but its account holds only read permission there, so a "
              + "push (POST /src) would be refused with 403.",
          "Ask an admin of workspace " + repo.workspace() + " to grant write: Repository settings -> Repository "
              + "permissions -> add your account (or a group you are in) with Write.");
    }
  }

  // ---------------------------------------------------------------- refusals

  private void judgeExplained(Answer a) {
    if (a.isTokenEndpoint()) {
      oauthTokenVerdict(a, "The OAuth token endpoint");
    }
    if (a.isGit()) {
      if (a.status() == 401 && !a.textContains("Invalid username or password")
          && !a.textContains("account passwords")) {
        explainGit401(a);
      }
      gitVerdict(a, false);
    }
    if (a.status() == 404) {
      Optional<RepositoryRef> repo = repositoryOf(a);
      if (repo.isPresent()) {
        explainNotFound(a, repo.get());
      }
    }
    judgeRefusal(a, Target.EXPLAINED);
  }

  /**
   * A Git 401 another tool got (reference §3, §8): Git takes API tokens with the Bitbucket username or
   * {@code x-bitbucket-api-token-auth} (never the email), access and OAuth tokens with {@code x-token-auth}. Check
   * this credential on REST and on Git with the username Bitbucket documents for its kind; when both accept it, the
   * failed request was sent with another username (or a credential helper supplied another credential).
   */
  private void explainGit401(Answer failed) {
    Optional<RepositoryRef> repo = repositoryOf(failed);
    if (repo.isEmpty() || !prober.canSend(2)) {
      return;
    }
    examined = repo.get();
    Answer r = answer(prober.get(repoUrl(repo.get()), restAuthorization(), "does REST accept this credential on "
        + repo.get() + "?"));
    if (!r.isJsonSuccess()) {
      judgeRefusal(r, Target.REPOSITORY);
    }
    String user = documentedGitUser();
    Optional<Answer> git = gitProbe(repo.get(), user, gitPassword(), "does Git accept the same credential with "
        + "user '" + user + "'?");
    if (git.isPresent() && git.get().status() == 200) {
      conclude(Cause.GIT_IDENTITY_MISMATCH, false,
          "Bitbucket accepts this credential on REST and on Git with user '" + user + "', yet the failed Git "
              + "request was refused (401" + said(failed) + "): it was sent with another username. Git takes API "
              + "tokens only with the Bitbucket username or x-bitbucket-api-token-auth (never the email), and "
              + "access and OAuth tokens with x-token-auth. (If the username was right, a Git credential helper "
              + "supplied another, older credential.)",
          Fixes.join(List.of("git remote set-url origin https://" + user + "@bitbucket.org/" + repo.get() + ".git",
              "If a credential helper holds an old value: printf 'protocol=https\nhost=bitbucket.org\n\n' | git "
                  + "credential reject")));
    }
    git.ifPresent(g -> observe("Git refuses this credential with user '" + user + "' too (" + g.status() + ")"));
  }

  /** The Git username Bitbucket documents for this credential's kind (reference §8). */
  private String documentedGitUser() {
    return facts.kind() == CredentialKind.APP_PASSWORD && SecretShape.of(facts.secret()) != SecretShape.API_TOKEN
        ? facts.identity()
        : SecretShape.of(facts.secret()) == SecretShape.API_TOKEN ? "x-bitbucket-api-token-auth" : facts.gitUser();
  }

  private String gitPassword() {
    return facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
        ? restAuthorization().reveal().substring("Bearer ".length()) : facts.secret();
  }

  /** Whether a body is Bitbucket's JSON error envelope ({@code {"type": "error", "error": {...}}}, §5). */
  private static boolean bitbucketEnvelope(Answer a) {
    String t = a.text().strip();
    return t.startsWith("{") && t.contains("\"error\"") && a.body().message().isPresent();
  }

  /**
   * Whether a 401 carries Bitbucket's signature (reference §5): its challenge realm ({@code Basic}/{@code OAuth
   * realm="Bitbucket.org HTTP"}), its JSON error body, or its plain-text account-password notice. A 401 with none of
   * them may come from a proxy or another server, and says nothing about the credential.
   */
  private static boolean fromBitbucket401(Answer a) {
    boolean challenge = a.header("WWW-Authenticate").map(h -> h.contains("Bitbucket.org")).orElse(false);
    return challenge || bitbucketEnvelope(a) || a.textContains("stopped supporting account passwords");
  }

  /**
   * Reference §13 lesson 1: "You may not have access..." is also what an unscoped token and a request without an auth
   * scheme get. Check this credential on the repository itself before concluding anything about access.
   */
  private void explainNotFound(Answer failed, RepositoryRef repo) {
    examined = repo;
    Answer r = answer(prober.get(repoUrl(repo), restAuthorization(), "can this credential read " + repo + "?"));
    if (!r.isJsonSuccess()) {
      judgeRefusal(r, Target.REPOSITORY);
    }
    String path = failed.apiPath(ctx.apiUrl());
    boolean sameResource = path.equals("/repositories/" + repo.workspace() + "/" + repo.slug());
    if (sameResource) {
      unknown("This credential can read " + repo + " (200), so the failed request was not made with it"
          + (failed.credentialType().isEmpty() ? ": the 404 carries no X-Credential-Type, so Bitbucket treated that "
          + "request as anonymous (no Authorization header, or a token without its 'Bearer '/'Basic ' scheme)" : "")
          + ".");
    }
    unknown("This credential can read " + repo + " (200); the 404 is for " + path + ": a branch, commit or file "
        + "that does not exist there, not an access problem.");
  }

  private void judgeRefusal(Answer a, Target target) {
    int s = a.status();
    if (urlProblem.isPresent() && !a.isJsonSuccess() && a.credentialType().isEmpty() && s != 429) {
      wrongApiHost(a);
    }
    if (s == 403 && a.message().equals("Forbidden") && a.credentialType().isEmpty() && bitbucketEnvelope(a)) {
      wrongApiHost(a);
    }
    if (a.isSuccess()) {
      if (target == Target.EXPLAINED) {
        conclude(Cause.UNKNOWN, false, "The request being explained succeeded (" + s + "); nothing to explain.", "");
      }
      if (urlProblem.isPresent()) {
        wrongApiHost(a);
      }
      conclude(Cause.UNKNOWN, false, "Bitbucket answered " + s + " but not with the JSON the REST API documents: "
          + "the API URL may point at something else (a proxy, a web page).", "Check --api-url / BBPUSH_API_URL "
          + "(Bitbucket Cloud: https://api.bitbucket.org/2.0).");
    }
    switch (s) {
      case 401 -> on401(a);
      case 403 -> on403(a, target);
      case 404 -> on404(a, target);
      case 407 -> conclude(Cause.TLS_OR_PROXY_FAILURE, false, "A proxy asked for authentication (407 Proxy "
          + "Authentication Required); the request never reached Bitbucket.", "Configure the proxy's credentials, or "
          + "run from a network that reaches api.bitbucket.org directly.");
      case 410 -> gone(a);
      case 429 -> rateLimited(a);
      default -> { }
    }
    if (s >= 500) {
      conclude(Cause.UNKNOWN, false, "Bitbucket failed with " + s + said(a) + ". A server-side problem says nothing "
          + "about the credential.", "Try again later; check https://bitbucket.status.atlassian.com for incidents.");
    }
    if (s >= 300 && s < 400) {
      conclude(Cause.UNKNOWN, false, "The API URL answered with a redirect (" + s + a.header("Location")
          .map(l -> " to " + l).orElse("") + "); Bitbucket's REST API does not redirect.", "Check --api-url / "
          + "BBPUSH_API_URL (Bitbucket Cloud: https://api.bitbucket.org/2.0).");
    }
    unknown("Bitbucket answered " + s + said(a) + ", which none of the doctor's rules explains.");
  }

  private void wrongApiHost(Answer a) {
    conclude(Cause.WRONG_API_HOST, false,
        "The API URL " + ctx.apiUrl() + " is not Bitbucket Cloud's REST API: " + urlProblem.orElse("a REST path "
            + "without /2.0 gets 403 \"Forbidden\"") + ". It answered " + a.status() + said(a) + ".",
        Fixes.join(List.of(fixes.set(Setting.API_URL, "https://api.bitbucket.org/2.0")
            + "   # or unset it: that is the default",
            "A local emulator's URL is http://127.0.0.1:<port>/2.0 (printed by: bbpush emulator)")));
  }

  private void on401(Answer a) {
    String msg = a.message();
    if (a.textContains("stopped supporting account passwords")) {
      conclude(Cause.ACCOUNT_PASSWORD_REJECTED, false,
          "Bitbucket refused an Atlassian account password (401: \"Bitbucket Cloud recently stopped supporting "
              + "account passwords for API authentication.\"). Account passwords are refused for REST and Git since "
              + "2022-03-01.",
          Fixes.join(fixes.newApiToken(pushScopes(true))));
    }
    if (a.textContains("App passwords are deprecated")) {
      appPasswordRemoved(a);
    }
    if (!fromBitbucket401(a)) {
      unknown("The 401" + said(a) + " carries neither Bitbucket's challenge (WWW-Authenticate: Basic/OAuth "
          + "realm=\"Bitbucket.org HTTP\") nor its JSON error body, so something else may have answered (a proxy "
          + "or gateway asking for its own login, or another server at the API URL). It says nothing certain about "
          + "the Bitbucket credential.");
    }
    if (a.header("WWW-Authenticate").map(h -> h.startsWith("OAuth")).orElse(false)
        || msg.startsWith("Access token expired")) {
      oauthExpired(a);
    }
    String shape = facts.scheme();
    SecretShape secretShape = SecretShape.of(facts.secret());
    if (facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS) {
      conclude(Cause.TOKEN_EXPIRED_OR_REVOKED, false, "Bitbucket refused the access token it just issued for the "
          + "OAuth consumer (401" + said(a) + "): the consumer was probably deleted or disabled.", bearerTokenFix());
    }
    if (shape.equals("Bearer")) {
      switch (secretShape) {
        case API_TOKEN -> {
          Optional<Answer> basic = bearerVariant();
          if (basic.isPresent() && basic.get().status() == 401 && basic.get().credentialType().isEmpty()) {
            conclude(Cause.API_TOKEN_UNSCOPED, false,
                "An Atlassian API token (ATATT…) was sent as 'Authorization: Bearer' (401" + said(a) + "), and sent "
                    + "correctly as Basic '" + ctx.email().orElse("") + ":token' it is refused too (401"
                    + said(basic.get()) + "): Bitbucket does not accept the token itself. Most often it was created "
                    + "with 'Create API token' (no scopes), which Bitbucket never accepts; it may also have expired, "
                    + "been revoked, or belong to another account than this email (Bitbucket answers all alike).",
                Fixes.join(fixes.newApiToken(pushScopes(true))) + "\nSend it as Basic (email:token), not Bearer.");
          }
          conclude(Cause.API_TOKEN_SENT_AS_BEARER, false,
              "An Atlassian API token (ATATT…) was sent as 'Authorization: Bearer'; Bitbucket answered 401" + said(a)
                  + ". REST takes API tokens only as HTTP Basic with the Atlassian account email: Basic "
                  + "base64(email:token).",
              Fixes.join(List.of(fixes.set(Setting.EMAIL, ctx.email().orElse("<your Atlassian account email>")),
                  fixes.set(Setting.API_TOKEN, "<the same ATATT… token>")
                      + (source().names().isEmpty() ? "" : "   # instead of "
                      + String.join(", ", source().names())),
                  "With curl: curl -u \"$BBPUSH_EMAIL:$BBPUSH_API_TOKEN\" https://api.bitbucket.org/2.0/user")));
        }
        case APP_PASSWORD -> appPasswordRemoved(a);
        case OAUTH_ACCESS_TOKEN -> {
          if (tokenExpiry.map(e -> !e.isAfter(ctx.clock().instant())).orElse(false)) {
            oauthExpired(a);
          }
        }
        default -> { }
      }
      conclude(Cause.TOKEN_EXPIRED_OR_REVOKED, false,
          "Bitbucket did not accept the Bearer token " + Secret.mask(facts.secret()) + " (401" + said(a) + "). "
              + "It has expired or been revoked (or its resource was deleted), or the value is wrong"
              + tokenExpiry.map(e -> "; its payload says it expires " + e).orElse("") + ".",
          bearerTokenFix());
    }
    // Basic
    if (secretShape == SecretShape.ACCESS_TOKEN || secretShape == SecretShape.OAUTH_ACCESS_TOKEN) {
      basicToBearerVariant();
      conclude(Cause.ACCESS_TOKEN_NEEDS_BEARER, false,
          "A" + (secretShape == SecretShape.ACCESS_TOKEN ? "n access token (ATCTT…)" : "n OAuth access token")
              + " was sent with HTTP Basic ('" + facts.identity() + "'); Bitbucket answered 401" + said(a)
              + ". REST takes access tokens only as 'Authorization: Bearer <token>' (Git uses the user x-token-auth).",
          Fixes.join(List.of(fixes.set(Setting.ACCESS_TOKEN, "<the same token>")
                  + (source().names().isEmpty() ? "" : "   # instead of "
                  + String.join(", ", source().names())),
              fixes.unsetLegacy(),
              "With curl: curl -H \"Authorization: Bearer $BBPUSH_ACCESS_TOKEN\" "
                  + "https://api.bitbucket.org/2.0/repositories/WORKSPACE/REPO")));
    }
    if (secretShape == SecretShape.OAUTH_CONSUMER_SECRET && !SecretShape.isEmail(facts.identity())) {
      consumerKeyAsCredential(a);
    }
    if (secretShape == SecretShape.APP_PASSWORD
        || (facts.kind() == CredentialKind.APP_PASSWORD && secretShape == SecretShape.OTHER && msg.isEmpty())) {
      appPasswordRemoved(a);
    }
    if (secretShape == SecretShape.API_TOKEN) {
      if (SecretShape.looksTruncated(facts.secret())) {
        conclude(Cause.SECRET_PASTE_DAMAGE, false,
            "Bitbucket refused the API token (401" + said(a) + "); the token is only " + facts.secret().length()
                + " characters, shorter than any API token Bitbucket issues (about 190): it was probably cut while "
                + "pasting.",
            Fixes.join(List.of("Copy the whole token again (it is shown once; if lost, create a new one at "
                + Fixes.API_TOKEN_PAGE + ")", fixes.set(Setting.API_TOKEN, "<the complete token>"))));
      }
      if (!SecretShape.isEmail(facts.identity())) {
        if (ctx.git() && gitAccepts()) {
          conclude(Cause.GIT_IDENTITY_MISMATCH, false,
              "Git accepts this API token but REST refused it (401" + said(a) + ") because it was sent with '"
                  + facts.identity() + "': REST needs the Atlassian account email, Git the Bitbucket username or "
                  + "x-bitbucket-api-token-auth. One username cannot serve both.",
              apiTokenEmailFix("REST"));
        }
        conclude(Cause.API_TOKEN_NEEDS_EMAIL, false,
            "Bitbucket refused the API token sent with '" + facts.identity() + "' (401" + said(a) + "). On REST an "
                + "API token works only with the Atlassian account email as the username, not the Bitbucket "
                + "username" + (facts.kind() == CredentialKind.APP_PASSWORD ? " (the token was configured as an app "
                + "password)" : "") + ".",
            apiTokenEmailFix(null));
      }
      // An email with an ATATT token: the token itself, or the email, is not accepted.
      if (ctx.repository().isPresent() && (ctx.git() || ctx.probeVariants()) && gitAccepts()) {
        conclude(Cause.API_TOKEN_NEEDS_EMAIL, false,
            "Git accepts this API token, but REST refused it with the email '" + facts.identity() + "' (401" + said(a)
                + "): the email is not the Atlassian account email of the token's owner.",
            apiTokenEmailFix(null));
      }
      if (msg.startsWith("Token is invalid, expired")) {
        // Sent correctly (Basic, an email) and refused with the token message rather than the bare challenge:
        // the token itself is no longer valid. An unscoped token gets the bare challenge (auth.md §2.2, §10).
        conclude(Cause.TOKEN_EXPIRED_OR_REVOKED, false,
            "Bitbucket refused the API token for '" + facts.identity() + "' (401" + said(a) + "). The token is well "
                + "formed and sent correctly (Basic email:token), and Bitbucket says it is invalid or expired: it "
                + "has passed its expiry date (API tokens last at most one year) or was revoked by you or an "
                + "organization admin. The same message has also been seen for a token created without scopes; the "
                + "fix (a new token with scopes) cures both.",
            Fixes.join(fixes.newApiToken(pushScopes(true))));
      }
      conclude(Cause.API_TOKEN_UNSCOPED, false,
          "Bitbucket refused the API token for '" + facts.identity() + "' (401" + said(a) + "). The token is well "
              + "formed and sent correctly (Basic email:token), so Bitbucket does not accept the token itself: most "
              + "often it was created with 'Create API token' (no scopes), which Bitbucket never accepts. It may "
              + "also belong to another account than this email; Bitbucket gives the same answer for both.",
          Fixes.join(fixes.newApiToken(pushScopes(true))));
    }
    unknown("Bitbucket refused the credential (401" + said(a) + "). The secret has none of Bitbucket's token shapes "
        + "(API token ATATT…, access token ATCTT…), so the doctor cannot tell what it is: check that it is the "
        + "value "
        + "you meant.");
  }

  private String apiTokenEmailFix(String surface) {
    List<String> lines = new ArrayList<>();
    lines.add(fixes.set(Setting.EMAIL, "<your Atlassian account email>")
        + "   # the email you log in to Atlassian with (Bitbucket -> Personal settings -> Email aliases)");
    if (facts.kind() != CredentialKind.API_TOKEN) {
      lines.add(fixes.set(Setting.API_TOKEN, "<the same ATATT… token>"));
      lines.add(fixes.unsetLegacy());
    }
    lines.add("For Git keep the Bitbucket username or use x-bitbucket-api-token-auth (bbpush does this itself):");
    lines.add("  git clone https://x-bitbucket-api-token-auth@bitbucket.org/WORKSPACE/REPO.git");
    return Fixes.join(lines);
  }

  private String bearerTokenFix() {
    return switch (SecretShape.of(facts.secret())) {
      case OAUTH_ACCESS_TOKEN -> Fixes.join(List.of("Get a new access token from the OAuth consumer, or let bbpush "
          + "fetch and renew tokens itself:", fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>"),
          "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'"));
      default -> Fixes.join(List.of("Create a new access token (Repository/Project/Workspace settings -> Access "
              + "tokens) with the scopes you need, e.g. repository:write",
          fixes.set(Setting.ACCESS_TOKEN, "<the new token>")));
    };
  }

  private void appPasswordRemoved(Answer a) {
    conclude(Cause.APP_PASSWORD_REMOVED, false,
        "This is an app password (" + Secret.mask(facts.secret()) + "); Bitbucket answered " + a.status() + said(a)
            + ". App passwords stopped working on 2026-07-28 (REST 401, Git 410; failing in brownouts since "
            + "2026-06-09) and cannot be renewed.",
        Fixes.join(fixes.newApiToken(pushScopes(true))) + "\nFor REST use the email; for Git your Bitbucket username "
            + "or x-bitbucket-api-token-auth.");
  }

  private void oauthExpired(Answer a) {
    String when = tokenExpiry.map(e -> " It expired at " + e + ".").orElse("");
    conclude(Cause.OAUTH_TOKEN_EXPIRED, false,
        "The OAuth access token has expired (401" + said(a) + a.header("WWW-Authenticate").map(h -> ", " + h)
            .orElse("") + ")." + when + " Bitbucket's access tokens live 1-2 hours (trust expires_in).",
        Fixes.join(List.of("Get a new access token (refresh token grant, or client credentials), or let bbpush "
                + "fetch and renew it from the consumer:",
            fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>"),
            "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'")));
  }

  private void consumerKeyAsCredential(Answer a) {
    conclude(Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL, false,
        "An OAuth consumer's key and secret were sent as username and password (Basic '" + facts.identity() + "' + a "
            + "32-character secret); Bitbucket answered " + a.status() + said(a) + ". A consumer's key and secret "
            + "are not credentials for REST or Git: exchange them for an access token first.",
        Fixes.join(List.of("Let bbpush exchange them (client credentials; the consumer must be private):",
            fixes.set(Setting.OAUTH_CLIENT_ID, facts.identity().isEmpty() ? "<consumer key>" : facts.identity()),
            "export BBPUSH_OAUTH_CLIENT_SECRET='<consumer secret>'",
            fixes.unsetLegacy(),
            "By hand: curl -u \"KEY:SECRET\" -d grant_type=client_credentials "
                + "https://bitbucket.org/site/oauth2/access_token")));
  }

  private void on403(Answer a, Target target) {
    String msg = a.message();
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("lack one or more required privilege scopes")) {
      List<String> granted = a.grantedScopes().orElse(a.body().granted());
      Set<Operation> ops = operations(examined != null);
      ops.addAll(operationsOf(a));
      List<String> named = a.body().required();
      boolean fine = fineGrained(a);
      requireScopes(ops, granted, fine, target == Target.USER ? List.of() : named);
      if (target == Target.USER && ctx.repository().isEmpty()) {
        observe("GET /user needs " + String.join(", ", named) + ", which bbpush does not need: fine");
        okOrRepaired(null);
      }
      conclude(Cause.MISSING_SCOPES, false, "Bitbucket refused for missing scopes (403" + said(a) + "). Required: "
          + String.join(", ", named) + "; granted: " + String.join(", ", granted) + ".", scopeFix(fine, named));
    }
    if (lower.contains("not accessible by this authentication mechanism")
        || lower.contains("token is invalid or not supported for this endpoint")) {
      if (target == Target.USER && ctx.repository().isEmpty()) {
        a.grantedScopes().ifPresent(g -> requireScopes(operations(false), g, fineGrained(a), List.of()));
        List<Repair> repairs = resolved.map(ResolvedCredentials::repairs).orElse(List.of());
        if (!repairs.isEmpty()) {
          okOrRepaired(null);
        }
        conclude(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS, true,
            "The token authenticates (X-Credential-Type " + a.credentialType().orElse("?") + "), but GET /2.0/user "
                + "is not for access tokens (403" + said(a) + "): they have no account. That is expected; check a "
                + "repository the token belongs to instead.",
            "bbpush auth doctor --repo WORKSPACE/REPO");
      }
      conclude(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS, false,
          a.method() + " " + a.apiPath(ctx.apiUrl()) + " is not available to access tokens (403" + said(a) + "): "
              + "user and cross-workspace endpoints (/2.0/user, /2.0/workspaces, /2.0/users/…) need an account. "
              + "The token itself may be fine.",
          "Check the repository instead: bbpush auth doctor --repo WORKSPACE/REPO\n"
              + "For account endpoints use an API token with read:user:bitbucket (and read:workspace:bitbucket), or "
              + "OAuth with the account scope.");
    }
    if (lower.contains("whitelist your ip") || lower.contains("allowlist")) {
      conclude(Cause.IP_NOT_ALLOWLISTED, false,
          "The workspace admits only allowlisted IP addresses, and this request came from outside the list (403"
              + said(a) + "). The credential itself was accepted.",
          "Ask a workspace admin to add your public IP address (or your CI's egress range): Workspace settings -> "
              + "IP allowlisting. Find your address: curl https://checkip.amazonaws.com");
    }
    if (lower.contains("two-step")) {
      conclude(Cause.TWO_STEP_VERIFICATION_REQUIRED, false,
          "The workspace requires two-step verification and the account has none (403" + said(a) + "). The "
              + "credential itself was accepted.",
          "Enable two-step verification for the account: Bitbucket -> Personal settings -> Two-step verification "
              + "(https://bitbucket.org/account/settings/two-step-verification/), then try again.\nOr use an access "
              + "token of the repository/workspace, which has no account to verify.");
    }
    if (lower.contains("do not have write access") || lower.contains("do not have admin access")) {
      Optional<RepositoryRef> repo = repositoryOf(a).or(ctx::repository);
      conclude(Cause.NO_WRITE_PERMISSION, false,
          "The credential is valid but may not write " + repo.map(RepositoryRef::toString).orElse("this repository")
              + " (403" + said(a) + ").",
          "Ask a workspace admin to grant Write on the repository (Repository settings -> Repository permissions), "
              + "or use an access token with repository:write.");
    }
    if (lower.contains("do not have access to this workspace")) {
      conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
          "The account is not a member of the workspace (403" + said(a) + ").",
          "Check the workspace name; ask a workspace admin to invite your account.");
    }
    unknown("Bitbucket refused with 403" + said(a) + ", which none of the doctor's rules explains.");
  }

  private void on404(Answer a, Target target) {
    if (target == Target.REPOSITORY && a.credentialType().isEmpty() && !bitbucketEnvelope(a)) {
      unknown("GET " + a.apiPath(ctx.apiUrl()) + " answered 404" + said(a) + " without Bitbucket's JSON error body "
          + "or headers: something other than Bitbucket's REST API may have answered (a proxy, another server at the "
          + "API URL). Nothing is known about the repository or the credential.");
    }
    if (target == Target.REPOSITORY) {
      if (a.credentialType().isEmpty() && facts != null) {
        // Reference §13 lesson 1: anonymous requests get this 404 too. Our probe sent a credential with a scheme,
        // so Bitbucket must have authenticated it; without the header we cannot tell.
        observe("the 404 carries no X-Credential-Type: Bitbucket may not have authenticated the request");
      }
      investigateRepository(examined, a.credentialType());
    }
    if (target == Target.USER) {
      unknown("GET /user answered 404" + said(a) + "; Bitbucket's REST API always has /user.");
    }
    unknown("Bitbucket answered 404" + said(a) + " for " + a.apiPath(ctx.apiUrl()) + ".");
  }

  /**
   * The repository is invisible to an authenticated credential: tell a misspelled workspace or repository apart from
   * a missing permission, as far as the credential can see (reference: bitbucket-cloud-auth.md §9 replacements).
   */
  private void investigateRepository(RepositoryRef repo, Optional<String> credentialType) {
    String notVisible = "Bitbucket answered 404 for " + repo + " (\"You may not have access to this repository or it "
        + "no longer exists in this workspace…\"), after accepting the credential.";
    boolean token = facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
        || credentialType.map(t -> t.endsWith("access_token")).orElse(facts.kind() == CredentialKind.ACCESS_TOKEN);
    Optional<Answer> list = send(withQuery(endpoint("repositories", repo.workspace()), "pagelen=100"),
        "does workspace " + repo.workspace() + " exist, and which of its repositories can the credential see?");
    if (list.isPresent() && list.get().status() == 404 && bitbucketEnvelope(list.get())) {
      String suggestion = "";
      if (!token) {
        Optional<Answer> ws = send(withQuery(endpoint("user", "workspaces"), "pagelen=100"),
            "which workspaces is the account a member of?");
        if (ws.isPresent() && ws.get().isJsonSuccess()) {
          List<String> slugs = new ArrayList<>();
          for (JsonNode v : ws.get().json().path("values")) {
            slugs.add(v.path("workspace").path("slug").asText(""));
          }
          suggestion = " Your workspaces: " + (slugs.isEmpty() ? "(none)" : String.join(", ", slugs)) + "."
              + closest(repo.workspace(), slugs).map(c -> " Did you mean '" + c + "/" + repo.slug() + "'?")
              .orElse("");
        }
      }
      conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
          notVisible + " The workspace '" + repo.workspace() + "' does not exist (404 \"No workspace…\"): the name "
              + "is "
              + "misspelled or the workspace was renamed." + suggestion,
          "Use the workspace slug from the repository's URL: https://bitbucket.org/<workspace>/<repository>");
    }
    List<String> visible = list.filter(Answer::isJsonSuccess).map(x -> slugs(x.json())).orElse(List.of());
    // A close name is only a hint: the named repository may exist and be invisible to this credential, so the verdict
    // waits for the membership/permission probes and never confidently redirects the push to another repository.
    Optional<String> close = closest(repo.slug(), visible);
    String lookalike = close.map(c -> " The credential sees '" + repo.workspace() + "/" + c + "', a close name: '"
        + repo.slug() + "' may be misspelled, or you lack access to it.").orElse("");
    String ifMeant = close.map(c -> "If you meant " + repo.workspace() + "/" + c + ", use --repo " + repo.workspace()
        + "/" + c + ". Otherwise: ").orElse("");
    if (token && credentialType.filter("workspace_access_token"::equals).isPresent()
        && list.filter(Answer::isJsonSuccess).map(x -> !x.json().hasNonNull("next") && anyPrivate(x.json()))
            .orElse(false)) {
      // A workspace access token reaches every repository of its workspace; seeing private repositories here means
      // this is its workspace, and the complete listing lacks the slug: the repository does not exist.
      conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
          notVisible + " This workspace access token reaches every repository of workspace '" + repo.workspace()
              + "' (it lists its private repositories), and none is named '" + repo.slug() + "': the repository does "
              + "not exist or the name is misspelled. Repositories there: " + String.join(", ", visible) + "."
              + close.map(c -> " Did you mean '" + repo.workspace() + "/" + c + "'?").orElse(""),
          "Use the repository slug from its URL (https://bitbucket.org/" + repo.workspace() + "/<repository>)"
              + close.map(c -> ", e.g. --repo " + repo.workspace() + "/" + c).orElse("")
              + ", or create the repository first.");
    }
    if (token) {
      String reach = facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
          ? " Client-credentials tokens act as an app_user of the consumer's own workspace and reach only its "
              + "repositories; in workspace "
          : " Access tokens reach only the repository, project or workspace they were created in; in workspace ";
      conclude(Cause.ACCESS_TOKEN_WRONG_RESOURCE, false,
          notVisible + reach + repo.workspace() + " this token reaches " + (visible.isEmpty() ? "no repository"
              : String.join(", ", visible.stream().map(v -> repo.workspace() + "/" + v).toList()))
              + " (public repositories included)." + lookalike,
          facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
              ? "Use an OAuth consumer of workspace " + repo.workspace() + " (Workspace settings -> OAuth consumers), "
                  + "or an access token of " + repo + "."
              : "Create the access token in " + repo + "'s settings (Repository settings -> Access tokens), or a "
                  + "project/workspace access token that covers it, and set it:\n"
                  + fixes.set(Setting.ACCESS_TOKEN, "<the new token>"));
    }
    Optional<Answer> grants = send(withQuery(endpoint("user", "workspaces", repo.workspace(), "permissions",
        "repositories"), "pagelen=100"), "which repositories of " + repo.workspace() + " does the account hold "
        + "permissions on?");
    if (grants.isPresent() && grants.get().status() == 403) {
      conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
          notVisible + " The account is not a member of workspace '" + repo.workspace() + "'"
              + (visible.isEmpty() ? "" : "; it sees only its public repositories") + "." + lookalike,
          ifMeant + "Check the workspace name, or ask an admin of " + repo.workspace() + " to give your account "
              + "access to " + repo.slug() + " (Repository settings -> Repository permissions).");
    }
    if (grants.isEmpty() || !grants.get().isJsonSuccess()) {
      // Neither a member (200) nor a non-member (403) answer: do not claim either (never a confident guess).
      conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
          notVisible + " Whether the account is a member of workspace '" + repo.workspace() + "' could not be "
              + "checked (" + grants.map(g -> "the permissions endpoint answered " + g.status() + said(g))
              .orElse("request budget spent") + "). Repositories the credential sees there: "
              + (visible.isEmpty() ? "(none)" : String.join(", ", visible)) + ". The repository may not exist, its "
              + "name may be misspelled, or the account may lack access." + lookalike,
          ifMeant + "Check the repository name (https://bitbucket.org/<workspace>/<repository>), or ask an admin of "
              + repo.workspace() + " for access to " + repo.slug() + ".");
    }
    List<String> granted = new ArrayList<>();
    for (JsonNode v : grants.get().json().path("values")) {
      granted.add(v.path("repository").path("full_name").asText("") + " (" + v.path("permission").asText("") + ")");
    }
    conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false,
        notVisible + " The account is a member of workspace '" + repo.workspace() + "' but has no access to a "
            + "repository named '" + repo.slug() + "' (it may not exist). Repositories the credential sees there: "
            + (visible.isEmpty() ? "(none)" : String.join(", ", visible))
            + (granted.isEmpty() ? "" : "; explicit permissions: " + String.join(", ", granted)) + "." + lookalike,
        ifMeant + "Check the repository name, or ask an admin of " + repo.workspace() + " to grant your account Write on "
            + repo.slug() + " (Repository settings -> Repository permissions).");
  }

  private void gone(Answer a) {
    if (a.isGit()) {
      gitVerdict(a, false);
    }
    String path = a.apiPath(ctx.apiUrl());
    String replacement = switch (path) {
      case "/workspaces", "/user/permissions/workspaces" -> "GET /2.0/user/workspaces (and GET "
          + "/2.0/user/workspaces/{workspace}/permission for your role)";
      case "/user/permissions/repositories" -> "GET /2.0/user/workspaces/{workspace}/permissions/repositories, once "
          + "per workspace";
      case "/repositories" -> "GET /2.0/user/workspaces, then GET /2.0/repositories/{workspace}?role=member per "
          + "workspace";
      default -> "see the changelog entry";
    };
    conclude(Cause.ENDPOINT_REMOVED, false,
        a.method() + " " + path + " answered 410 Gone" + said(a) + ": Bitbucket removed the cross-workspace endpoints "
            + "(CHANGE-2770, from April 2026). This is not a credential problem. Replacement: " + replacement + ".",
        "Update the tool (or script) that calls " + path + " to use " + replacement + ".\n"
            + "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770");
  }

  private void rateLimited(Answer a) {
    String path = a.isGit() ? "" : a.apiPath(ctx.apiUrl());
    String resourceClass = a.isGit() ? "Git operations (60,000 requests/hour)"
        : path.startsWith("/repositories/") ? "repository data, the \"api\" group (1,000 requests/hour; 1,000-10,000 "
            + "scaled for access tokens)"
        : "API requests (1,000/hour)";
    String counted = switch (facts.kind()) {
      case ACCESS_TOKEN -> "this access token's own allowance";
      case OAUTH_CLIENT_CREDENTIALS, OAUTH_ACCESS_TOKEN -> "the OAuth consumer (all its users together)";
      default -> "the account (every API token and app password of the user together)";
    };
    Optional<Long> wait = a.header("Retry-After").flatMap(DoctorRun::seconds)
        .or(() -> a.header("X-RateLimit-Reset").flatMap(DoctorRun::seconds));
    String reset = wait.map(s -> "Bitbucket asked to wait " + s + " s (until about "
            + ctx.clock().instant().plusSeconds(s).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ").")
        .orElse("The window is a rolling hour: requests become possible again as older ones age out (within an "
            + "hour).");
    conclude(Cause.RATE_LIMITED, false,
        "Rate limited (429" + said(a) + ") on " + resourceClass + ", counted against " + counted + ". " + reset
            + a.header("X-RateLimit-Limit").map(l -> " Limit: " + l + "/hour.").orElse("")
            + " The doctor stopped probing.",
        "Wait, then try again; spread automated jobs out.\nAtlassian support cannot raise the limits. Access tokens "
            + "get their own, scaled allowance on Standard/Premium workspaces (1,000 + 10 per paid seat above 100, "
            + "up to 10,000 requests/hour), so a CI job with an access token does not eat your account's allowance.");
  }

  private static Optional<Long> seconds(String v) {
    try {
      return Optional.of(Long.parseLong(v.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- Git

  /** Whether Git smart HTTP accepts this credential's secret (bbpush's own Git username for its kind). */
  private boolean gitAccepts() {
    Optional<RepositoryRef> repo = Optional.ofNullable(examined).or(ctx::repository);
    if (repo.isEmpty() || !prober.canSend(1)) {
      return false;
    }
    String user = facts.kind() == CredentialKind.APP_PASSWORD ? facts.identity()
        : SecretShape.of(facts.secret()) == SecretShape.API_TOKEN ? "x-bitbucket-api-token-auth" : facts.gitUser();
    Optional<Answer> a = gitProbe(repo.get(), user, facts.secret(), "does Git accept the same secret with user '" + user
        + "'?");
    return a.isPresent() && a.get().status() == 200;
  }

  private void gitCheck(RepositoryRef repo, boolean restWorks) {
    if (!prober.canSend(1)) {
      observe("Git check skipped: request budget spent");
      return;
    }
    String user = facts.gitUser();
    String password = facts.kind() == CredentialKind.OAUTH_CLIENT_CREDENTIALS
        ? restAuthorization().reveal().substring("Bearer ".length()) : facts.secret();
    Optional<Answer> a = gitProbe(repo, user, password, "does Git (info/refs, upload-pack) accept the credential "
        + "with user '" + user + "'?");
    if (a.isEmpty()) {
      return;
    }
    if (a.get().status() == 200) {
      observe("Git accepts the credential with user '" + user + "'");
      if (ctx.probeVariants() && !facts.identity().isEmpty() && !facts.identity().equals(user)
          && SecretShape.isEmail(facts.identity()) && prober.canSend(1)) {
        Optional<Answer> v = gitProbe(repo, facts.identity(), facts.secret(), "variant: Git with the email '"
            + facts.identity() + "' as user");
        if (v.isPresent() && v.get().status() == 401) {
          observe("Git refuses the email as username: in a git remote use x-bitbucket-api-token-auth or the "
              + "Bitbucket username, never the email");
        }
      }
      return;
    }
    if (a.get().status() == 401 && restWorks && !a.get().textContains("Invalid username or password")
        && !a.get().textContains("account passwords")) {
      conclude(Cause.GIT_IDENTITY_MISMATCH, false,
          "REST accepts the credential but Git refused it with user '" + user + "' (401" + said(a.get()) + "). Git "
              + "takes API tokens with the Bitbucket username or x-bitbucket-api-token-auth (never the email), and "
              + "access/OAuth tokens with x-token-auth.",
          "git remote set-url origin https://" + (facts.kind() == CredentialKind.API_TOKEN
              ? "x-bitbucket-api-token-auth" : "x-token-auth") + "@bitbucket.org/" + repo + ".git");
    }
    gitVerdict(a.get(), restWorks);
  }

  private Optional<Answer> gitProbe(RepositoryRef repo, String user, String password, String purpose) {
    URI base = ctx.gitBaseUrl();
    URI u = URI.create(base.toString().replaceAll("/+$", "") + "/" + enc(repo.workspace()) + "/" + enc(repo.slug())
        + ".git/info/refs?service=git-upload-pack");
    Secret basic = Secret.of("Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    redactor.add(basic);
    return prober.get(u, basic, purpose).map(r -> {
      if (r.failure().isPresent()) {
        transportVerdict(r.failure().get());
      }
      Answer a = r.answer().orElseThrow();
      if (a.status() == 429) {
        rateLimited(a);
      }
      return a;
    });
  }

  /** Git's refusals (reference: bitbucket-cloud-auth.md §5, §8; on Git a 410 means an app password, §13). */
  private void gitVerdict(Answer a, boolean restWorks) {
    String text = a.text();
    if (a.status() == 410 || a.textContains("CHANGE-3222")) {
      appPasswordRemoved(a);
    }
    if (a.textContains("Invalid username or password")) {
      consumerKeyAsCredential(a);
    }
    if (a.textContains("account passwords")) {
      on401(a);
    }
    if (a.status() == 429) {
      rateLimited(a);
    }
    if (a.status() == 403) {
      if (a.textContains("lack one or more required privilege scopes")) {
        boolean fine = facts.kind() == CredentialKind.API_TOKEN;
        conclude(Cause.MISSING_SCOPES, false, "Git refused for missing scopes (403" + said(a) + "): clone needs "
            + String.join(", ", table.required(Operation.READ, fine)) + ", push also "
            + String.join(", ", ScopeTable.missing(table.required(Operation.READ, fine),
                table.required(Operation.PUSH, fine), fine)) + ".",
            scopeFix(fine, table.required(Operation.PUSH, fine)));
      }
      if (a.textContains("whitelist your IP") || a.textContains("two-step")
          || a.textContains("do not have write access")) {
        on403(new Answer(a.method(), a.uri(), 403, a.headers(), dev.bbpush.client.error.ErrorBody.parse(
            text.getBytes(StandardCharsets.UTF_8)), null), Target.EXPLAINED);
      }
      if (a.textContains("does not exist or you do not have access")) {
        conclude(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS, false, "Git refused: the repository does not exist or the "
            + "credential has no access to it (403" + said(a) + ").", "Check the repository name and the "
            + "credential's access; access tokens reach only their own repository/project/workspace.");
      }
    }
    if (a.status() == 401) {
      unknown("Git refused the credential (401" + said(a) + ").");
    }
    unknown("Git answered " + a.status() + said(a) + ".");
  }

  // ---------------------------------------------------------------- variants (opt-in)

  /** With {@code --probe-variants} and an email: the same API token as Basic {@code email:token}; its answer. */
  private Optional<Answer> bearerVariant() {
    if (!ctx.probeVariants() || ctx.email().isEmpty() || !prober.canSend(1)) {
      return Optional.empty();
    }
    Secret basic = Secret.of("Basic " + Base64.getEncoder().encodeToString(
        (ctx.email().get() + ":" + facts.secret()).getBytes(StandardCharsets.UTF_8)));
    redactor.add(basic);
    URI u = ctx.repository().map(this::repoUrl).orElse(endpoint("user"));
    Optional<Answer> answer = prober.get(u, basic, "variant: the same token as Basic '" + ctx.email().get()
        + ":token'").flatMap(Prober.Result::answer);
    answer.ifPresent(a -> observe("as Basic email:token Bitbucket answers " + a.status()
        + (a.status() < 400 || a.credentialType().isPresent() ? ": the token works when sent that way" : "")));
    return answer;
  }

  private void basicToBearerVariant() {
    if (!ctx.probeVariants() || !prober.canSend(1)) {
      return;
    }
    Secret bearer = Secret.of("Bearer " + facts.secret());
    redactor.add(bearer);
    URI u = ctx.repository().map(this::repoUrl).orElse(endpoint("user"));
    prober.get(u, bearer, "variant: the same token as Bearer").flatMap(Prober.Result::answer)
        .ifPresent(a -> observe("as Bearer Bitbucket answers " + a.status()
            + (a.credentialType().isPresent() ? " (X-Credential-Type " + a.credentialType().get()
            + "): the token works when sent that way" : "")));
  }

  // ---------------------------------------------------------------- OAuth

  private Secret restAuthorization() {
    if (restAuthorization != null) {
      return restAuthorization;
    }
    Credentials c = resolved.orElseThrow().credentials();
    if (c instanceof FixedCredentials f) {
      restAuthorization = f.authorizationHeader();
      return restAuthorization;
    }
    OAuthClientCredentials o = (OAuthClientCredentials) c;
    URI tokenUrl = o.explicitTokenEndpoint().or(ctx::oauthTokenUrl).orElseGet(() ->
        ClientCredentialsAuthorizer.defaultTokenEndpoint(ctx.apiUrl(), ApiUrls.isLoopback(ctx.apiUrl().getHost())));
    Secret basic = Secret.of("Basic " + Base64.getEncoder().encodeToString(
        (o.clientId() + ":" + o.clientSecret().reveal()).getBytes(StandardCharsets.UTF_8)));
    redactor.add(basic);
    Prober.Result r = prober.postForm(tokenUrl, "grant_type=client_credentials", basic,
            "exchange the OAuth consumer's key and secret for an access token (client credentials)")
        .orElseThrow(() -> new IllegalStateException("the token request is the first request of a run"));
    Answer a = answer(Optional.of(r));
    JsonNode json = a.json();
    if (a.status() == 200 && json != null && json.path("access_token").isTextual()) {
      String token = json.path("access_token").asText();
      redactor.add(token);
      long expiresIn = json.path("expires_in").asLong(3600);
      tokenExpiry = Optional.of(ctx.clock().instant().plusSeconds(expiresIn));
      observe("OAuth access token issued: expires in " + expiresIn + " s (" + tokenExpiry.get()
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "), scope: "
          + json.path("scope").asText(json.path("scopes").asText("(not reported)")));
      restAuthorization = Secret.of("Bearer " + token);
      return restAuthorization;
    }
    oauthTokenVerdict(a, "The OAuth token endpoint");
    throw new IllegalStateException("oauthTokenVerdict() must conclude");
  }

  private void oauthTokenVerdict(Answer a, String who) {
    String text = a.text().toLowerCase(Locale.ROOT);
    if (text.contains("public")) {
      conclude(Cause.OAUTH_CONSUMER_NOT_PRIVATE, false,
          who + " refused the client-credentials grant (" + a.status() + said(a) + "): the consumer is marked "
              + "public. Only private consumers may use client credentials.",
          "Workspace settings -> OAuth consumers -> Edit the consumer -> tick 'This is a private consumer' -> Save.\n"
              + "Then run the command again (the key and secret stay the same).");
    }
    if (text.contains("refresh_token") || text.contains("refresh token")) {
      conclude(Cause.OAUTH_REFRESH_TOKEN_INVALID, false,
          who + " refused the refresh token (" + a.status() + said(a) + "). Refresh tokens rotate: each use returns "
              + "a new one and the old one dies; an unused one expires after 3 months.",
          "Store the refresh_token from each token response and use only the newest one.\nIf it is lost, authorize "
              + "again (authorization code grant), or use client credentials with a private consumer:\n"
              + fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>") + "\nexport BBPUSH_OAUTH_CLIENT_SECRET='<consumer "
              + "secret>'");
    }
    if (a.status() == 429) {
      rateLimited(a);
    }
    if (text.contains("invalid_client") || a.status() == 401) {
      conclude(Cause.TOKEN_EXPIRED_OR_REVOKED, false,
          who + " refused the consumer key and secret (" + a.status() + said(a) + "): the consumer was deleted, "
              + "its secret was regenerated, or a value is mistyped.",
          "Copy the key and secret again from Workspace settings -> OAuth consumers:\n"
              + fixes.set(Setting.OAUTH_CLIENT_ID, "<consumer key>") + "\nexport BBPUSH_OAUTH_CLIENT_SECRET='<consumer "
              + "secret>'");
    }
    unknown(who + " answered " + a.status() + said(a) + ".");
  }

  // ---------------------------------------------------------------- helpers

  private CredentialSource source() {
    return resolved.map(ResolvedCredentials::source)
        .orElse(new CredentialSource(CredentialSource.Type.EXPLICIT, "", List.of()));
  }

  private void transportVerdict(TransportException e) {
    Transports.Verdict v = Transports.classify(e);
    conclude(v.cause(), false, v.summary(), v.fix());
  }

  /** The answer of a probe; a transport failure concludes. */
  private Answer answer(Optional<Prober.Result> r) {
    if (r.isEmpty()) {
      unknown("The request budget was spent before a verdict.");
    }
    if (r.get().failure().isPresent()) {
      transportVerdict(r.get().failure().get());
    }
    Answer a = r.get().answer().orElseThrow();
    if (a.status() == 429) {
      rateLimited(a);
    }
    return a;
  }

  /** A probe's answer, empty when the budget is spent; transport failures and 429 conclude. */
  private Optional<Answer> send(URI u, String purpose) {
    if (!prober.canSend(1)) {
      return Optional.empty();
    }
    return Optional.of(answer(prober.get(u, restAuthorization(), purpose)));
  }

  private void noCredentials() {
    String story = ctx.resolution().map(CredentialResolution::failureMessage).orElse("No credential was given.");
    evidence.add(new Evidence.Observation(story));
    conclude(Cause.NO_CREDENTIALS, false, "No Bitbucket credential was found, so nothing could be checked.",
        Fixes.join(List.of("Create an API token with scopes at " + Fixes.API_TOKEN_PAGE + " (app Bitbucket; "
                + "read:repository:bitbucket, write:repository:bitbucket), then:",
            "export BBPUSH_EMAIL='<your Atlassian account email>'",
            "export BBPUSH_API_TOKEN='<the token>'   # or pipe it with --token-stdin",
            "Or a repository access token: export BBPUSH_ACCESS_TOKEN='<token>'")));
  }

  private void unknown(String summary) {
    throw new Concluded(Verdict.unknown(summary));
  }

  private void conclude(Cause cause, boolean ok, String summary, String fix) {
    throw new Concluded(new Verdict(cause, ok, summary, fix));
  }

  /** The run's result: the verdict with its texts scrubbed, the evidence so far and the credential examined. */
  private Diagnosis diagnosis(Verdict v) {
    CredentialInfo info = resolved.map(r -> new CredentialInfo(r.credentials().kind().label(),
        r.source().describe(), Secret.mask(facts.secret()), facts.identity())).orElse(CredentialInfo.none());
    return new Diagnosis(v.ok(), v.cause(), redactor.scrub(v.summary()), redactor.scrub(v.fix()), evidence, info,
        v.cause().docs());
  }

  private static String said(Answer a) {
    String m = Prober.message(a);
    return m.isEmpty() ? ", no message" : ": \"" + m + "\"";
  }

  private Set<Operation> operationsOf(Answer a) {
    String path = a.apiPath(ctx.apiUrl());
    Set<Operation> ops = EnumSet.noneOf(Operation.class);
    if (path.matches("/repositories/[^/]+/[^/]+/pullrequests.*")) {
      ops.add(Operation.PULL_REQUEST);
    } else if (path.matches("/repositories/[^/]+/[^/]+/(src|refs/branches).*") && !a.method().equals("GET")) {
      ops.add(Operation.PUSH);
    } else if (path.matches("/repositories/[^/]+/[^/]+.*")) {
      ops.add(Operation.READ);
    }
    return ops;
  }

  private Optional<RepositoryRef> repositoryOf(Answer a) {
    String path = a.isGit() ? a.uri().getPath() : a.apiPath(ctx.apiUrl());
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile(a.isGit() ? "^/([^/]+)/([^/]+?)\\.git(/.*)?$" : "^/repositories/([^/]+)/([^/]+)(/.*)?$")
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

  private List<String> pushScopes(boolean fine) {
    Set<String> all = new LinkedHashSet<>(table.required(Operation.PUSH, fine));
    if (ctx.operations().contains(Operation.PULL_REQUEST)) {
      all.addAll(table.required(Operation.PULL_REQUEST, fine));
    }
    return List.copyOf(all);
  }

  private URI repoUrl(RepositoryRef repo) {
    return endpoint("repositories", repo.workspace(), repo.slug());
  }

  private URI endpoint(String... segments) {
    return ApiUrls.endpoint(ctx.apiUrl(), segments);
  }

  private static URI withQuery(URI u, String query) {
    return URI.create(u + "?" + query);
  }

  private static String enc(String s) {
    return ApiUrls.encodeSegment(s);
  }

  private static String dec(String s) {
    return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static boolean anyPrivate(JsonNode page) {
    for (JsonNode v : page.path("values")) {
      if (v.path("is_private").asBoolean(false)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> slugs(JsonNode page) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : page.path("values")) {
      String slug = v.path("slug").asText("");
      if (slug.isEmpty()) {
        String full = v.path("full_name").asText("");
        slug = full.contains("/") ? full.substring(full.indexOf('/') + 1) : full;
      }
      if (!slug.isEmpty()) {
        out.add(slug);
      }
    }
    return out;
  }

  /** The candidate closest to {@code name} by edit distance, if close enough to be a typo. */
  static Optional<String> closest(String name, List<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(name.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    // Short names are close to many others ("api"/"app"/"web"): allow one edit (or swap) up to 5 characters.
    int allowed = name.length() <= 5 ? 1 : Math.max(2, name.length() / 4);
    return best != null && bestDistance <= allowed && !best.equals(name) ? Optional.of(best) : Optional.empty();
  }

  /** Edit distance counting a swap of two adjacent characters as one edit ("infar" → "infra"). */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** Ends a run with its verdict. */
  private static final class Concluded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Verdict verdict;

    Concluded(Verdict verdict) {
      super(null, null, false, false);
      this.verdict = verdict;
    }
  }
}
