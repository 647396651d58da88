package dev.bbpush.emulator.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The pull requests of one emulator, in memory, per repository. One instance per emulator (held by
 * {@link dev.bbpush.emulator.EmulatorContext}); {@link #clear()} is part of {@code Emulator.reset()}.
 * All methods are atomic with respect to each other.
 */
public final class PullRequests {
    private final Map<String, List<PullRequest>> byRepo = new HashMap<>();

    /** The outcome of {@link #openOrCreate}: the pull request and whether it was created now. */
    public record Result(PullRequest pullRequest, boolean created) {}

    /**
     * Returns the OPEN pull request from {@code source} to {@code destination} in {@code repo} if there
     * is one; otherwise creates one with the next id, built by {@code factory}.
     *
     * @param repo the repository's full name ({@code workspace/slug})
     */
    public synchronized Result openOrCreate(
            String repo, String source, String destination, IntFunction<PullRequest> factory) {
        List<PullRequest> list = byRepo.computeIfAbsent(repo, k -> new ArrayList<>());
        for (PullRequest pr : list) {
            if (pr.state() == PullRequest.State.OPEN
                    && pr.sourceBranch().equals(source)
                    && pr.destinationBranch().equals(destination)) {
                return new Result(pr, false);
            }
        }
        PullRequest created = factory.apply(list.size() + 1);
        if (created.id() != list.size() + 1) {
            throw new IllegalArgumentException("factory must use the id it is given");
        }
        list.add(created);
        return new Result(created, true);
    }

    public synchronized Optional<PullRequest> get(String repo, int id) {
        List<PullRequest> list = byRepo.getOrDefault(repo, List.of());
        return id >= 1 && id <= list.size() ? Optional.of(list.get(id - 1)) : Optional.empty();
    }

    /** Every pull request of {@code repo}, oldest first. */
    public synchronized List<PullRequest> list(String repo) {
        return List.copyOf(byRepo.getOrDefault(repo, List.of()));
    }

    /** Forgets every pull request; ids start at 1 again. */
    public synchronized void clear() {
        byRepo.clear();
    }
}
