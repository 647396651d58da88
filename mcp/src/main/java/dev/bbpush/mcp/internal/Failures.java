package dev.bbpush.mcp.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.changes.InvalidChangeSetException;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.diagnose.Cause;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Doctor;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.json.DiagnosisJson;
import dev.bbpush.client.json.FailureJson;
import dev.bbpush.client.json.PushResultJson;
import dev.bbpush.client.push.BranchBusyException;
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.PushConflictException;
import dev.bbpush.client.push.PushInterruptedException;
import dev.bbpush.client.push.PushOutcomeUnknownException;
import dev.bbpush.client.push.PushRefusedException;
import dev.bbpush.client.push.SafetyBlockedException;
import dev.bbpush.client.push.UnexplainedConflictException;
import dev.bbpush.client.safety.Finding;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failed tool call into its error result: {@code {"status":"error", "cause", "summary", "fix", "error":
 * {"type", "message", ...}, "diagnosis": {...}|null}} (plus {@code "push"} when the push landed but its pull request
 * failed). The {@code error} and {@code diagnosis} objects are those of {@code bbpush push --json}. A refused
 * credential (401, 403, 404) or a request without an answer is explained by the auth doctor, exactly as the CLI does,
 * and the doctor's cause id, summary and fix lead the result. Nothing here holds a secret: library messages never
 * do, findings are masked, credentials are shown masked.
 */
final class Failures {
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

    private final Connection connection;

    Failures(Connection connection) {
        this.connection = connection;
    }

    /** The error result of {@code e}, a failure of a call about {@code repository} (when known). */
    ObjectNode toJson(RuntimeException e, Optional<RepositoryRef> repository, Set<Operation> operations) {
        Optional<Diagnosis> diagnosis = diagnose(e, repository, operations);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", "error");
        Verdict v = diagnosis
                .map(d -> new Verdict(d.cause().id(), d.summary(), d.fix()))
                .orElseGet(() -> verdict(e));
        o.put("cause", v.cause());
        o.put(
                "summary",
                e instanceof PullRequestFailedException p
                        ? "The push finished (" + p.pushResult().status().wireName()
                                + "), but the pull request failed: " + v.summary()
                        : v.summary());
        o.put("fix", v.fix());
        o.set("error", FailureJson.error(e));
        if (diagnosis.isPresent()) {
            o.set("diagnosis", DiagnosisJson.of(diagnosis.get()));
        } else {
            o.putNull("diagnosis");
        }
        if (e instanceof PullRequestFailedException p) {
            o.set("push", PushResultJson.of(p.pushResult()));
        }
        if (v.cause().equals(ToolCause.UNEXPECTED.id())) {
            LOG.error("Unexpected failure in a tool call", e);
        }
        return o;
    }

    private record Verdict(String cause, String summary, String fix) {}

