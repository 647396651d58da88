package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Links;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.PullRequest;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Project;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Secrets;
import dev.bbpush.emulator.world.Workspace;
import dev.bbpush.emulator.world.World;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Bitbucket's JSON shapes for the objects several endpoints embed: accounts, workspaces, projects,
 * repositories, commits, branches, pull requests, workspace access and permissions (reference:
 * bitbucket-cloud-rest.md §4–§8). One place, so every endpoint renders them alike.
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
     * @param mainBranch the effective main branch ({@code RepoStore.mainBranch}): a {@code /src} root commit on a named
     *     branch of an empty repository makes that branch the main branch (bitbucket-cloud-rest.md §2.2)
     * @param mainBranchExists whether the main branch has a commit; for an empty repository the emulator still reports
     *     the main branch (Bitbucket's behaviour here is uncertain)
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
    public ObjectNode commit(Repo r, Commit c) {
        String sha = c.sha();
        ObjectNode n = commitSummary(r, sha);
        Commit.Person author = c.author();
        n.put("date", Json.commitDate(author.when()));
        n.put("message", c.message());
        ObjectNode summary = n.putObject("summary");
        summary.put("type", "rendered");
        summary.put("raw", c.message());
        summary.put("markup", "markdown");
        summary.put("html", "<p>" + escapeHtml(c.message().strip()) + "</p>");
        n.set("author", person("author", author));
        n.set("committer", person("committer", c.committer()));
        ArrayNode parents = n.putArray("parents");
        for (String p : c.parents()) {
            parents.add(commitSummary(r, p));
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
    public ObjectNode person(String type, Commit.Person who) {
        ObjectNode n = Json.obj();
        n.put("type", type);
        n.put("raw", who.name() + " <" + who.email() + ">");
        Optional<Account> a = world.accountByEmail(who.email());
        a.ifPresent(acc -> n.set("user", accountSummary(acc)));
        return n;
    }

    /** The {@code branch} object of {@code refs/branches}. */
    public ObjectNode branch(Repo r, String name, Commit tip) {
        ObjectNode n = Json.obj();
        n.put("type", "branch");
        n.put("name", name);
        n.put("default_merge_strategy", "merge_commit");
        ArrayNode ms = n.putArray("merge_strategies");
        ms.add("merge_commit").add("squash").add("fast_forward");
        ObjectNode l = n.putObject("links");
        String base = links.repo(r.workspace(), r.slug());
        // Slashes stay unescaped, as in Bitbucket's examples; other reserved characters are escaped.
        String path = Links.encodePath(name);
        l.set("self", Json.href(base + "/refs/branches/" + path));
        l.set("commits", Json.href(base + "/commits/" + path));
        l.set("html", Json.href(links.repoWeb(r.workspace(), r.slug()) + "/branch/" + path));
        n.set("target", commit(r, tip));
        return n;
    }

    /**
     * The condensed {@code commit_file} of diffstat entries: {@code type}, {@code path},
     * {@code escaped_path} and {@code links.self} to the file at {@code sha} (reference §6.3).
     */
    public ObjectNode commitFile(Repo r, String sha, String path) {
        ObjectNode n = Json.obj();
        n.put("type", "commit_file");
        n.put("path", path);
        n.put("escaped_path", path);
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(links.repo(r.workspace(), r.slug()) + "/src/" + sha + "/" + Links.encodePath(path)));
        return n;
    }

    /**
     * An {@code app_user}: what Bitbucket shows for principals without an account (access tokens,
     * client-credentials OAuth; reference §6.2 and bitbucket-cloud-auth.md). {@code kind} is the
     * credential type; its exact values on Bitbucket are not documented.
     */
    public ObjectNode appUser(String name, String kind) {
        String uuid = Secrets.uuid(world.name(), "app_user", name);
        ObjectNode n = Json.obj();
        n.put("type", "app_user");
        n.put("display_name", name);
        n.put("uuid", uuid);
        n.put("account_id", Secrets.accountId(world.name(), "app_user:" + name));
        n.put("account_status", "active");
        n.put("kind", kind);
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(links.user(uuid)));
        l.set("html", Json.href(links.userWeb(uuid)));
        l.set("avatar", Json.href(links.web("/account/" + Links.encode(uuid) + "/avatar/")));
        return n;
    }

    /** The {@code workspace_base} embedded in {@code workspace_access} (reference §8.3). */
    public ObjectNode workspaceBase(Workspace w) {
        ObjectNode n = Json.obj();
        n.put("type", "workspace_base");
        n.put("uuid", w.uuid());
        n.put("slug", w.slug());
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(links.api("/workspaces/" + w.slug())));
        l.set("avatar", Json.href(links.web("/workspaces/" + w.slug() + "/avatar/")));
        return n;
    }

    /** The full {@code workspace} object of {@code GET /workspaces/{workspace}} (reference §8.3). */
    public ObjectNode workspaceDetail(Workspace w) {
        ObjectNode n = workspace(w);
        n.put("is_private", true);
        n.put("is_privacy_enforced", false);
        n.put("forking_mode", "allow_forks");
        n.put("created_on", Json.timestamp(Instant.parse("2024-02-19T10:36:46.361566Z")));
        n.put("updated_on", Json.timestamp(Instant.parse("2026-01-05T10:00:00Z")));
        ObjectNode l = (ObjectNode) n.get("links");
        String base = links.api("/workspaces/" + w.slug());
        l.set("members", Json.href(base + "/members"));
        l.set("owners", Json.href(base + "/members?q=permission%3D%22owner%22"));
        l.set("projects", Json.href(base + "/projects"));
        l.set("repositories", Json.href(links.api("/repositories/" + w.slug())));
        l.set("snippets", Json.href(links.api("/snippets/" + w.slug())));
        l.set("hooks", Json.href(base + "/hooks"));
        return n;
    }

    /** A {@code workspace_access} item of {@code GET /user/workspaces}. */
    public ObjectNode workspaceAccess(Workspace w, boolean administrator) {
        ObjectNode n = Json.obj();
        n.put("type", "workspace_access");
        n.put("administrator", administrator);
        n.set("workspace", workspaceBase(w));
        return n;
    }

    /** A {@code workspace_membership}: {@code permission} is {@code owner}, {@code collaborator} or {@code member}. */
    public ObjectNode workspaceMembership(Account a, Workspace w, String permission) {
        ObjectNode n = Json.obj();
        n.put("type", "workspace_membership");
        n.put("permission", permission);
        n.set("user", accountSummary(a));
        n.set("workspace", workspace(w));
        n.putObject("links")
                .set("self", Json.href(links.api("/workspaces/" + w.slug() + "/members/" + Links.encode(a.uuid()))));
        return n;
    }

    /** A {@code repository_permission} item. */
    public ObjectNode repositoryPermission(Account a, Repo r, Permission p) {
        ObjectNode n = Json.obj();
        n.put("type", "repository_permission");
        n.put("permission", p.wire());
        n.set("user", accountSummary(a));
        n.set("repository", repositorySummary(r));
        return n;
    }

    /** An {@code email} item of {@code GET /user/emails} (shape observed, reference §8.2). */
    public ObjectNode email(String address, boolean primary) {
        ObjectNode n = Json.obj();
        n.put("type", "email");
        n.put("email", address);
        n.put("is_primary", primary);
        n.put("is_confirmed", true);
        n.putObject("links").set("self", Json.href(links.api("/user/emails/" + Links.encode(address))));
        return n;
    }

    /**
     * The {@code pullrequest} object (reference §7.2). Endpoint commit hashes are abbreviated to 12 hex
     * digits, as in Bitbucket's examples. {@code reviewers} and {@code participants} appear only in the
     * single-object form ({@code full}), not in lists.
     *
     * @param sourceSha the current source tip (full SHA)
     * @param destinationSha the current destination tip (full SHA)
     */
    public ObjectNode pullRequest(Repo r, PullRequest pr, String sourceSha, String destinationSha, boolean full) {
        ObjectNode n = Json.obj();
        n.put("type", "pullrequest");
        n.put("id", pr.id());
        n.put("title", pr.title());
        n.put("description", pr.description());
        n.set("summary", rendered(pr.description()));
        ObjectNode rendered = n.putObject("rendered");
        rendered.set("title", rendered(pr.title()));
        rendered.set("description", rendered(pr.description()));
        n.put("state", pr.state().name());
        n.put("draft", pr.draft());
        n.put("queued", false);
        n.set("author", author(pr.author()));
        n.set("source", endpoint(r, pr.sourceBranch(), sourceSha));
        n.set("destination", endpoint(r, pr.destinationBranch(), destinationSha));
        n.putNull("merge_commit");
        n.put("comment_count", 0);
        n.put("task_count", 0);
        n.put("close_source_branch", pr.closeSourceBranch());
        n.putNull("closed_by");
        n.put("reason", "");
        n.put("created_on", Json.timestamp(pr.createdOn()));
        n.put("updated_on", Json.timestamp(pr.createdOn()));
        if (full) {
            n.putArray("reviewers");
            n.putArray("participants");
        }
        String self = links.repo(r.workspace(), r.slug()) + "/pullrequests/" + pr.id();
        ObjectNode l = n.putObject("links");
        l.set("self", Json.href(self));
        l.set("html", Json.href(links.repoWeb(r.workspace(), r.slug()) + "/pull-requests/" + pr.id()));
        for (String rel : new String[] {
            "commits", "approve", "diff", "diffstat", "comments", "activity", "merge", "decline", "statuses"
        }) {
            l.set(rel, Json.href(self + "/" + rel));
        }
        return n;
    }

    /** A pull request's author: the account, or an {@code app_user} for principals without one. */
    public ObjectNode author(String author) {
        if (author.startsWith(PullRequest.APP_AUTHOR_PREFIX)) {
            String name = author.substring(PullRequest.APP_AUTHOR_PREFIX.length());
            String kind = world.credential(name)
                    .map(c -> c.kind().name().toLowerCase(Locale.ROOT))
                    .orElse("app");
            return appUser(name, kind);
        }
        return world.account(author).map(this::accountSummary).orElseGet(() -> appUser(author, "app"));
    }

    private ObjectNode endpoint(Repo r, String branch, String sha) {
        ObjectNode n = Json.obj();
        n.putObject("branch").put("name", branch);
        n.set("commit", commitSummary(r, sha.length() > 12 ? sha.substring(0, 12) : sha));
        n.set("repository", repositorySummary(r));
        return n;
    }

    private static ObjectNode rendered(String raw) {
        ObjectNode n = Json.obj();
        n.put("type", "rendered");
        n.put("raw", raw);
        n.put("markup", "markdown");
        n.put("html", raw.isBlank() ? "" : "<p>" + escapeHtml(raw.strip()) + "</p>");
        return n;
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
