package dev.bbpush.emulator;

import dev.bbpush.emulator.auth.AccessControl;
import dev.bbpush.emulator.store.PullRequests;
import dev.bbpush.emulator.store.RepoStore;
import dev.bbpush.emulator.world.World;
import java.util.Objects;

/**
 * What every part of a running emulator shares: the world, the repository store, the clock and the
 * access rules, and the in-memory pull requests. One per emulator instance; there is no static state.
 */
public final class EmulatorContext {
    private final World world;
    private final RepoStore store;
    private final EmulatorClock clock;
    private final PullRequests pullRequests = new PullRequests();
    private AccessControl access;

    public EmulatorContext(World world, RepoStore store, EmulatorClock clock) {
        this.world = Objects.requireNonNull(world);
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    public World world() {
        return world;
    }

    public RepoStore store() {
        return store;
    }

    public EmulatorClock clock() {
        return clock;
    }

    public PullRequests pullRequests() {
        return pullRequests;
    }

    public AccessControl access() {
        return access;
    }

    void access(AccessControl access) {
        this.access = access;
    }
}