    private Verdict verdict(RuntimeException e) {
        Throwable t = e instanceof PullRequestFailedException && e.getCause() != null ? e.getCause() : e;
        String message = FailureJson.message(t);
        if (t instanceof ToolFailure f) {
            return new Verdict(f.causeId(), f.summary(), f.fix());
        }
        if (t instanceof SafetyBlockedException s) {
            List<Finding> findings = s.report().blockingFindings();
            boolean state = findings.stream().anyMatch(f -> f.ruleId().equals("terraform-profile"));
            return new Verdict(
                    ToolCause.SAFETY_BLOCKED.id(),
                    "Push blocked by " + findings.size() + " safety finding(s); nothing was sent to Bitbucket: "
                            + findings.stream().map(Failures::findingLine).collect(Collectors.joining("; ")) + ".",
                    "Remove the secret (or the file) and push again."
                            + (state ? " Terraform state belongs in a remote backend, never in the repository." : "")
                            + " A false positive? Only the person running the server can allow that one rule for that one path: "
                            + String.join(" ", FailureJson.allowFlags(findings)) + " on the server's command.");
        }
        if (t instanceof PushConflictException c) {
            return new Verdict(
                    ToolCause.CONFLICT.id(),
                    message,
                    "Read the files again on '" + c.branch()
                            + "' (read_file), merge your change into them, and push again.");
        }
        if (t instanceof UnexplainedConflictException u) {
            return new Verdict(
                    ToolCause.REQUEST_REFUSED.id(),
                    beforeFix(message),
                    "Call the tool again later with the same arguments (it is safe: nothing was committed). If it keeps "
                            + "failing, the branch '" + u.branch()
                            + "' may be being rewritten or restricted in Bitbucket.");
        }
        if (t instanceof PushInterruptedException i) {
            return i.nothingLanded()
                    ? new Verdict(
                            ToolCause.INTERRUPTED.id(),
                            message,
                            "Call the tool again with the same arguments: nothing was committed, so it is safe.")
                    : new Verdict(
                            ToolCause.OUTCOME_UNKNOWN.id(),
                            message,
                            "Call the tool again with the same arguments: it plans against the branch's current head, so a commit "
                                    + "that did land (change id " + i.changeId()
                                    + ") shows as unchanged and is not made twice.");
        }
        if (t instanceof ConflictException) {
            return new Verdict(ToolCause.CONFLICT.id(), message, "Read the branch again and retry the call.");
        }
        if (t instanceof BranchBusyException b) {
            String landed = b.commitsLanded() < 0
                    ? "other writers' commits"
                    : b.commitsLanded() + " commit(s) by other writers";
            return new Verdict(
                    ToolCause.BRANCH_BUSY.id(),
                    "Branch '" + b.branch() + "' kept moving: for " + human(b.budget())
                            + " every commit attempt lost the race ("
                            + b.rejections() + " refused with 409) while " + landed
                            + " landed, none of them on this push's paths, "
                            + "so this is not a conflict. Nothing was committed.",
                    "Call the tool again with the same arguments: it is safe (it plans against the branch's new head). If the "
                            + "branch stays this busy, push to a branch of your own with a pullRequest into '"
                            + b.branch()
                            + "'; the person running the server can also give pushes more time with --conflict-timeout (e.g. 5m) "
                            + "on the server's command.");
        }
        if (t instanceof LocalContentException l) {
            return new Verdict(
                    ToolCause.LOCAL_INPUT_UNREADABLE.id(),
                    beforeFix(message),
                    "Make sure " + l.source()
                            + " exists, is readable and is not changed by another program while the push "
                            + "runs, then call the tool again. Nothing was committed, so calling again is safe.");
        }
        if (t instanceof PushRefusedException) {
            return new Verdict(
                    ToolCause.PUSH_REFUSED.id(),
                    message,
                    "Change the arguments as the summary says (its flags map to arguments: --branch to \"branch\", --base to "
                            + "\"base\", --pr to \"pullRequest\") and call the tool again. Nothing was written.");
        }
        if (t instanceof PushOutcomeUnknownException u) {
            return new Verdict(
                    ToolCause.OUTCOME_UNKNOWN.id(),
                    message,
                    "Call the tool again with the same arguments: it plans against the branch's current head, so a commit "
                            + "that did land (change id " + u.changeId()
                            + ") shows as unchanged and is not made twice.");
        }
        if (t instanceof InvalidChangeSetException || t instanceof UncheckedIOException) {
            return new Verdict(
                    ToolCause.INVALID_INPUT.id(), message, "Fix the input the summary names and call again.");
        }
        if (t instanceof IllegalArgumentException) {
            return new Verdict(ToolCause.INVALID_ARGUMENTS.id(), message, "Fix the argument and call the tool again.");
        }
        if (t instanceof RateLimitedException) {
            return new Verdict(
                    Cause.RATE_LIMITED.id(), message, "Wait, then call the tool again (it is safe to repeat).");
        }
        if (t instanceof ServerErrorException) {
            return new Verdict(
                    ToolCause.SERVER_ERROR.id(),
                    message,
                    "Bitbucket failed; call the tool again later (it is safe to repeat).");
        }
        if (t instanceof TransportException) {
            return new Verdict(
                    ToolCause.NETWORK_FAILURE.id(),
                    message,
                    "Check the server's network (proxy, DNS, BBPUSH_API_URL), then call the tool again (it is safe to "
                            + "repeat).");
        }
        if (t instanceof BitbucketApiException) {
            return new Verdict(ToolCause.REQUEST_REFUSED.id(), message, "Change the request as the summary says.");
        }
        return new Verdict(
                ToolCause.UNEXPECTED.id(),
                message,
                "This is a bbpush bug or an unclassified failure; the server's standard error has the details.");
    }

    /**
     * The doctor's explanation of a refusal (401, 403, 404), of a request without an answer, or of a missing
     * credential; empty otherwise or when the doctor itself fails (the failure is still reported as it is).
     */
    private Optional<Diagnosis> diagnose(
            RuntimeException e, Optional<RepositoryRef> repository, Set<Operation> operations) {
        Throwable failure = e instanceof PullRequestFailedException && e.getCause() != null ? e.getCause() : e;
        boolean refusal = failure instanceof AuthenticationException
                || failure instanceof AccessDeniedException
                || failure instanceof NotFoundException;
        if (!(refusal || failure instanceof TransportException || failure instanceof NoCredentialsException)) {
            return Optional.empty();
        }
        try {
            CredentialResolution resolution = connection.resolve();
            DoctorContext.Builder b = connection.doctor(resolution).operations(operations);
            repository.ifPresent(b::repository);
            DoctorContext ctx = b.build();
            if (failure instanceof NoCredentialsException) {
                return Optional.of(Doctor.diagnose(ctx));
            }
            return Optional.of(
                    failure instanceof TransportException t
                            ? Doctor.explain(t, ctx)
                            : Doctor.explain((BitbucketApiException) failure, ctx));
        } catch (RuntimeException doctorFailure) {
            LOG.warn("The auth doctor could not explain a failure: {}", FailureJson.message(doctorFailure));
            return Optional.empty();
        }
    }

    /** {@code 500ms}, {@code 90s}, {@code 2m}, {@code 1m30s}. */
    private static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        return s < 60 ? s + "s" : s / 60 + "m" + (s % 60 == 0 ? "" : s % 60 + "s");
    }

    /** The library message without its CLI-worded "Fix: ..." tail (the tool result has its own fix). */
    private static String beforeFix(String message) {
        int fix = message.indexOf(" Fix: ");
        return fix < 0 ? message : message.substring(0, fix);
    }

    /** {@code path:line rule masked-match (detail)}; line 0 (a whole-file finding) is left out. */
    private static String findingLine(Finding f) {
        return f.path() + (f.line() > 0 ? ":" + f.line() : "") + " " + f.ruleId()
                + (f.maskedMatch().isEmpty() ? "" : " " + f.maskedMatch()) + " (" + f.detail() + ")";
    }
}
