package dev.bbpush.client.push;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.changes.LocalTree;
import dev.bbpush.client.changes.RepoPaths;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.safety.SafetyReport;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pushes a change set to a Bitbucket Cloud branch as <b>one</b> commit, exactly once, and optionally opens a pull
 * request. See docs/push.md for the algorithm and its request counts.
 *
 * <pre>{@code
 * PushResult r = new Pusher(client).push(PushRequest.builder()
 *     .repository("acme", "infra").changes(changeSet)
 *     .branch("feature/x").pullRequest(PullRequestSpec.titled("Update network"))
 *     .build());
 * }</pre>
 *
 * <p>Steps: (1) the safety checks, before any request; (2) the plan: the branch head and its tree (Git smart HTTP,
 * else the REST listing), compared with local blob ids — added, modified, deleted, unchanged; (3) when something
 * changes and it is not a dry run, one {@code POST /src} guarded by {@code parents} with a change-id trailer, retried
 * only when that is provably safe; (4) the pull request. A push with nothing to change creates no commit ({@link
 * PushStatus#UNCHANGED}); a new branch with nothing to change is not created.
 *
 * <p><b>Retry safety.</b> Calling {@link #push} again with the same request after any failure is safe: it plans
 * against the current head, so changes that landed are unchanged the second time. Stateless and thread-safe; the
 * client is not closed.
 */
public final class Pusher {
    private static final int GIT_TIMEOUT_SECONDS = 60;

    private final BitbucketClient client;

    public Pusher(BitbucketClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Runs one push.
     *
     * @return the outcome: committed, unchanged or dry-run, with the plan, the pull request and request counts
     * @throws SafetyBlockedException the safety checks blocked the push; no request was sent
     * @throws PushConflictException the branch moved and the other change touched our paths; nothing was committed
     * @throws BranchBusyException other writers' commits on other paths kept moving the branch for the whole {@link
     *     PushRequest#conflictTimeout()}; nothing was committed, running the same push again is safe
     * @throws PushRefusedException the push cannot be done as asked (missing base branch...); nothing was written
     * @throws PushOutcomeUnknownException the commit request and the check afterwards both failed; run it again
     * @throws PullRequestFailedException the push finished but the pull request failed; run it again
     * @throws dev.bbpush.client.error.BitbucketApiException Bitbucket refused (401, 403, 404, 400...); nothing was
     *     committed
     * @throws dev.bbpush.client.error.TransportException no answer after retries, and the branch shows that nothing
     *     landed
     * @throws dev.bbpush.client.changes.LocalContentException a local file could not be read, or changed while pushing
     *     (named in the message); nothing was committed
     */
    public PushResult push(PushRequest request) {
        Objects.requireNonNull(request, "request");
        PushListener listener = request.listener();
        // Hashing reads only local files, so it runs while the safety checks read the same files and then while the
        // remote tree is read over the network. Nothing is sent before the checks pass.
        AtomicReference<Thread> hasher = new AtomicReference<>();
        CompletableFuture<LocalTree> hashing = CompletableFuture.supplyAsync(
                () -> io(() -> LocalTree.of(request.changes())), r -> hasher.set(startHashingThread(r)));
        Run run;
        Target target;
        LocalTree local;
        String mirror = request.mirrorPrefix().map(RepoPaths::normalizePrefix).orElse(null);
        try {
            Optional<SafetyReport> safety = Optional.empty();
            if (request.safetyChecks()) {
                SafetyReport report = io(() -> request.scanner().scan(request.changes()));
                if (report.blocked()) {
                    throw new SafetyBlockedException(report);
                }
                listener.onEvent(new PushEvent.SafetyChecked(report));
                safety = Optional.of(report);
            }
            run = new Run(request, safety);
            target = new TargetReader(client, request, run.rest, run.gitRequests, GIT_TIMEOUT_SECONDS).read(mirror);
            local = await(hashing);
        } finally {
            // If the checks blocked or reading the target failed, the hashing thread must not go on reading the
            // caller's files after push() returns (the CLI deletes spooled stdin then): interrupt it and wait for it.
            stop(hasher.get());
        }
        RestCalls rest = run.rest;
        RemoteTree tree = target.tree();
        Planner.Planned planned = Planner.plan(
                request.changes(),
                local,
                tree,
                mirror,
                target.branch(),
                target.baseBranch(),
                target.newBranch(),
                (path, size) -> rest.rawFileBlobId(tree.head(), path, size));
        listener.onEvent(new PushEvent.PlanReady(planned.plan()));

        Optional<String> destination = request.pullRequest()
                .map(pr -> pr.destination().or(request::base).orElseGet(() -> target.main(rest)));
        if (destination.isPresent() && destination.get().equals(target.branch())) {
            throw new PushRefusedException("The pull request's source and destination are both '" + target.branch()
                    + "'. Push to another branch (--branch), or leave out the pull request.");
        }
        if (request.dryRun()) {
            return run.result(PushStatus.DRY_RUN, null, planned.plan(), 0, null);
        }

        PushResult result;
        if (!planned.plan().hasChanges()) {
            result = run.result(PushStatus.UNCHANGED, null, planned.plan(), 0, null);
        } else {
            CommitProtocol.Outcome o = new CommitProtocol(rest, request, run.changeId).commit(planned);
            result = run.result(PushStatus.COMMITTED, o.sha(), o.plan(), o.attempts(), null);
        }
        if (destination.isEmpty()) {
            return result;
        }
        PullRequestResult pr;
        try {
            pr = result.status() == PushStatus.UNCHANGED && target.newBranch()
                    // The branch was never created (nothing to commit), so there is nothing to pull.
                    ? PullRequestOpener.noChanges(target.branch(), destination.get())
                    : new PullRequestOpener(rest).open(request.pullRequest().get(), target.branch(), destination.get());
        } catch (RuntimeException e) {
            throw new PullRequestFailedException(
                    run.result(
                            result.status(),
                            result.commit().orElse(null),
                            result.plan(),
                            result.commitAttempts(),
                            null),
                    e);
        }
        listener.onEvent(new PushEvent.PullRequestReady(pr));
        return run.result(result.status(), result.commit().orElse(null), result.plan(), result.commitAttempts(), pr);
    }

    /** The state of one {@link #push} call: its counters, change id and REST view. */
    private final class Run {
        final PushRequest request;
        final Optional<SafetyReport> safety;
        final AtomicInteger restRequests = new AtomicInteger();
        final AtomicInteger gitRequests = new AtomicInteger();
        final UUID changeId = UUID.randomUUID();
        final RestCalls rest;

        Run(PushRequest request, Optional<SafetyReport> safety) {
            this.request = request;
            this.safety = safety;
            HttpTransport http = client.http().withListener(e -> {
                if (e instanceof HttpEvent.RequestSent) {
                    restRequests.incrementAndGet();
                }
            });
            this.rest = new RestCalls(client, http, request.workspace(), request.repo());
        }

        PushResult result(PushStatus status, String commit, PushPlan plan, int attempts, PullRequestResult pr) {
            Optional<String> sha = Optional.ofNullable(commit);
            Optional<String> url =
                    sha.map(s -> WebUrls.commitUrl(client.apiUrl(), request.workspace(), request.repo(), s));
            return new PushResult(
                    status,
                    sha,
                    url,
                    plan.branch(),
                    plan,
                    Optional.ofNullable(pr),
                    new RequestCounts(restRequests.get(), gitRequests.get()),
                    safety,
                    attempts,
                    changeId.toString());
        }
    }

    private interface IoCall<T> {
        T call() throws IOException;
    }

    /** Runs a local read; a failure the reader did not attribute to one file is still a local one. */
    private static <T> T io(IoCall<T> call) {
        try {
            return call.call();
        } catch (IOException e) {
            throw new LocalContentException(null, "a local input", "could not be read (" + e + ")", e);
        }
    }

    /** The default Git URL for a repository: see docs/push.md. */
    public static URI defaultGitUrl(URI apiUrl, String workspace, String repo) {
        return WebUrls.gitUrl(apiUrl, workspace, repo);
    }

    private static Thread startHashingThread(Runnable r) {
        Thread t = new Thread(r, "bbpush-hash");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void stop(Thread t) {
        if (t == null || !t.isAlive()) {
            return;
        }
        t.interrupt();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The hashed local tree; a failure while hashing is rethrown as it was raised. */
    private static LocalTree await(CompletableFuture<LocalTree> hashing) {
        try {
            return hashing.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
