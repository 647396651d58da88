package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Links;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Project;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import dev.bbpush.emulator.world.World;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Bitbucket's JSON shapes for the objects several endpoints embed: accounts, workspaces, projects,
 * repositories, commits and branches (reference: bitbucket-cloud-rest.md §4–§8). One place, so every
 * endpoint renders them alike.
 */
public final class Representations {
  private final World world;
  private final Links links;

  public Representations(World world, Links links) {
    this.world = world;
    this.links = links;
  }

  /** The {@code user} object, as {@code GET /2.0/user} and embedded authors render it. */
  public ObjectNode account(Account a) {
    ObjectNode n = accountSummary(a);
    n.put("username", a.username());
    n.put("account_status", "active");
    n.put("has_2fa_enabled", a.twoStepVerification());
    n.put("is_staff", false);
    n.put("created_on", Json.timestamp(Instant.parse("2024-02-19T10:36:46.361566Z")));
    n.with("links").set("repositories", Json.href(links.api("/repositories/" + Links.encode(a.uuid()))));
    return n;
  }

  /** The condensed {@code user} embedded in commits, pull requests and permissions. */
  public ObjectNode accountSummary(Account a) {
    ObjectNode n = Json.obj();
    n.put("type", "user");
    n.put("display_name", a.displayName());
    n.put("nickname", a.username());
    n.put("uuid", a.uuid());
    n.put("account_id", a.accountId());
    ObjectNode l = n.putObject("links");
    l.set("self", Json.href(links.user(a.uuid())));
    l.set("html", Json.href(links.userWeb(a.uuid())));
    l.set("avatar", Json.href(links.web("/account/" + Links.encode(a.uuid()) + "/avatar/")));
    return n;
  }

  public ObjectNode workspace(Workspace w) {
    ObjectNode n = Json.obj();
    n.put("type", "workspace");
    n.put("uuid", w.uuid());
    n.put("name", w.name());
    n.put("slug", w.slug());
    ObjectNode l = n.putObject("links");
    l.set("self", Json.href(links.api("/workspaces/" + w.slug())));
    l.set("html", Json.href(links.web("/" + w.slug() + "/")));
    l.set("avatar", Json.href(links.web("/workspaces/" + w.slug() + "/avatar/")));
    return n;
  }

  public ObjectNode project(Project p) {
    ObjectNode n = Json.obj();
    n.put("type", "project");
    n.put("key", p.key());
    n.put("uuid", p.uuid());
    n.put("name", p.name());
    ObjectNode l = n.putObject("links");
    l.set("html", Json.href(links.web("/" + p.workspace() + "/workspace/projects/" + p.key())));
    l.set("avatar", Json.href(links.web("/" + p.workspace() + "/workspace/projects/" + p.key() + "/avatar")));
    return n;
  }

  /** The condensed {@code repository} embedded in commits, branches and pull requests. */
  public ObjectNode repositorySummary(Repo r) {
    ObjectNode n = Json.obj();
    n.put("type", "repository");
    n.put("name", r.name());
    n.put("full_name", r.fullName());
    n.put("uuid", r.uuid());
    ObjectNode l = n.putObject("links");
    l.set("self", Json.href(links.repo(r.workspace(), r.slug())));
    l.set("html", Json.href(links.repoWeb(r.workspace(), r.slug())));
    l.set("avatar", Json.href(links.web("/ravatar/" + Links.encode(r.uuid()))));
    return n;
  }

  /**
   * The full {@code repository} object of {@code GET /2.0/repositories/{ws}/{repo}}.
   *
   * @param mainBranchExists whether the main branch has a commit; for an empty repository the
   *     emulator still reports the configured main branch (Bitbucket's behaviour here is uncertain)
   */
  public ObjectNode repository(Repo r, boolean mainBranchExists) {
    return repository(r, r.mainBranch(), mainBranchExists);
  }

