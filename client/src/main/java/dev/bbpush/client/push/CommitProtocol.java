package dev.bbpush.client.push;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.error.BbpushException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.client.http.ServerWaitHint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The exactly-once commit: one streamed {@code POST /src} with {@code parents} = the planned head (Bitbucket's
 * optimistic-concurrency guard, reference §2.2) and a change-id trailer in the message, then:
 *
 * <ul>
 *   <li>201: the new commit is the last segment of {@code Location};
 *   <li>409: the branch moved. If the commits in between touched none of our paths ({@code diffstat}; planned on an
 *       empty repository: the files of the new head's tree), the plan is rebased on the new head and sent again;
 *       otherwise {@link PushConflictException}. A 409 while the head did not move is sent again at most {@link
 *       RetryPolicy#maxAttempts()} times in a row, then {@link UnexplainedConflictException};
 *   <li>no response, or 5xx: never re-sent blindly. The branch is read again: still at the planned head → nothing
 *       landed, re-sending is safe (the {@code parents} guard stops a double commit); moved to a commit carrying our
 *       change id whose parent is the planned head → that is our commit; moved otherwise → as for 409.
 * </ul>
 *
 * <p>Retries after a 409 wait a random, growing time first (full-jitter exponential backoff, {@link #BACKOFF_BASE}
 * doubling up to {@link #BACKOFF_CAP}), so writers that lost together spread out instead of colliding again, and they
 * go on until the request's {@link PushRequest#conflictTimeout()} has passed since the first request: then {@link
 * BranchBusyException} (the branch only kept moving on other paths). Retries after no answer, a 5xx or a 429 are
 * bounded by the client's {@link RetryPolicy#maxAttempts()} and spaced by its backoff. An interrupt during any wait
 * ends the push with {@link PushInterruptedException}. Once an attempt may have reached the server without an answer
 * (no answer, 5xx), a read that fails later in the push is reported as {@link PushOutcomeUnknownException}, never as
 * a failure that implies nothing landed.
 */
final class CommitProtocol {
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** The window of the first wait after a 409; it doubles with each further 409, up to {@link #BACKOFF_CAP}. */
    static final Duration BACKOFF_BASE = Duration.ofMillis(100);

    /** The largest window of the wait after a 409. */
    static final Duration BACKOFF_CAP = Duration.ofSeconds(5);

    /** The commit that landed, the plan it was made on, how many POSTs it took. */
    record Outcome(String sha, PushPlan plan, int attempts, boolean recovered) {}

    private final RestCalls rest;
    private final PushRequest request;
    private final UUID changeId;
    private final PushListener listener;

    /**
     * The failure of an earlier attempt that may have reached the server (no answer, 5xx) although the head read after
     * it showed nothing had landed: the server may still have been writing it. Once set, a failing read later in the
     * push cannot be reported as "nothing landed" and becomes {@link PushOutcomeUnknownException}.
     */
    private RuntimeException uncertain;

    /** The target branch of this push. */
    private String branch;

    CommitProtocol(RestCalls rest, PushRequest request, UUID changeId) {
        this.rest = rest;
        this.request = request;
        this.changeId = changeId;
        this.listener = request.listener();
    }

    /** The message with the change-id trailer. */
    String message(PushPlan plan) {
        String base = request.message()
                .orElse("bbpush: " + plan.added().size() + " added, "
                        + plan.modified().size() + " modified, "
                        + plan.deleted().size() + " deleted");
        return request.trailer().append(base, changeId);
    }

    Outcome commit(Planner.Planned planned) {
        PushPlan plan = planned.plan();
        branch = plan.branch();
        uncertain = null;
        ChangeSet body = planned.commit();
        String message = message(plan);
        RetryPolicy policy = rest.http().retryPolicy();
        Instant deadline = policy.clock().instant().plus(request.conflictTimeout());
        int attempt = 0; // POSTs sent
        int failures = 0; // no answer, 5xx or 429: bounded by the policy's attempts
        int rejections = 0; // 409s: bounded by the conflict budget
        int unmoved = 0; // 409s in a row while the head stayed at the planned one: bounded by the policy's attempts
        int othersLanded = 0; // other writers' commits seen landing since the plan
        while (true) {
            attempt++;
            CommitMetadata meta = new CommitMetadata(
                    message, request.author().orElse(null), plan.head().orElse(null), plan.branch());
            Request post = Request.post(
                            rest.srcEndpoint(), new ProgressEntity(SrcMultipartBody.of(meta, body), listener))
                    .noRetry()
                    .build();
            Response r;
            try {
                r = rest.http().exchange(post);
            } catch (LocalContentException e) {
                return afterLocalFailure(plan, e, attempt);
            } catch (TransportException e) {
                failures++;
                if (!e.mayHaveReachedServer()) {
                    if (failures >= policy.maxAttempts()) {
                        throw e;
                    }
                    retrying(PushEvent.Reason.TRANSPORT_FAILURE, attempt, e.getMessage());
                    pause(failures, Optional.empty(), e);
                    continue;
                }
                Resolution res = resolve(plan, e);
                if (res.landed != null) {
                    return landed(res.landed, plan, attempt, true);
                }
                uncertain = e;
                plan = res.moved == null ? plan : afterMove(plan, res.moved, planned.scope());
                if (failures >= policy.maxAttempts()) {
                    throw e; // the head was checked: nothing of this push landed
                }
                retrying(PushEvent.Reason.TRANSPORT_FAILURE, attempt, e.getMessage());
                pause(failures, Optional.empty(), e);
                continue;
            }
            if (r.status() == 201) {
                Optional<String> sha = r.header("Location")
                        .map(l -> l.substring(l.lastIndexOf('/') + 1).toLowerCase())
                        .filter(s -> SHA1.matcher(s).matches());
                if (sha.isPresent()) {
                    return landed(sha.get(), plan, attempt, false);
                }
                // No Location (reference §2.3 says a client may then read the branch): find our commit by its change
                // id.
                Resolution res = resolve(plan, RestCalls.unexpected(r, "201 without a Location header"));
                if (res.landed != null) {
                    return landed(res.landed, plan, attempt, false);
                }
                throw RestCalls.unexpected(
                        r, "201 without a Location header, and no commit with our change id on the branch");
            }
            RuntimeException failure = rest.http().toException(r);
            if (r.status() == 409) {
                rejections++;
                // Wait first, then read: the head read after the wait is the freshest one to rebase on.
                boolean budgetLeft = waitAfterRejection(rejections, deadline);
                // A 409 proves this attempt did not land, so a failed read is reported as itself, unless an earlier
                // attempt
                // may have reached the server: then the outcome is unknown.
                PushPlan at = plan;
                Optional<String> now = readOrUnknown(at, AFTER_409, () -> rest.branchHead(at.branch()));
                if (now.isPresent() && !now.equals(plan.head())) {
                    unmoved = 0;
                    // An earlier attempt whose answer was lost may have landed after all and be what moved the branch.
                    Since since = readOrUnknown(
                            at, AFTER_409, () -> since(now.get(), at.head().orElse(null)));
                    if (since.ours().isPresent()) {
                        return landed(since.ours().get(), plan, attempt, true);
                    }
                    othersLanded += since.others();
                    plan = afterMove(plan, now.get(), planned.scope()); // an overlap ends the push here, budget or not
                } else if (++unmoved >= policy.maxAttempts()) {
                    // Bitbucket's 409 on POST /src means "parents is not the branch tip", yet the tip is our parent:
                    // not a race
                    // with other writers, so waiting out the conflict budget would not help.
                    throw unmovedConflict(plan, now, unmoved, failure);
                }
                if (!budgetLeft) {
                    throw new BranchBusyException(plan.branch(), rejections, othersLanded, request.conflictTimeout());
                }
                retrying(PushEvent.Reason.BRANCH_MOVED, attempt, "409: the branch moved to " + now.orElse("?"));
                continue;
            }
            if (r.status() >= 500) {
                failures++;
                Resolution res = resolve(plan, failure);
                if (res.landed != null) {
                    return landed(res.landed, plan, attempt, true);
                }
                uncertain = failure;
                plan = res.moved == null ? plan : afterMove(plan, res.moved, planned.scope());
                if (failures >= policy.maxAttempts()) {
                    throw failure; // the head was checked: nothing of this push landed
                }
                retrying(PushEvent.Reason.SERVER_ERROR, attempt, String.valueOf(r.status()));
                pause(failures, serverHint(r), failure);
                continue;
            }
            if (r.status() == 429) {
                failures++;
                if (failures >= policy.maxAttempts()) {
                    throw failure;
                }
                // Refused before it was handled (rate limit): nothing landed, so re-sending after the wait is safe.
                retrying(PushEvent.Reason.RATE_LIMITED, attempt, "429");
                pause(failures, serverHint(r), failure);
                continue;
            }
            throw failure;
        }
    }

    /**
     * After the {@code n}th 409 in this push: waits the full-jitter backoff, cut short at the deadline. Returns false,
     * without waiting, when the budget is spent: the caller then makes no new attempt. An interrupt ends the push with
     * {@link PushInterruptedException} (the interrupt flag stays set).
     */
    private boolean waitAfterRejection(int n, Instant deadline) {
        RetryPolicy policy = rest.http().retryPolicy();
        Duration left = Duration.between(policy.clock().instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            return false;
        }
        Duration wait = policy.fullJitter(n, BACKOFF_BASE, BACKOFF_CAP);
        try {
            policy.sleeper().sleep(wait.compareTo(left) < 0 ? wait : left);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
        return true;
    }

    private PushInterruptedException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new PushInterruptedException(
                branch, changeId.toString(), request.trailer().key(), uncertain == null, e);
    }

    private static final String AFTER_409 = "after a later attempt was refused with 409, reading the branch failed";

    /**
     * A read of the branch during the push ({@code when} says which, for the message). Its failure is thrown as itself
     * when every earlier attempt is known not to have landed; otherwise (an earlier attempt got no answer or a 5xx, so
     * the server may have been writing it) as {@link PushOutcomeUnknownException}.
     */
    private <T> T readOrUnknown(PushPlan plan, String when, Supplier<T> read) {
        try {
            return read.get();
        } catch (BbpushException e) {
            if (uncertain == null) {
                throw e;
            }
            throw new PushOutcomeUnknownException(
                    plan.branch(),
                    changeId.toString(),
                    request.trailer().key(),
                    when + " (" + e.getMessage() + ")",
                    uncertain);
        }
    }

    /** Bitbucket answered 409 {@code times} in a row although the branch head ({@code now}) did not move. */
    private RuntimeException unmovedConflict(PushPlan plan, Optional<String> now, int times, RuntimeException failure) {
        if (!(failure instanceof ConflictException c)) {
            return failure;
        }
        return new UnexplainedConflictException(plan.branch(), now.orElse(null), times, c.getMessage(), c.failure());
    }

    /**
     * A local file changed or became unreadable while the body was sent. Bitbucket only commits complete bodies, so
     * nothing should have landed; the head is read once to be sure, then the local failure is thrown (never retried).
     */
    private Outcome afterLocalFailure(PushPlan plan, LocalContentException e, int attempt) {
        Optional<String> now = readHead(plan, e);
        String expected = plan.head().orElse(null);
        if (now.isPresent() && !now.get().equals(expected)) {
            Optional<String> ours;
            try {
                ours = ourCommitSince(now.get(), expected);
            } catch (BbpushException readFailure) {
                throw new PushOutcomeUnknownException(
                        plan.branch(), changeId.toString(), request.trailer().key(), e);
            }
            if (ours.isPresent()) {
                return landed(ours.get(), plan, attempt, true);
            }
        }
        throw e;
    }

    private Outcome landed(String sha, PushPlan plan, int attempts, boolean recovered) {
        report(new PushEvent.CommitCreated(sha, plan.branch(), recovered));
        return new Outcome(sha, plan, attempts, recovered);
    }

    /** Once the commit is under way, a throwing listener must not hide its outcome: such failures are ignored. */
    private void report(PushEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            // Ignored on purpose (docs/push.md, "Listener events").
        }
    }

    /**
     * Waits before the next attempt (the policy's backoff, or the server's {@code Retry-After}), so attempts after
     * 5xx answers or failed connections are spread out. A wait longer than the policy's total time ends the push with
     * {@code last} (it was resolved: nothing of ours landed); an interrupt with {@link PushInterruptedException}.
     */
    private void pause(int failures, Optional<Duration> hint, RuntimeException last) {
        RetryPolicy policy = rest.http().retryPolicy();
        Duration wait = policy.waitAfter(failures, hint);
        if (wait.compareTo(policy.maxTotalTime()) > 0) {
            throw last;
        }
        try {
            policy.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private Optional<Duration> serverHint(Response r) {
        return r.status() == 429 || r.status() == 503
                ? ServerWaitHint.of(
                        r.headers(), rest.http().retryPolicy().clock().instant())
                : Optional.empty();
    }

    private void retrying(PushEvent.Reason reason, int attempt, String detail) {
        report(new PushEvent.Retrying(reason, attempt + 1, detail));
    }

    /** After an unknown outcome: our commit ({@code landed}), someone else's head ({@code moved}) or neither. */
    private record Resolution(String landed, String moved) {}

    private Resolution resolve(PushPlan plan, RuntimeException cause) {
        Optional<String> now = readHead(plan, cause);
        String expected = plan.head().orElse(null);
        if (now.isEmpty() || now.get().equals(expected)) {
            return new Resolution(null, null); // nothing landed: re-sending is safe
        }
        Optional<String> ours;
        try {
            ours = ourCommitSince(now.get(), expected);
        } catch (BbpushException e) {
            throw new PushOutcomeUnknownException(
                    plan.branch(), changeId.toString(), request.trailer().key(), cause);
        }
        if (ours.isEmpty() && expected == null) {
            // A root commit has no parents guard: someone else's first commit is there, and ours, if the server is
            // still
            // writing it, would land on top of it. Re-sending could commit twice, and "nothing was committed" may be
            // false.
            throw new PushOutcomeUnknownException(
                    plan.branch(),
                    changeId.toString(),
                    request.trailer().key(),
                    "the branch was created by another commit meanwhile",
                    cause);
        }
        return ours.map(sha -> new Resolution(sha, null)).orElseGet(() -> new Resolution(null, now.get()));
    }

    /**
     * Our commit among those reachable from {@code head} but not from {@code expected} (a commit carrying our change id
     * whose parent is {@code expected}), if an earlier attempt landed after all.
     */
    private Optional<String> ourCommitSince(String head, String expected) {
        return since(head, expected).ours();
    }

    /** The commits between {@code expected} and {@code head}: ours (if one landed) and how many are others'. */
    private record Since(Optional<String> ours, int others) {}

    private Since since(String head, String expected) {
        List<RestCalls.CommitInfo> commits = rest.commitsSince(head, expected, 4);
        for (RestCalls.CommitInfo c : commits) {
            boolean ours = request.trailer()
                    .parse(c.message())
                    .filter(changeId::equals)
                    .isPresent();
            if (ours && (expected == null || c.parents().contains(expected))) {
                return new Since(Optional.of(c.hash()), commits.size() - 1);
            }
        }
        return new Since(Optional.empty(), commits.size());
    }

    private Optional<String> readHead(PushPlan plan, RuntimeException cause) {
        try {
            return rest.branchHead(plan.branch());
        } catch (BbpushException e) {
            throw new PushOutcomeUnknownException(
                    plan.branch(), changeId.toString(), request.trailer().key(), cause);
        }
    }

    /**
     * The branch moved from the planned head to {@code newHead}: rebase the plan when the change in between touched
     * none of our paths, else throw {@link PushConflictException}. Planned on an empty repository (no head), the change
     * in between is the whole tree of {@code newHead}.
     */
    private PushPlan afterMove(PushPlan plan, String newHead, Set<String> scope) {
        String expected = plan.head().orElse(null);
        String mirror = request.mirrorPrefix().orElse(null);
        // Planned on an empty repository: the other writers' change is everything in the new head's tree.
        List<String> changed = readOrUnknown(
                plan,
                "listing the other writers' changes failed",
                () -> expected == null ? rest.filesAt(newHead) : rest.changedPaths(expected, newHead));
        List<String> overlap = changed.stream()
                .filter(p -> overlaps(p, scope, mirror))
                .distinct()
                .sorted()
                .toList();
        if (!overlap.isEmpty()) {
            throw new PushConflictException(plan.branch(), expected, newHead, overlap);
        }
        return plan.rebasedOn(newHead);
    }

    static boolean overlaps(String path, Set<String> scope, String mirrorPrefix) {
        if (mirrorPrefix != null
                && (mirrorPrefix.isEmpty() || path.equals(mirrorPrefix) || path.startsWith(mirrorPrefix + "/"))) {
            return true;
        }
        if (scope.contains(path)) {
            return true;
        }
        for (String t : scope) {
            if (path.startsWith(t + "/") || t.startsWith(path + "/")) {
                return true;
            }
        }
        return false;
    }
}
