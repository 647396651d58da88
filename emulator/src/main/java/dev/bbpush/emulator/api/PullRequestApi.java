package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.store.Commit;
import dev.bbpush.emulator.store.PullRequest;
import dev.bbpush.emulator.store.PullRequests;
import dev.bbpush.emulator.store.RepoContents;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Pull requests: {@code POST/GET …/pullrequests} and {@code GET …/pullrequests/{pull_request_id}}
 * (reference: bitbucket-cloud-rest.md §7). Pull requests live in memory ({@link PullRequests}), per
 * emulator, and are forgotten on reset. Source and destination are branches of the same repository.
 *
 * <p>Choices where the reference is uncertain (also in docs/emulator.md):
 *
 * <ul>
 *   <li>POSTing a pull request whose source and destination match an OPEN one returns that one with
 *       <b>200</b> (nothing was created) and its {@code Location}; a new one gets 201.
 *   <li>A missing source or destination branch is 400 with {@code message "source: branch not found:
 *       <name>"} and {@code fields {"source": ["branch not found: <name>"]}} (the shape a client fixture
 *       records for {@code destination}).
 *   <li>Creating needs read access, as on Bitbucket; the caller must be authenticated.
 *   <li>A {@code q} that tests {@code state} replaces the default OPEN-only filter; without
 *       {@code state=} or a {@code state} condition, only OPEN pull requests are listed.
 *   <li>Lists are newest first (highest id first).
 * </ul>
 */
public final class PullRequestApi {
    private static final int MAX_PAGELEN = 50;
    private static final Set<String> FILTER_FIELDS =
            Set.of("source.branch.name", "destination.branch.name", "state", "title", "id", "draft");

    private final EmulatorContext ctx;

    public PullRequestApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Opens a pull request. 201 + {@code Location} + the pull request; 200 + the existing one when an
     * OPEN pull request already joins the same branches. Safe to retry: a retry returns the same one.
     *
     * @throws ApiError 400 for missing {@code title}/{@code source.branch.name}, unknown branches, or
     *     {@code There are no changes to be pulled}; 401 for anonymous callers
     */
    void create(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        Principal caller = Callers.requireAuthenticated(ex);
        JsonNode body = ex.jsonBody();
        String title = text(body.path("title"));
        String source = text(body.path("source").path("branch").path("name"));
        ObjectNode fields = Json.obj();
        if (title.isBlank()) {
            fields.putArray("title").add("This field is required.");
        }
        if (source.isBlank()) {
            fields.putArray("source").add("This field is required.");
        }
        if (!fields.isEmpty()) {
            throw new ApiError(400, "Bad request")
                    .fields(fields)
                    .reason("pull request without title or source.branch.name");
        }
        String destination = text(body.path("destination").path("branch").path("name"));
        if (destination.isBlank()) {
            destination = ctx.store().mainBranch(repo);
        }
        RepoContents git = ctx.store().contents(repo);
        Commit sourceTip = tipOrRefuse(git, "source", source);
        Commit destinationTip = tipOrRefuse(git, "destination", destination);
        if (git.isMergedInto(sourceTip.sha(), destinationTip.sha())) {
            throw ApiError.badRequest("There are no changes to be pulled")
                    .reason(source + " has no commits that " + destination + " lacks");
        }
        String author = caller.account() != null
                ? caller.account().username()
                : PullRequest.APP_AUTHOR_PREFIX
                        + (caller.credential() != null
                                ? caller.credential().name()
                                : caller.type().header());
        String description = text(body.path("description"));
        boolean closeSource = body.path("close_source_branch").asBoolean(false);
        boolean draft = body.path("draft").asBoolean(false);
        String dest = destination;
        PullRequests.Result result = ctx.pullRequests()
                .openOrCreate(
                        repo.fullName(),
                        source,
                        dest,
                        id -> new PullRequest(
                                id,
                                title,
                                description,
                                source,
                                dest,
                                sourceTip.sha(),
                                destinationTip.sha(),
                                author,
                                closeSource,
                                draft,
                                PullRequest.State.OPEN,
                                ctx.clock().now()));
        ObjectNode json = render(ex, repo, git, result.pullRequest(), true);
        ex.header("Location", json.path("links").path("self").path("href").asText());
        ex.json(result.created() ? 201 : 200, json);
    }

