package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;
import java.time.Duration;

/**
 * The branch kept moving for the whole conflict budget ({@link PushRequest#conflictTimeout()}, CLI {@code
 * --conflict-timeout}), and every change that landed meanwhile touched <b>none</b> of this push's paths: this is not a
 * conflict, only too many writers committing to one branch at once. Nothing of this push was committed.
 *
 * <p>Running the same push again is safe (it plans against the current head). The CLI exits 6, like the other
 * "retries exhausted, try again later" failures (docs/cli.md, "Exit codes").
 */
public final class BranchBusyException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final String branch;
    private final int rejections;
    private final int commitsLanded;
    private final Duration budget;

    /**
     * @param rejections how many commit requests Bitbucket refused because the branch had moved (409)
     * @param commitsLanded how many commits of other writers landed on the branch since the plan ({@code -1} when they
     *     could not be counted)
     * @param budget the conflict budget that ran out
     */
    public BranchBusyException(String branch, int rejections, int commitsLanded, Duration budget) {
        super(message(branch, rejections, commitsLanded, budget));
        this.branch = branch;
        this.rejections = rejections;
        this.commitsLanded = commitsLanded;
        this.budget = budget;
    }

    public String branch() {
        return branch;
    }

    /** How many commit requests Bitbucket refused with 409 because the branch had moved. */
    public int rejections() {
        return rejections;
    }

    /** How many commits of other writers landed meanwhile, all on other paths; {@code -1} when not counted. */
    public int commitsLanded() {
        return commitsLanded;
    }

    /** The conflict budget that ran out. */
    public Duration budget() {
        return budget;
    }

    private static String message(String branch, int rejections, int landed, Duration budget) {
        String others = landed < 0
                ? "other writers' commits"
                : landed + " commit" + (landed == 1 ? "" : "s") + " by other writers";
        return "Branch '" + branch + "' kept moving: for " + human(budget) + " every commit attempt lost the race ("
                + rejections + " refused with 409) while " + others
                + " landed, none of them on this push's paths, so this "
                + "is not a conflict. Nothing was committed. Fix: run the same push again (it is safe), allow more time with "
                + "--conflict-timeout (e.g. 5m), or have fewer writers commit to '" + branch
                + "' at once (e.g. push to "
                + "separate branches and merge them with pull requests).";
    }

    /** {@code 2m}, {@code 90s}, {@code 1m30s}, {@code 500ms}. */
    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        return s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }
}
