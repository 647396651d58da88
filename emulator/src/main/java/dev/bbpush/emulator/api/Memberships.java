package dev.bbpush.emulator.api;

import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.Workspace;
import dev.bbpush.emulator.world.World;
import java.util.Comparator;
import java.util.List;

/**
 * Who belongs where, as the user-centric endpoints report it: workspace memberships with their highest
 * role, and the repositories an account holds an explicit grant on.
 */
final class Memberships {
    private final World world;

    Memberships(World world) {
        this.world = world;
    }

    /** The workspaces {@code a} is a member or administrator of, in slug order. */
    List<Workspace> workspacesOf(Account a) {
        return world.workspaces().stream()
                .filter(w -> w.isMember(a.username()))
                .sorted(Comparator.comparing(Workspace::slug))
                .toList();
    }

    boolean isAdmin(Account a, Workspace w) {
        return w.admins().contains(a.username());
    }

    /**
     * The highest workspace role of {@code a} in {@code w}: {@code owner} for administrators, else
     * {@code member} (the world has no {@code create-project} or {@code collaborator} roles).
     */
    String role(Account a, Workspace w) {
        return isAdmin(a, w) ? "owner" : "member";
    }

    /**
     * Repositories where {@code a} holds an explicit grant, optionally in one workspace. Public
     * repositories without a grant are not included, as Bitbucket documents for these endpoints.
     */
    List<Repo> grantedRepositories(Account a, String workspaceOrNull) {
        return world.repositories().stream()
                .filter(r -> workspaceOrNull == null || r.workspace().equals(workspaceOrNull))
                .filter(r -> r.permissionOf(a.username()) != Permission.NONE)
                .toList();
    }
}
