package dev.bbpush.client.push;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.internal.ApiUrls;
import dev.bbpush.client.safety.SafetyOverrides;
import dev.bbpush.client.safety.SafetyScanner;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one push needs. Immutable; build with {@link #builder()}. Only {@link Builder#repository} and {@link
 * Builder#changes} are required; the defaults mirror the CLI ({@code bbpush push}):
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Builder method</th><th>CLI</th><th>Default</th></tr>
 *   <tr><td>{@code repository(ws, repo)}</td><td>{@code --repo WS/REPO}</td><td>required</td></tr>
 *   <tr><td>{@code changes(ChangeSet)}</td><td>{@code PATH...}, {@code --to}, {@code --include}, {@code
 *       --exclude}</td><td>required</td></tr>
 *   <tr><td>{@code branch}</td><td>{@code --branch}</td><td>the main branch</td></tr>
 *   <tr><td>{@code base}</td><td>{@code --base}</td><td>the main branch (used when {@code branch} is new)</td></tr>
 *   <tr><td>{@code mirror(prefix)}</td><td>{@code --delete} (prefix = {@code --to})</td><td>off</td></tr>
 *   <tr><td>{@code message}</td><td>{@code --message}</td><td>{@code bbpush: N added, M modified, D deleted}</td></tr>
 *   <tr><td>{@code author}</td><td>{@code --author "Name <email>"}</td><td>Bitbucket's: the caller</td></tr>
 *   <tr><td>{@code pullRequest}</td><td>{@code --pr TITLE}, {@code --pr-description}</td><td>none</td></tr>
 *   <tr><td>{@code dryRun}</td><td>{@code --dry-run}</td><td>false</td></tr>
 *   <tr><td>{@code conflictTimeout}</td><td>{@code --conflict-timeout}</td><td>2 minutes</td></tr>
 * </table>
 */
public final class PushRequest {
    /** The default of {@link Builder#conflictTimeout(Duration)}: 2 minutes. */
    public static final Duration DEFAULT_CONFLICT_TIMEOUT = Duration.ofMinutes(2);

    private final String workspace;
    private final String repo;
    private final ChangeSet changes;
    private final Optional<String> branch;
    private final Optional<String> base;
    private final Optional<String> mirrorPrefix;
    private final Optional<String> message;
    private final Optional<String> author;
    private final Optional<PullRequestSpec> pullRequest;
    private final boolean dryRun;
    private final boolean safetyChecks;
    private final SafetyScanner scanner;
    private final PushListener listener;
    private final PlanSource planSource;
    private final Optional<URI> gitUrl;
    private final ChangeIdTrailer trailer;
    private final Duration conflictTimeout;

    private PushRequest(Builder b) {
        this.workspace = b.workspace;
        this.repo = b.repo;
        this.changes = b.changes;
        this.branch = Optional.ofNullable(b.branch);
        this.base = Optional.ofNullable(b.base);
        this.mirrorPrefix = Optional.ofNullable(b.mirrorPrefix);
        this.message = Optional.ofNullable(b.message);
        this.author = Optional.ofNullable(b.author);
        this.pullRequest = Optional.ofNullable(b.pullRequest);
        this.dryRun = b.dryRun;
        this.safetyChecks = b.safetyChecks;
        this.scanner = b.scanner.withOverrides(b.overrides);
        this.listener = b.listener;
        this.planSource = b.planSource;
        this.gitUrl = Optional.ofNullable(b.gitUrl);
        this.trailer = b.trailer;
        this.conflictTimeout = b.conflictTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String workspace() {
        return workspace;
    }

    public String repo() {
        return repo;
    }

    public ChangeSet changes() {
        return changes;
    }

    /** The target branch; empty = the repository's main branch. */
    public Optional<String> branch() {
        return branch;
    }

    /** The branch a new {@link #branch()} starts from; empty = the main branch. */
    public Optional<String> base() {
        return base;
    }

    /** Mirror mode's prefix ({@code ""} = whole repository); empty when mirror mode is off. */
    public Optional<String> mirrorPrefix() {
        return mirrorPrefix;
    }

    public Optional<String> message() {
        return message;
    }

    public Optional<String> author() {
        return author;
    }

    public Optional<PullRequestSpec> pullRequest() {
        return pullRequest;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public boolean safetyChecks() {
        return safetyChecks;
    }

    public SafetyScanner scanner() {
        return scanner;
    }

    public PushListener listener() {
        return listener;
    }

    public PlanSource planSource() {
        return planSource;
    }

    /** The Git URL override; empty = derived from the API URL (see docs/push.md). */
    public Optional<URI> gitUrl() {
        return gitUrl;
    }

    ChangeIdTrailer trailer() {
        return trailer;
    }

    /**
     * How long the push keeps retrying after Bitbucket refuses the commit because the branch moved (409) while the
     * changes that landed touched none of this push's paths. See {@link Builder#conflictTimeout(Duration)}.
     */
    public Duration conflictTimeout() {
        return conflictTimeout;
    }

    /** Names the repository, branches and counts; never contents. */
    @Override
    public String toString() {
        return "PushRequest[" + workspace + "/" + repo + " " + changes + ", branch=" + branch.orElse("(main)")
                + base.map(b -> ", base=" + b).orElse("")
                + mirrorPrefix.map(p -> ", mirror='" + p + "'").orElse("")
                + (dryRun ? ", dry-run" : "") + pullRequest.map(p -> ", pr").orElse("") + "]";
    }

    /** Builds a {@link PushRequest}. */
    public static final class Builder {
        private String workspace;
        private String repo;
        private ChangeSet changes;
        private String branch;
        private String base;
        private String mirrorPrefix;
        private String message;
        private String author;
        private PullRequestSpec pullRequest;
        private boolean dryRun;
        private boolean safetyChecks = true;
        private SafetyScanner scanner = SafetyScanner.defaults();
        private SafetyOverrides overrides = SafetyOverrides.none();
        private PushListener listener = PushListener.NONE;
        private PlanSource planSource = PlanSource.AUTO;
        private URI gitUrl;
        private ChangeIdTrailer trailer = new ChangeIdTrailer();
        private Duration conflictTimeout = DEFAULT_CONFLICT_TIMEOUT;

        private Builder() {}

        /** The repository, e.g. {@code ("acme", "infra")}. */
        public Builder repository(String workspace, String repo) {
            this.workspace = requireName(workspace, "workspace");
            this.repo = requireName(repo, "repo");
            return this;
        }

        /** The files to write and remove. The caller keeps ownership (and closes it). */
        public Builder changes(ChangeSet changes) {
            this.changes = Objects.requireNonNull(changes, "changes");
            return this;
        }

        /**
         * The target branch (without {@code refs/heads/}). A branch that does not exist is created by the commit, from
         * the head of {@link #base}. Default: the main branch.
         *
         * @throws IllegalArgumentException for a name git would refuse
         */
        public Builder branch(String branch) {
            this.branch = validBranch(branch, "branch");
            return this;
        }

        /** The branch a new {@link #branch} starts from (and the pull request's default destination). Default: main. */
        public Builder base(String base) {
            this.base = validBranch(base, "base");
            return this;
        }

        /**
         * Mirror mode ({@code --delete}): remote files under {@code prefix} that the change set does not put are
         * deleted, except files a directory walk filtered out (see {@code ChangeSet#withMirrorDeletes}). {@code ""}
         * mirrors the whole repository.
         */
        public Builder mirror(String prefix) {
            this.mirrorPrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /** The commit message; the change-id trailer is appended. */
        public Builder message(String message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /**
         * The author, {@code Full Name <email@example.com>}.
         *
         * @throws IllegalArgumentException if it is not shaped like that
         */
        public Builder author(String author) {
            new CommitMetadata(null, author, null, null); // validates
            this.author = author;
            return this;
        }

        /** Open (or reuse) a pull request after the push. */
        public Builder pullRequest(PullRequestSpec pullRequest) {
            this.pullRequest = Objects.requireNonNull(pullRequest, "pullRequest");
            return this;
        }

        /** Plan only: read the remote side, report the plan, write nothing. */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /** The scanner for the safety checks (default {@link SafetyScanner#defaults()}). */
        public Builder safetyScanner(SafetyScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner");
            return this;
        }

        /** Per-path, per-rule exceptions to the safety checks. */
        public Builder safetyOverrides(SafetyOverrides overrides) {
            this.overrides = Objects.requireNonNull(overrides, "overrides");
            return this;
        }

        /** Turns the safety checks off altogether. Default on; turning them off is for tests and tools that scan first. */
        public Builder safetyChecks(boolean on) {
            this.safetyChecks = on;
            return this;
        }

        public Builder listener(PushListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** How the remote side is read. Default {@link PlanSource#AUTO}. */
        public Builder planSource(PlanSource planSource) {
            this.planSource = Objects.requireNonNull(planSource, "planSource");
            return this;
        }

        /**
         * The Git smart HTTP URL of the repository, when it cannot be derived from the API URL. The credential is sent
         * there, so the API URL's rule applies.
         *
         * @throws IllegalArgumentException for plain http to a non-loopback host, user info, a query or a fragment
         */
        public Builder gitUrl(URI gitUrl) {
            this.gitUrl = ApiUrls.check(
                    Objects.requireNonNull(gitUrl, "gitUrl"), "gitUrl", "https://bitbucket.org/acme/infra.git");
            return this;
        }

        /** The commit-message trailer key of the idempotency id. Default {@code Bbpush-Change-Id}. */
        public Builder changeIdKey(String key) {
            this.trailer = new ChangeIdTrailer(key);
            return this;
        }

        /**
         * The budget for racing other writers on a busy branch. When Bitbucket refuses the commit with 409 (the branch
         * moved) and the commits that landed meanwhile touched none of this push's paths, the push waits a random,
         * growing time (full-jitter exponential backoff, 100 ms doubling up to 5 s, through the client's {@link
         * dev.bbpush.client.http.RetryPolicy#sleeper()}), rebases and sends again, until it lands or this much time has
         * passed since the first commit request; then {@link BranchBusyException}. A commit request already under way is
         * never cut short. {@link Duration#ZERO} sends once and never retries after a 409. Default 2 minutes.
         *
         * <p>Overlapping changes end the push at once with {@link PushConflictException}, whatever the budget. Retries
         * after no answer, a 5xx or a 429 are bounded by the client's {@link dev.bbpush.client.http.RetryPolicy}
         * instead.
         *
         * @throws IllegalArgumentException if {@code timeout} is negative
         */
        public Builder conflictTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("conflictTimeout must not be negative: " + timeout);
            }
            this.conflictTimeout = timeout;
            return this;
        }

        /**
         * @throws IllegalStateException if the repository or the change set is missing
         * @throws IllegalArgumentException if a pull request is requested for the same branch as its destination
         */
        public PushRequest build() {
            if (workspace == null || repo == null) {
                throw new IllegalStateException("repository(workspace, repo) is required");
            }
            if (changes == null) {
                throw new IllegalStateException("changes(ChangeSet) is required");
            }
            if (pullRequest != null) {
                String dest = pullRequest.destination().orElse(base);
                if (branch == null || branch.equals(dest)) {
                    throw new IllegalArgumentException(
                            "a pull request needs a branch other than its destination: set branch"
                                    + " (--branch) to the branch to push, e.g. 'bbpush/update'");
                }
            }
            return new PushRequest(this);
        }

        private static String requireName(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isBlank() || value.contains("/")) {
                throw new IllegalArgumentException(
                        name + " must be a single non-blank path segment, got '" + value + "'");
            }
            return value;
        }

        private static String validBranch(String branch, String name) {
            Objects.requireNonNull(branch, name);
            try {
                new CommitMetadata(null, null, null, branch);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            return branch;
        }
    }
}