  /**
   * As {@link #repository(Repo, boolean)}, with the effective main branch: a {@code /src} root commit on
   * a named branch of an empty repository makes that branch the main branch (bitbucket-cloud-rest.md §2.2).
   */
  public ObjectNode repository(Repo r, String mainBranch, boolean mainBranchExists) {
    ObjectNode n = repositorySummary(r);
    n.put("slug", r.slug());
    n.put("description", "");
    n.put("scm", "git");
    n.put("is_private", r.isPrivate());
    n.put("fork_policy", r.isPrivate() ? "no_public_forks" : "allow_forks");
    n.put("language", "");
    n.put("size", 0);
    n.put("has_issues", false);
    n.put("has_wiki", false);
    n.putNull("website");
    n.put("created_on", Json.timestamp(Instant.parse("2026-01-05T10:00:00Z")));
    n.put("updated_on", Json.timestamp(Instant.parse("2026-01-05T10:00:00Z")));
    ObjectNode mb = n.putObject("mainbranch");
    mb.put("type", "branch");
    mb.put("name", mainBranch);
    world.workspace(r.workspace()).ifPresent(w -> n.set("workspace", workspace(w)));
    world.project(r.workspace(), r.projectKey()).ifPresent(p -> n.set("project", project(p)));
    ObjectNode os = n.putObject("override_settings");
    os.put("default_merge_strategy", false);
    os.put("branching_model", false);
    ObjectNode l = (ObjectNode) n.get("links");
    String base = links.repo(r.workspace(), r.slug());
    l.set("pullrequests", Json.href(base + "/pullrequests"));
    l.set("commits", Json.href(base + "/commits"));
    l.set("branches", Json.href(base + "/refs/branches"));
    l.set("tags", Json.href(base + "/refs/tags"));
    l.set("source", Json.href(base + "/src"));
    ArrayNode clone = l.putArray("clone");
    clone.addObject().put("name", "https").put("href", links.cloneHttps(r.workspace(), r.slug()));
    return n;
  }

  /** The condensed {@code commit} ({@code type}, {@code hash}, {@code links}). */
  public ObjectNode commitSummary(Repo r, String sha) {
    ObjectNode n = Json.obj();
    n.put("type", "commit");
    n.put("hash", sha);
    ObjectNode l = n.putObject("links");
    l.set("self", Json.href(links.commit(r.workspace(), r.slug(), sha)));
    l.set("html", Json.href(links.commitWeb(r.workspace(), r.slug(), sha)));
    return n;
  }

  /** The full {@code commit} object of {@code GET …/commit/{sha}}. */
  public ObjectNode commit(Repo r, RevCommit c) {
    String sha = c.name();
    ObjectNode n = commitSummary(r, sha);
    PersonIdent author = c.getAuthorIdent();
    n.put("date", Json.commitDate(author.getWhenAsInstant()));
    n.put("message", c.getFullMessage());
    ObjectNode summary = n.putObject("summary");
    summary.put("type", "rendered");
    summary.put("raw", c.getFullMessage());
    summary.put("markup", "markdown");
    summary.put("html", "<p>" + escapeHtml(c.getFullMessage().strip()) + "</p>");
    n.set("author", person("author", author));
    n.set("committer", person("committer", c.getCommitterIdent()));
    ArrayNode parents = n.putArray("parents");
    for (RevCommit p : c.getParents()) {
      parents.add(commitSummary(r, p.name()));
    }
    n.set("repository", repositorySummary(r));
    n.putArray("participants");
    ObjectNode l = (ObjectNode) n.get("links");
    String base = links.repo(r.workspace(), r.slug());
    l.set("diff", Json.href(base + "/diff/" + sha));
    l.set("patch", Json.href(base + "/patch/" + sha));
    l.set("comments", Json.href(base + "/commit/" + sha + "/comments"));
    l.set("approve", Json.href(base + "/commit/" + sha + "/approve"));
    l.set("statuses", Json.href(base + "/commit/" + sha + "/statuses"));
    return n;
  }

  /** {@code {"type":"author","raw":"Name <email>","user":{…}}}; {@code user} only when the email maps to an account. */
  public ObjectNode person(String type, PersonIdent who) {
    ObjectNode n = Json.obj();
    n.put("type", type);
    n.put("raw", who.getName() + " <" + who.getEmailAddress() + ">");
    Optional<Account> a = world.accountByEmail(who.getEmailAddress());
    a.ifPresent(acc -> n.set("user", accountSummary(acc)));
    return n;
  }

  /** The {@code branch} object of {@code refs/branches}. */
  public ObjectNode branch(Repo r, String name, RevCommit tip) {
    ObjectNode n = Json.obj();
    n.put("type", "branch");
    n.put("name", name);
    n.put("default_merge_strategy", "merge_commit");
    ArrayNode ms = n.putArray("merge_strategies");
    ms.add("merge_commit").add("squash").add("fast_forward");
    ObjectNode l = n.putObject("links");
    String base = links.repo(r.workspace(), r.slug());
    l.set("self", Json.href(base + "/refs/branches/" + name));
    l.set("commits", Json.href(base + "/commits/" + name));
    l.set("html", Json.href(links.repoWeb(r.workspace(), r.slug()) + "/branch/" + name));
    n.set("target", commit(r, tip));
    return n;
  }

  private static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