    void get(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        String raw = ex.param("pull_request_id");
        int id;
        try {
            id = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            // Bitbucket's route only takes integers here, so anything else is an unknown resource.
            throw ApiError.notFound("Resource not found").reason("pull request id '" + raw + "' is not an integer");
        }
        PullRequest pr = ctx.pullRequests()
                .get(repo.fullName(), id)
                .orElseThrow(() -> ApiError.notFound("Pull request not found")
                        .reason("no pull request " + id + " in " + repo.fullName()));
        ex.json(200, render(ex, repo, ctx.store().contents(repo), pr, true));
    }

    /**
     * Lists pull requests, newest first: OPEN only unless {@code state=} (repeatable) or a {@code state}
     * condition in {@code q} says otherwise. {@code pagelen} is at most 50 (100 gives 400 {@code Invalid
     * pagelen}, as observed on Bitbucket).
     */
    void list(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        Bbql q = Bbql.parse(ex.query("q"), FILTER_FIELDS);
        EnumSet<PullRequest.State> states = EnumSet.noneOf(PullRequest.State.class);
        for (String s : ex.queryAll("state")) {
            try {
                states.add(PullRequest.State.valueOf(s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("Invalid state: " + s)
                        .reason("state must be one of " + List.of(PullRequest.State.values()));
            }
        }
        if (states.isEmpty()) {
            states = q.mentions("state") ? EnumSet.allOf(PullRequest.State.class) : EnumSet.of(PullRequest.State.OPEN);
        }
        List<PullRequest> matching = new ArrayList<>();
        for (PullRequest pr : ctx.pullRequests().list(repo.fullName())) {
            if (states.contains(pr.state()) && q.matches(field -> field(pr, field))) {
                matching.add(pr);
            }
        }
        matching.sort(order(ex.query("sort")));
        RepoContents git = ctx.store().contents(repo);
        ex.json(200, Page.of(ex, matching, pr -> render(ex, repo, git, pr, false), 10, MAX_PAGELEN));
    }

    private static Comparator<PullRequest> order(String sort) {
        Comparator<PullRequest> byId = Comparator.comparingInt(PullRequest::id);
        if (sort == null || sort.isBlank()) {
            return byId.reversed();
        }
        boolean desc = sort.startsWith("-");
        String key = desc ? sort.substring(1) : sort;
        Comparator<PullRequest> c = switch (key) {
            case "id" -> byId;
            case "created_on", "updated_on" ->
                Comparator.comparing(PullRequest::createdOn).thenComparing(byId);
            case "title" -> Comparator.comparing(PullRequest::title).thenComparing(byId);
            default ->
                throw ApiError.badRequest("Invalid sort parameter: " + sort)
                        .reason("pull requests sort on id, created_on, updated_on or title");
        };
        return desc ? c.reversed() : c;
    }

    private static String field(PullRequest pr, String field) {
        return switch (field) {
            case "source.branch.name" -> pr.sourceBranch();
            case "destination.branch.name" -> pr.destinationBranch();
            case "state" -> pr.state().name();
            case "title" -> pr.title();
            case "id" -> Integer.toString(pr.id());
            case "draft" -> Boolean.toString(pr.draft());
            default -> throw new IllegalStateException(field);
        };
    }

    /** Renders with live endpoint commits: an OPEN pull request follows its branches, as on Bitbucket. */
    private ObjectNode render(Exchange ex, Repo repo, RepoContents git, PullRequest pr, boolean full) {
        String source = pr.sourceCommit();
        String destination = pr.destinationCommit();
        if (pr.state() == PullRequest.State.OPEN) {
            try {
                source = git.branchTip(pr.sourceBranch()).map(Commit::sha).orElse(source);
                destination =
                        git.branchTip(pr.destinationBranch()).map(Commit::sha).orElse(destination);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Representations(ctx.world(), ex.links()).pullRequest(repo, pr, source, destination, full);
    }

    private static Commit tipOrRefuse(RepoContents git, String side, String branch) throws IOException {
        Optional<Commit> tip = git.branchTip(branch);
        if (tip.isEmpty()) {
            ObjectNode fields = Json.obj();
            fields.putArray(side).add("branch not found: " + branch);
            throw new ApiError(400, side + ": branch not found: " + branch)
                    .fields(fields)
                    .reason("no branch " + branch);
        }
        return tip.get();
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : "";
    }
}
