package dev.bbpush.client.push;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a push changes against the branch head it was planned on. Paths are repository paths, sorted.
 *
 * @param branch the branch the commit goes to
 * @param baseBranch the branch the head was read from: {@code branch} itself, or the base when {@code branch} does
 *     not exist yet (then the commit creates it)
 * @param head the commit planned against; empty for an empty repository (the commit will be a root commit)
 * @param newBranch whether {@code branch} does not exist yet
 * @param added puts of paths the head does not have
 * @param modified puts whose content or mode (regular/executable/symlink) differs from the head
 * @param deleted paths removed (explicit deletes of existing paths, and mirror deletes)
 * @param unchanged puts identical to the head (content and mode), and deletes of paths the head does not have
 * @param source how the remote side was read: {@link PlanSource#GIT} or {@link PlanSource#REST}
 */
public record PushPlan(
        String branch,
        String baseBranch,
        Optional<String> head,
        boolean newBranch,
        List<String> added,
        List<String> modified,
        List<String> deleted,
        int unchanged,
        PlanSource source) {
    public PushPlan {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        deleted = List.copyOf(deleted);
    }

    /** Whether there is anything to commit. */
    public boolean hasChanges() {
        return !added.isEmpty() || !modified.isEmpty() || !deleted.isEmpty();
    }

    /** Every path the commit writes or removes, sorted. */
    public List<String> changedPaths() {
        return Stream.of(added, modified, deleted)
                .flatMap(List::stream)
                .sorted()
                .toList();
    }

    /** The same plan against another head (used after a concurrent commit that touched none of our paths). */
    PushPlan rebasedOn(String newHead) {
        return new PushPlan(
                branch, baseBranch, Optional.of(newHead), newBranch, added, modified, deleted, unchanged, source);
    }

    @Override
    public String toString() {
        return "PushPlan[" + branch + (newBranch ? " (new, from " + baseBranch + ")" : "") + " at "
                + head.orElse("(empty repository)") + ": " + added.size() + " added, " + modified.size() + " modified, "
                + deleted.size() + " deleted, " + unchanged + " unchanged, via " + source + "]";
    }
}
