package dev.bbpush.emulator.api;

import dev.bbpush.emulator.EmulatorContext;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;
import dev.bbpush.emulator.http.Page;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import java.io.IOException;
import java.util.List;

/** {@code GET /repositories/{workspace}} and {@code GET /repositories/{workspace}/{repo_slug}}. */
public final class RepositoryApi {
    private final EmulatorContext ctx;

    public RepositoryApi(EmulatorContext ctx) {
        this.ctx = ctx;
    }

    void get(Exchange ex) throws IOException {
        Repo repo = ctx.access().requireRepository(ex, Permission.READ);
        ex.json(
                200,
                new Representations(ctx.world(), ex.links()).repository(repo, mainBranch(repo), hasMainBranch(repo)));
    }

    void list(Exchange ex) throws IOException {
        String ws = ex.param("workspace");
        if (ctx.world().workspace(ws).isEmpty()) {
            throw ApiError.notFound("No workspace with identifier '" + ws + "'.")
                    .reason("no workspace " + ws);
        }
        Representations rep = new Representations(ctx.world(), ex.links());
        List<Repo> visible = ctx.world().repositoriesOf(ws).stream()
                .filter(r -> ctx.access().permissionOf(ex.principal(), r) != Permission.NONE)
                .filter(r -> roleFilter(ex.query("role"), ctx.access().permissionOf(ex.principal(), r)))
                .toList();
        ex.json(200, Page.of(ex, visible, r -> rep.repository(r, mainBranch(r), hasMainBranch(r)), 10, 100));
    }

    /** {@code role=member|contributor|admin|owner}: explicit read, write, admin (owner treated as admin). */
    private static boolean roleFilter(String role, Permission held) {
        if (role == null) {
            return true;
        }
        return switch (role) {
            case "member" -> held.includes(Permission.READ);
            case "contributor" -> held.includes(Permission.WRITE);
            case "admin", "owner" -> held.includes(Permission.ADMIN);
            default -> throw ApiError.badRequest("Invalid role: " + role);
        };
    }

    private boolean hasMainBranch(Repo r) {
        try {
            return ctx.store().contents(r).hasBranch(ctx.store().mainBranch(r));
        } catch (IOException e) {
            return false;
        }
    }

    private String mainBranch(Repo r) {
        return ctx.store().mainBranch(r);
    }
}
