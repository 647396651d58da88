package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.store.Branch;
import dev.bbpush.emulator.store.BranchNames;
import dev.bbpush.emulator.store.BranchUpdate;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Branches: {@code GET/POST …/refs/branches}, {@code GET/DELETE …/refs/branches/{name}} (reference:
 * bitbucket-cloud-rest.md §5). Branch names may contain slashes, unescaped or as {@code %2F}. Creating
 * a branch is compare-and-swap (expected old id zero) under the repository's write lock, so it never
 * moves an existing branch, whoever else writes.
 */
public final class BranchApi {
    private static final Set<String> FILTER_FIELDS = Set.of("name");

    private final EmulatorContext ctx;

    public BranchApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void list(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        Bbql q = Bbql.parse(ex.query("q"), FILTER_FIELDS);
        Comparator<Branch> order = order(ex.query("sort"));
        List<Branch> branches = new ArrayList<>(ctx.store().contents(repo).branches(name -> q.matches(field -> name)));
        branches.sort(order);
        Representations rep = new Representations(ctx.world(), ex.links());
        ex.json(200, Page.of(ex, branches, b -> rep.branch(repo, b.name(), b.tip()), 10, 100));
    }

    /** Default: SCM (lexical) order; {@code name} sorts naturally; {@code target.date} by tip commit time. */
    private static Comparator<Branch> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Comparator.comparing(Branch::name);
        }
        boolean desc = sort.startsWith("-");
        Comparator<Branch> c = switch (desc ? sort.substring(1) : sort) {
            case "name" -> Comparator.comparing(Branch::name, NaturalOrder.INSTANCE);
            case "target.date" ->
                Comparator.<Branch, Instant>comparing(b -> b.tip().committer().when())
                        .thenComparing(Branch::name);
            default ->
                throw ApiError.badRequest("Invalid sort parameter: " + sort)
                        .reason("branches sort on name or target.date, with an optional '-'");
        };
        return desc ? c.reversed() : c;
    }

    void get(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        String name = ex.param("name");
        Commit tip = ctx.store().contents(repo).branchTip(name).orElseThrow(() -> branchNotFound(repo, name));
        ex.json(200, new Representations(ctx.world(), ex.links()).branch(repo, name, tip));
    }

    /**
     * Creates a branch at {@code target.hash} (full or short SHA, or a branch name). Refuses with 400 and
     * {@code data.key = BRANCH_ALREADY_EXISTS} if the name is taken; never moves an existing branch.
     */
    void create(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.WRITE);
        JsonNode body = ex.jsonBody();
        String name = body.path("name").isTextual() ? body.path("name").asText() : "";
        String target = body.path("target").path("hash").isTextual()
                ? body.path("target").path("hash").asText()
                : "";
        ObjectNode fields = Json.obj();
        if (name.isBlank()) {
            fields.putArray("name").add("This field is required.");
        }
        if (target.isBlank()) {
            fields.putArray("target").add("This field is required.");
        }
        if (!fields.isEmpty()) {
            throw new ApiError(400, "Bad request").fields(fields).reason("branch create without name or target.hash");
        }
        String refName = "refs/heads/" + name;
        if (!BranchNames.isValid(name)) {
            throw ApiError.invalidField("name", "'" + name + "' is not a valid branch name.")
                    .reason("git check-ref-format refuses " + refName);
        }
        RepoContents git = ctx.store().contents(repo);
        ReentrantLock lock = ctx.store().writeLock(repo.workspace(), repo.slug());
        lock.lock();
        Commit tip;
        try {
            tip = Revisions.require(git, target);
            if (git.hasBranch(name)) {
                throw alreadyExists(name);
            }
            if (git.branchNameConflicts(name)) {
                throw ApiError.invalidField("name", "'" + name + "' conflicts with an existing branch name.")
                        .reason(refName + " would nest under or above an existing branch (Git D/F conflict)");
            }
            BranchUpdate result = git.createBranch(name, tip.sha());
            if (!result.applied()) {
                // Someone (a Git push) created it between the check and the update: the CAS caught it.
                throw git.hasBranch(name)
                        ? alreadyExists(name)
                        : new ApiError(409, "Branch could not be created; retry")
                                .reason("ref update " + result.detail());
            }
        } finally {
            lock.unlock();
        }
        ObjectNode branch = new Representations(ctx.world(), ex.links()).branch(repo, name, tip);
        ex.header("Location", branch.path("links").path("self").path("href").asText());
        ex.json(201, branch);
    }

    /** Deletes a branch: 204; 404 when it does not exist; 400 for the repository's main branch. */
    void delete(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.WRITE);
        String name = ex.param("name");
        RepoContents git = ctx.store().contents(repo);
        ReentrantLock lock = ctx.store().writeLock(repo.workspace(), repo.slug());
        lock.lock();
        try {
            Commit tip = git.branchTip(name).orElseThrow(() -> branchNotFound(repo, name));
            if (name.equals(ctx.store().mainBranch(repo))) {
                throw mainBranch(name);
            }
            BranchUpdate result = git.deleteBranch(name, tip.sha());
            switch (result.outcome()) {
                case APPLIED -> ex.empty(204);
                case REFUSED_CURRENT_BRANCH -> throw mainBranch(name);
                case FAILED ->
                    throw new ApiError(409, "Branch moved while it was being deleted; retry")
                            .reason("ref delete " + result.detail());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Bitbucket's duplicate-branch refusal; the message text is the emulator's (reference §1.4: not captured). */
    private static ApiError alreadyExists(String name) {
        return ApiError.badRequest("Branch '" + name + "' already exists.")
                .data(Json.obj().put("key", "BRANCH_ALREADY_EXISTS"))
                .reason("refs/heads/" + name + " exists");
    }

    private static ApiError mainBranch(String name) {
        return ApiError.badRequest("The main branch '" + name + "' cannot be deleted.")
                .reason("delete of the main branch");
    }

    private static ApiError branchNotFound(Repo repo, String name) {
        return ApiError.notFound("Branch '" + name + "' not found.")
                .reason("no branch " + name + " in " + repo.fullName());
    }
}
