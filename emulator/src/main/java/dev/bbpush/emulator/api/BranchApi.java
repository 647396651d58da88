package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.store.BranchNames;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

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

    private record Branch(String name, RevCommit tip) {}

    void list(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        Bbql q = Bbql.parse(ex.query("q"), FILTER_FIELDS);
        Comparator<Branch> order = order(ex.query("sort"));
        Repository db = ctx.store().repository(repo.workspace(), repo.slug());
        List<Branch> branches = new ArrayList<>();
        try (RevWalk walk = new RevWalk(db)) {
            for (Ref ref : db.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
                String name = ref.getName().substring(Constants.R_HEADS.length());
                if (q.matches(field -> name)) {
                    branches.add(new Branch(name, walk.parseCommit(ref.getObjectId())));
                }
            }
        }
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
                Comparator.<Branch>comparingInt(b -> b.tip().getCommitTime()).thenComparing(Branch::name);
            default ->
                throw ApiError.badRequest("Invalid sort parameter: " + sort)
                        .reason("branches sort on name or target.date, with an optional '-'");
        };
        return desc ? c.reversed() : c;
    }

    void get(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        String name = ex.param("name");
        RevCommit tip = Revisions.branchTip(ctx.store().repository(repo.workspace(), repo.slug()), name);
        if (tip == null) {
            throw branchNotFound(repo, name);
        }
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
        String refName = Constants.R_HEADS + name;
        if (!BranchNames.isValid(name)) {
            throw ApiError.invalidField("name", "'" + name + "' is not a valid branch name.")
                    .reason("git check-ref-format refuses " + refName);
        }
        Repository db = ctx.store().repository(repo.workspace(), repo.slug());
        ReentrantLock lock = ctx.store().writeLock(repo.workspace(), repo.slug());
        lock.lock();
        RevCommit tip;
        try {
            tip = Revisions.require(db, target);
            if (db.exactRef(refName) != null) {
                throw alreadyExists(name);
            }
            if (db.getRefDatabase().isNameConflicting(refName)) {
                throw ApiError.invalidField("name", "'" + name + "' conflicts with an existing branch name.")
                        .reason(refName + " would nest under or above an existing branch (Git D/F conflict)");
            }
            RefUpdate ru = db.updateRef(refName);
            ru.setNewObjectId(tip);
            ru.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result result = ru.update();
            if (result != RefUpdate.Result.NEW) {
                // Someone (a Git push) created it between the check and the update: the CAS caught it.
                throw db.exactRef(refName) != null
                        ? alreadyExists(name)
                        : new ApiError(409, "Branch could not be created; retry").reason("ref update " + result);
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
        Repository db = ctx.store().repository(repo.workspace(), repo.slug());
        ReentrantLock lock = ctx.store().writeLock(repo.workspace(), repo.slug());
        lock.lock();
        try {
            RevCommit tip = Revisions.branchTip(db, name);
            if (tip == null) {
                throw branchNotFound(repo, name);
            }
            if (name.equals(ctx.store().mainBranch(repo))) {
                throw mainBranch(name);
            }
            RefUpdate ru = db.updateRef(Constants.R_HEADS + name);
            ru.setExpectedOldObjectId(tip);
            ru.setForceUpdate(true);
            RefUpdate.Result result = ru.delete();
            switch (result) {
                case FORCED, FAST_FORWARD, NO_CHANGE -> ex.empty(204);
                case REJECTED_CURRENT_BRANCH -> throw mainBranch(name);
                default ->
                    throw new ApiError(409, "Branch moved while it was being deleted; retry")
                            .reason("ref delete " + result);
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
