package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;
import java.util.List;

/**
 * The branch moved while pushing and the other change touched paths this push writes or removes (or, in mirror
 * mode, paths under the mirrored prefix). Nothing of this push was committed and the other writer's change is
 * intact. Look at the branch, then push again: the new plan will be made against the new head.
 */
public final class PushConflictException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String branch;
    private final String expectedHead;
    private final String actualHead;
    private final List<String> paths;

    public PushConflictException(String branch, String expectedHead, String actualHead, List<String> paths) {
        super(message(branch, expectedHead, actualHead, paths));
        this.branch = branch;
        this.expectedHead = expectedHead;
        this.actualHead = actualHead;
        this.paths = List.copyOf(paths);
    }

    public String branch() {
        return branch;
    }

    /** The head the push was planned on ({@code null} for an empty repository). */
    public String expectedHead() {
        return expectedHead;
    }

    /** The head found after the branch moved. */
    public String actualHead() {
        return actualHead;
    }

    /**
     * The overlapping paths, sorted. The push itself always names at least one (for a push planned on an empty
     * repository, the paths of the other writers' tree that overlap ours); empty only when constructed so by a caller.
     */
    public List<String> paths() {
        return paths;
    }

    private static String message(String branch, String expected, String actual, List<String> paths) {
        String moved = "Branch '" + branch + "' moved from " + shortSha(expected) + " to " + shortSha(actual)
                + " while pushing";
        String what = paths.isEmpty()
                ? ": the repository was empty when this push was planned and another writer made its"
                        + " first commit, so the changes cannot be compared path by path"
                : ", and the other change touched " + paths.size() + " path(s) this push also changes: "
                        + String.join(", ", paths.size() > 20 ? paths.subList(0, 20) : paths)
                        + (paths.size() > 20 ? ", …" : "");
        return moved + what + ". Nothing was committed; the other change is intact. Review the branch and push again.";
    }

    private static String shortSha(String sha) {
        return sha == null ? "(empty repository)" : sha.substring(0, Math.min(12, sha.length()));
    }
}
