package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * The cross-workspace endpoints deprecated by CHANGE-2770: {@code GET /workspaces},
 * {@code GET /repositories}, {@code GET /user/permissions/repositories} and
 * {@code GET /user/permissions/workspaces} (reference: bitbucket-cloud-rest.md §1.11, §8.3).
 *
 * <p>While the world setting {@code crossWorkspaceEndpointsGone} is true (the default) they answer
 * 410 with Bitbucket's CHANGE-2770 body, {@code data} repeated at the top level. Otherwise they serve
 * simple versions, for testing clients against the pre-removal API.
 */
public final class CrossWorkspaceApi {
    static final String ANNOUNCEMENT_URL = "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-2770";
    private static final Set<String> ROLES = Set.of("owner", "collaborator", "member");

    private final EmulatorContext ctx;
    private final Memberships memberships;
    private final UserApi users;

    public CrossWorkspaceApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.memberships = new Memberships(ctx.world());
        this.users = new UserApi(ctx);
    }

    /** Bitbucket's 410 for CHANGE-2770 endpoints (reference §1.4, observed April 2026). */
    static ApiError gone() {
        ObjectNode data = Json.obj().put("announcement_url", ANNOUNCEMENT_URL);
        return new ApiError(410, "CHANGE-2770 - Functionality has been deprecated")
                .detail("Please read the changelog entry for more details.")
                .data(data)
                .dataAlsoAtTopLevel()
                .reason("cross-workspace endpoint removed (world setting crossWorkspaceEndpointsGone)");
    }

    private void refuseIfGone() {
        if (ctx.world().settings().crossWorkspaceEndpointsGone()) {
            throw gone();
        }
    }

    /** {@code workspace} objects of the caller's memberships; {@code role=owner|collaborator|member}. */
    void workspaces(Exchange ex) throws IOException {
        refuseIfGone();
        Principal p = Callers.requireAuthenticated(ex);
        String role = ex.query("role");
        if (role != null && !ROLES.contains(role)) {
            throw ApiError.badRequest("Invalid role: " + role).reason("role must be one of " + ROLES);
        }
        Account a = p.account();
        List<Workspace> ws = a == null
                ? List.of()
                : memberships.workspacesOf(a).stream()
                        .filter(w -> !"owner".equals(role) || memberships.isAdmin(a, w))
                        .toList();
        Representations rep = new Representations(ctx.world(), ex.links());
        ex.json(200, Page.of(ex, ws, rep::workspaceDetail, 10, 100));
    }

    /** Every public repository of the world (the spec: "all public repositories"). */
    void repositories(Exchange ex) throws IOException {
        refuseIfGone();
        List<Repo> repos =
                ctx.world().repositories().stream().filter(r -> !r.isPrivate()).toList();
        Representations rep = new Representations(ctx.world(), ex.links());
        ex.json(200, Page.of(ex, repos, r -> rep.repository(r, ctx.store().mainBranch(r), true), 10, 100));
    }

    void repositoryPermissions(Exchange ex) throws IOException {
        refuseIfGone();
        Principal p = Callers.requireAuthenticated(ex);
        ex.json(200, users.permissionsPage(ex, p, null));
    }

    /** {@code workspace_membership} items, one per workspace the caller belongs to. */
    void workspacePermissions(Exchange ex) throws IOException {
        refuseIfGone();
        Principal p = Callers.requireAuthenticated(ex);
        Account a = p.account();
        List<Workspace> ws = a == null ? List.of() : memberships.workspacesOf(a);
        Representations rep = new Representations(ctx.world(), ex.links());
        ex.json(200, Page.of(ex, ws, w -> rep.workspaceMembership(a, w, memberships.role(a, w)), 10, 100));
    }
}
