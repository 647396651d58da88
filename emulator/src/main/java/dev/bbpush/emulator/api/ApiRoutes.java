package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.Router;

/**
 * The REST surface of the emulator on one screen: every method and path template under {@code /2.0}, and the handler
 * that serves it. The {@code *Api} classes hold only handlers; nothing else registers a route.
 *
 * <p>A template is the path key exactly as Bitbucket's OpenAPI document spells it, because the auth layer looks the
 * operation's required scopes up by method and template ({@code auth.ScopeCatalog}). A greedy route's last variable
 * takes the rest of the path, slashes included (branch names such as {@code feature/x}, file paths). The most specific
 * match wins; on a tie, the route listed first.
 */
public final class ApiRoutes {
    private static final String REPO = "/repositories/{workspace}/{repo_slug}";

    private ApiRoutes() {}

    /** A router holding every REST operation, with handlers bound to {@code ctx}. */
    public static Router build(EmulatorContext ctx) {
        RepositoryApi repositories = new RepositoryApi(ctx);
        BranchApi branches = new BranchApi(ctx);
        CommitApi commits = new CommitApi(ctx);
        DiffstatApi diffstat = new DiffstatApi(ctx);
        PullRequestApi pullRequests = new PullRequestApi(ctx);
        UserApi user = new UserApi(ctx);
        WorkspaceApi workspaces = new WorkspaceApi(ctx);
        CrossWorkspaceApi crossWorkspace = new CrossWorkspaceApi(ctx);
        SrcApi src = new SrcApi(ctx);
        return new Router()
                // Repositories
                .get("/repositories/{workspace}", repositories::list)
                .get(REPO, repositories::get)
                // Branches (a branch name may hold slashes)
                .get(REPO + "/refs/branches", branches::list)
                .post(REPO + "/refs/branches", branches::create)
                .getGreedy(REPO + "/refs/branches/{name}", branches::get)
                .deleteGreedy(REPO + "/refs/branches/{name}", branches::delete)
                // Commits. POST takes include/exclude in a form body for long lists; it never creates commits (spec).
                // A revision may be a branch name with slashes, as the branch object's commits link is.
                .get(REPO + "/commits", commits::history)
                .post(REPO + "/commits", commits::history)
                .getGreedy(REPO + "/commits/{revision}", commits::history)
                .postGreedy(REPO + "/commits/{revision}", commits::history)
                .get(REPO + "/commit/{commit}", commits::commit)
                // Diffstat (either side of the spec may be a branch name with slashes)
                .getGreedy(REPO + "/diffstat/{spec}", diffstat::diffstat)
                // Pull requests
                .get(REPO + "/pullrequests", pullRequests::list)
                .post(REPO + "/pullrequests", pullRequests::create)
                .get(REPO + "/pullrequests/{pull_request_id}", pullRequests::get)
                // The authenticated user
                .get("/user", user::user)
                .get("/user/emails", user::emails)
                .get("/user/emails/{email}", user::email)
                .get("/user/workspaces", user::workspaces)
                .get("/user/workspaces/{workspace}/permission", user::workspacePermission)
                .get("/user/workspaces/{workspace}/permissions/repositories", user::repositoryPermissions)
                // Workspaces
                .get("/workspaces/{workspace}", workspaces::get)
                // Cross-workspace listings (CHANGE-2770: 410 Gone unless the world setting says otherwise)
                .get("/workspaces", crossWorkspace::workspaces)
                .get("/repositories", crossWorkspace::repositories)
                .get("/user/permissions/repositories", crossWorkspace::repositoryPermissions)
                .get("/user/permissions/workspaces", crossWorkspace::workspacePermissions)
                // Source: commit files (POST), browse, and raw file downloads (their own rate limit)
                .post(REPO + "/src", src::commit)
                .get(REPO + "/src", src::redirectToMainBranch)
                .getRawFile(REPO + "/src/{commit}/{path}", src::read);
    }
}
