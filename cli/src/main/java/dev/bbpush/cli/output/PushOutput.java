package dev.bbpush.cli.output;

import dev.bbpush.client.changes.SkipReason;
import dev.bbpush.client.changes.SkippedFile;
import dev.bbpush.client.push.PullRequestResult;
import dev.bbpush.client.push.PushEvent;
import dev.bbpush.client.push.PushListener;
import dev.bbpush.client.push.PushPlan;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.PushStatus;
import dev.bbpush.client.safety.Finding;
import dev.bbpush.client.safety.SafetyReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a push for people (plan as soon as it is ready, then the commit and the pull request) or as one JSON object
 * at the end. Progress goes to standard error, only on a terminal. {@code --quiet} prints nothing on success (with
 * {@code --json}: only the JSON).
 */
public final class PushOutput implements PushListener {
    /**
     * Paths the plan lists in all (added first, then modified, then deleted) before "… and N more": a 1,000-file push
     * stays a screenful. {@code --verbose} and {@code --json} list every path.
     */
    public static final int MAX_LISTED = 20;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean quiet;
    private final boolean verbose;
    private final ProgressBar progress;

    public PushOutput(
            PrintWriter out, PrintWriter err, boolean json, boolean quiet, boolean verbose, boolean interactive) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.quiet = quiet;
        this.verbose = verbose;
        // --json keeps stderr empty (docs/cli.md): no progress bar, no retry or fallback lines.
        this.progress = interactive && !quiet && !json ? new ProgressBar(err) : null;
    }

    private boolean text() {
        return !json && !quiet;
    }

    @Override
    public void onEvent(PushEvent event) {
        if (event instanceof PushEvent.Uploading u) {
            if (progress != null) {
                progress.update(u.sentBytes(), u.totalBytes());
            }
            return;
        }
        if (event instanceof PushEvent.Retrying r && !quiet && !json) {
            err.println("bbpush: " + retryText(r) + "; sending the commit again (attempt " + r.nextAttempt() + ")");
            err.flush();
        }
        if (event instanceof PushEvent.PlanFallback f && verbose && !quiet && !json) {
            err.println("bbpush: Git smart HTTP unavailable (" + f.reason() + "); reading the branch over REST");
            err.flush();
        }
        if (!text()) {
            return;
        }
        if (event instanceof PushEvent.SafetyChecked s) {
            printSafety(s.report());
        } else if (event instanceof PushEvent.PlanReady p) {
            printPlan(p.plan());
        }
    }

    /** Ends an unfinished progress bar (the upload failed) so an error message starts on its own line. */
    public void interrupted() {
        if (progress != null) {
            progress.finish();
        }
    }

    /** The outcome: commit and URL, "nothing to commit" or dry run; then the pull request. */
    public void result(PushResult r) {
        if (json) {
            Json.print(out, PushJson.result(r));
            return;
        }
        if (quiet) {
            return;
        }
        PushPlan plan = r.plan();
        if (r.status() == PushStatus.DRY_RUN) {
            out.println(
                    "Dry run: nothing was committed" + (plan.hasChanges() ? "" : " (and nothing would change)") + ".");
        } else if (r.status() == PushStatus.COMMITTED) {
            out.println("Committed " + r.commit().orElse("?") + " to " + r.branch());
            r.commitUrl().ifPresent(u -> out.println("  " + u));
        } else if (plan.newBranch()) {
            out.println("Nothing to commit: " + plan.baseBranch() + " already has these files, so branch " + r.branch()
                    + " was not created.");
        } else {
            out.println("Nothing to commit: " + r.branch() + " already has these files.");
        }
        r.pullRequest().ifPresent(this::printPullRequest);
        out.flush();
    }

    private void printPullRequest(PullRequestResult pr) {
        String url = pr.url().map(u -> ": " + u).orElse("");
        switch (pr.outcome()) {
            case CREATED -> out.println("Pull request #" + pr.id().orElse(0) + " created" + url);
            case REUSED -> out.println("Reused PR #" + pr.id().orElse(0) + " (already open)" + url);
            case NO_CHANGES ->
                out.println(
                        "No pull request: no changes to pull from " + pr.source() + " into " + pr.destination() + ".");
            default -> throw new IllegalStateException("unknown outcome " + pr.outcome());
        }
    }

    private void printSafety(SafetyReport report) {
        List<SkippedFile> profile = report.skipped().stream()
                .filter(s -> s.reason() == SkipReason.TERRAFORM_PROFILE)
                .toList();
        if (!profile.isEmpty()) {
            out.println("Skipped by the Terraform profile (never pushed: state and plans hold secrets in clear text):");
            for (SkippedFile s : profile) {
                out.println("  " + s.repoPath() + (s.directory() ? "/" : "") + "  (matches " + s.pattern() + ")");
            }
        }
        List<SkippedFile> other = report.skipped().stream()
                .filter(s -> s.reason() != SkipReason.TERRAFORM_PROFILE)
                .toList();
        if (verbose) {
            for (SkippedFile s : other) {
                out.println("Skipped " + s.repoPath() + (s.directory() ? "/" : "") + "  (" + reason(s) + ")");
            }
        } else if (other.stream()
                .anyMatch(s -> s.reason() != SkipReason.GIT_METADATA && s.reason() != SkipReason.CONTROL_FILE)) {
            long n = other.stream()
                    .filter(s -> s.reason() != SkipReason.GIT_METADATA && s.reason() != SkipReason.CONTROL_FILE)
                    .count();
            out.println("Skipped " + n + " more by --include/--exclude/.bbpushignore (--verbose lists them).");
        }
        for (Finding f : report.findings()) {
            if (f.allowed()) {
                out.println("Allowed by --allow " + f.ruleId() + ":" + f.path() + ": " + FailureOutput.findingLine(f));
            }
        }
    }

    private void printPlan(PushPlan plan) {
        String where = plan.newBranch()
                ? plan.branch() + " (new, from " + plan.baseBranch() + head(plan) + ")"
                : plan.branch() + head(plan);
        out.println("Plan for " + where + ", read over " + (plan.source().name().equals("GIT") ? "Git" : "REST") + ":");
        out.println("  " + plan.added().size() + " added, " + plan.modified().size() + " modified, "
                + plan.deleted().size() + " deleted, " + plan.unchanged() + " unchanged");
        int budget = verbose ? Integer.MAX_VALUE : MAX_LISTED;
        budget = list("A", plan.added(), budget);
        budget = list("M", plan.modified(), budget);
        list("D", plan.deleted(), budget);
        int total =
                plan.added().size() + plan.modified().size() + plan.deleted().size();
        if (!verbose && total > MAX_LISTED) {
            out.println(
                    "  … and " + (total - MAX_LISTED) + " more (use --verbose to list all; --json lists every path)");
        }
        out.flush();
    }

    private static String head(PushPlan plan) {
        return plan.head()
                .map(h -> " at " + h.substring(0, Math.min(12, h.length())))
                .orElse(" (empty repository)");
    }

    /** Lists up to {@code budget} of {@code paths}; returns the budget left. */
    private int list(String mark, List<String> paths, int budget) {
        int n = Math.min(paths.size(), budget);
        for (int i = 0; i < n; i++) {
            out.println("  " + mark + "  " + paths.get(i));
        }
        return budget - n;
    }

    private static String reason(SkippedFile s) {
        String r = s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return s.pattern().isEmpty() ? r : r + ": " + s.pattern();
    }

    private static String retryText(PushEvent.Retrying r) {
        return switch (r.reason()) {
            case BRANCH_MOVED -> "the branch moved, but not on our paths";
            case TRANSPORT_FAILURE -> "the commit request got no answer and did not land";
            case SERVER_ERROR -> "Bitbucket answered " + r.detail() + " and the commit did not land";
            case RATE_LIMITED -> "Bitbucket's rate limit refused the commit request";
        };
    }
}
