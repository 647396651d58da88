package dev.bbpush.emulator.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The caller's own resources: {@code /user}, {@code /user/emails}, {@code /user/workspaces} and the
 * per-workspace permission endpoints that replace the CHANGE-2770 ones (reference:
 * bitbucket-cloud-rest.md §8). Anonymous callers get 401 with the Basic challenge. Principals without
 * an account (access tokens) see themselves as an {@code app_user}, with no emails and no memberships.
 */
public final class UserApi {
    private static final Set<String> WORKSPACE_FIELDS = Set.of("slug");
    private static final Set<String> PERMISSION_FIELDS =
            Set.of("repository.name", "repository.full_name", "permission");

    private final EmulatorContext ctx;
    private final Memberships memberships;

    public UserApi(EmulatorContext ctx) {
        this.ctx = ctx;
        this.memberships = new Memberships(ctx.world());
    }

    void user(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        Representations rep = new Representations(ctx.world(), ex.links());
        if (p.account() != null) {
            ex.json(200, rep.account(p.account()));
        } else {
            String name =
                    p.credential() == null ? p.type().header() : p.credential().name();
            ex.json(200, rep.appUser(name, p.type().header()));
        }
    }

    void emails(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        Representations rep = new Representations(ctx.world(), ex.links());
        List<String> emails =
                p.account() == null ? List.of() : List.of(p.account().email());
        ex.json(200, Page.of(ex, emails, e -> rep.email(e, true), 10, 100));
    }

    void email(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        String asked = ex.param("email");
        if (p.account() == null || !p.account().email().equalsIgnoreCase(asked)) {
            throw ApiError.notFound("Email not found").reason(asked + " is not an address of " + p.describe());
        }
        ex.json(
                200,
                new Representations(ctx.world(), ex.links()).email(p.account().email(), true));
    }

    /** {@code workspace_access} items; {@code administrator=true|false} filters, {@code q} on {@code slug}, {@code sort=slug}. */
    void workspaces(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        Bbql q = Bbql.parse(ex.query("q"), WORKSPACE_FIELDS);
        String admin = ex.query("administrator");
        if (admin != null && !admin.equalsIgnoreCase("true") && !admin.equalsIgnoreCase("false")) {
            throw ApiError.badRequest("Invalid administrator: " + admin).reason("administrator must be true or false");
        }
        String sort = ex.query("sort");
        if (sort != null && !sort.equals("slug") && !sort.equals("-slug")) {
            throw ApiError.badRequest("Invalid sort parameter: " + sort).reason("only slug is supported (spec)");
        }
        Account a = p.account();
        List<Workspace> visible = a == null
                ? List.of()
                : memberships.workspacesOf(a).stream()
                        .filter(w -> admin == null
                                || memberships.isAdmin(a, w) == Boolean.parseBoolean(admin.toLowerCase(Locale.ROOT)))
                        .filter(w -> q.matches(f -> w.slug()))
                        .sorted(
                                "-slug".equals(sort)
                                        ? Comparator.comparing(Workspace::slug).reversed()
                                        : Comparator.comparing(Workspace::slug))
                        .toList();
        Representations rep = new Representations(ctx.world(), ex.links());
        ex.json(200, Page.of(ex, visible, w -> rep.workspaceAccess(w, memberships.isAdmin(a, w)), 10, 100));
    }

    /** One {@code workspace_membership} with the caller's highest role; 403 when not a member (spec). */
    void workspacePermission(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        Workspace w = memberWorkspace(p, ex.param("workspace"));
        ex.json(
                200,
                new Representations(ctx.world(), ex.links())
                        .workspaceMembership(p.account(), w, memberships.role(p.account(), w)));
    }

    /**
     * {@code repository_permission} items for repositories of one workspace where the caller holds an
     * explicit grant, with the effective permission; 403 when not a member. {@code q} on
     * {@code repository.name}, {@code repository.full_name}, {@code permission}; {@code sort} on
     * {@code repository.name}.
     */
    void repositoryPermissions(Exchange ex) throws IOException {
        Principal p = Callers.requireAuthenticated(ex);
        Workspace w = memberWorkspace(p, ex.param("workspace"));
        ex.json(200, permissionsPage(ex, p, w.slug()));
    }

    /** Shared with the deprecated {@code /user/permissions/repositories} ({@code workspace} null: all). */
    ObjectNode permissionsPage(Exchange ex, Principal p, String workspace) {
        Bbql q = Bbql.parse(ex.query("q"), PERMISSION_FIELDS);
        String sort = ex.query("sort");
        if (sort != null && !sort.equals("repository.name") && !sort.equals("-repository.name")) {
            throw ApiError.badRequest("Invalid sort parameter: " + sort).reason("only repository.name is supported");
        }
        Account a = p.account();
        List<Repo> repos = a == null
                ? List.of()
                : memberships.grantedRepositories(a, workspace).stream()
                        .filter(r -> q.matches(f -> switch (f) {
                            case "repository.name" -> r.name();
                            case "repository.full_name" -> r.fullName();
                            default -> ctx.access().permissionOf(p, r).wire();
                        }))
                        .sorted(
                                "-repository.name".equals(sort)
                                        ? Comparator.comparing(Repo::name).reversed()
                                        : Comparator.comparing(Repo::name))
                        .toList();
        Representations rep = new Representations(ctx.world(), ex.links());
        return Page.of(
                ex, repos, r -> rep.repositoryPermission(a, r, ctx.access().permissionOf(p, r)), 10, 100);
    }

    private Workspace memberWorkspace(Principal p, String slug) {
        Workspace w = ctx.world().workspace(slug).orElse(null);
        if (w == null || p.account() == null || !w.isMember(p.account().username())) {
            // The spec lists 403 (not 404) for a workspace the caller cannot see; unknown ones get the same.
            throw new ApiError(403, "You do not have access to this workspace.")
                    .reason(p.describe() + " is not a member of workspace '" + slug + "'"
                            + (w == null ? " (no such workspace)" : ""));
        }
        return w;
    }
}
