package dev.bbpush.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.json.FailureJson;
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.SafetyBlockedException;
import dev.bbpush.client.safety.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a failed command: text on standard error ({@code bbpush: <what, why, fix>}, then the doctor's explanation
 * or the safety findings with the exact {@code --allow} syntax), or with {@code --json} one object on standard output:
 * {@code {"status":"error","exitCode":n,"error":{"type","message",...},"diagnosis":{...}|null}} (docs/cli.md).
 * Messages come from the library, which never puts secrets in them; findings carry masked matches only. The exit
 * code is decided by the caller and handed in with the error ({@link Failure}).
 */
public final class FailureOutput {
    /**
     * A failed command as the caller classified it.
     *
     * @param error what failed
     * @param exitCode the process exit code the command returns (docs/cli.md)
     * @param unexpected a bug rather than a refusal or bad input: the text then points to {@code --verbose}
     * @param usage the command line was wrong: the text then points to {@code --help}
     */
    public record Failure(RuntimeException error, int exitCode, boolean unexpected, boolean usage) {}

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;

    public FailureOutput(PrintWriter out, PrintWriter err, boolean json, boolean verbose) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
    }

    /** Prints the failure, then the doctor's explanation when there is one ({@code doctorCommand} runs it again). */
    public void print(Failure failure, Optional<Diagnosis> diagnosis, String doctorCommand) {
        if (json) {
            Json.print(out, toJson(failure.error(), failure.exitCode(), diagnosis));
        } else {
            printText(failure, diagnosis, doctorCommand);
        }
    }

    private ObjectNode toJson(RuntimeException e, int exitCode, Optional<Diagnosis> diagnosis) {
        ObjectNode o = Json.object();
        o.put("status", "error");
        o.put("exitCode", exitCode);
        o.set("error", FailureJson.error(e));
        if (diagnosis.isPresent()) {
            o.set("diagnosis", DiagnosisOutput.toJson(diagnosis.get()));
        } else {
            o.putNull("diagnosis");
        }
        if (e instanceof PullRequestFailedException p) {
            o.set("push", PushJson.result(p.pushResult()));
        }
        return o;
    }

    private void printText(Failure failure, Optional<Diagnosis> diagnosis, String doctorCommand) {
        RuntimeException e = failure.error();
        if (e instanceof SafetyBlockedException s) {
            printBlocked(s.report().blockingFindings());
        } else if (diagnosis.isPresent() && e instanceof BitbucketApiException api) {
            // The diagnosis below says why and how to fix it; the exception's general advice would only repeat it.
            err.println("bbpush: Bitbucket refused " + api.method() + " " + api.uri() + " (" + api.status()
                    + api.bitbucketMessage().map(m -> ": " + m).orElse("") + ")");
        } else {
            err.println("bbpush: " + message(e));
            if (failure.usage()) {
                err.println("Try 'bbpush push --help' for the options.");
            }
        }
        diagnosis.ifPresent(d -> {
            err.println();
            DiagnosisOutput.printBrief(err, d, doctorCommand);
        });
        if (verbose) {
            e.printStackTrace(err);
        } else if (failure.unexpected()) {
            err.println("(run with --verbose for the stack trace)");
        }
        err.flush();
    }

    private void printBlocked(List<Finding> findings) {
        err.println(
                "bbpush: push blocked by " + findings.size() + " safety finding(s); nothing was sent to Bitbucket:");
        for (Finding f : findings) {
            err.println("  " + findingLine(f));
        }
        boolean state = findings.stream().anyMatch(f -> f.ruleId().equals("terraform-profile"));
        err.println("Fix: remove the secret (or the file) and push again."
                + (state ? " Terraform state belongs in a remote backend, never in the repository." : ""));
        err.println("A false positive? Allow that one rule for that one path (per finding; see docs/safety.md):");
        err.println("  " + String.join(" ", allowFlags(findings)));
    }

    /** {@code path:line rule masked-match  (detail)}; line 0 (a whole-file finding) is left out. */
    static String findingLine(Finding f) {
        return f.path() + (f.line() > 0 ? ":" + f.line() : "") + " " + f.ruleId()
                + (f.maskedMatch().isEmpty() ? "" : " " + f.maskedMatch()) + " (" + f.detail() + ")";
    }

    /** The {@code --allow RULE:PATH} flags that would let exactly these findings through. */
    static Set<String> allowFlags(List<Finding> findings) {
        return FailureJson.allowFlags(findings);
    }

    private static String message(Throwable e) {
        return FailureJson.message(e);
    }
}
