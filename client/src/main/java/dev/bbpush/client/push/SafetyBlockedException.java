package dev.bbpush.client.push;

import dev.bbpush.client.error.BbpushException;
import dev.bbpush.client.safety.Finding;
import dev.bbpush.client.safety.SafetyReport;
import java.util.stream.Collectors;

/**
 * The safety checks found something that must not leave the machine (a secret, Terraform state...). Nothing was
 * sent: no request at all. Fix the files, or allow one rule for one path ({@code SafetyOverrides}), then push
 * again. The message and {@link #report()} show masked matches only.
 */
public final class SafetyBlockedException extends BbpushException {
    private static final long serialVersionUID = 1L;

    private final transient SafetyReport report;

    public SafetyBlockedException(SafetyReport report) {
        super(message(report));
        this.report = report;
    }

    public SafetyReport report() {
        return report;
    }

    private static String message(SafetyReport report) {
        String list = report.blockingFindings().stream()
                .map(SafetyBlockedException::line)
                .collect(Collectors.joining("\n  "));
        return "Push refused before sending anything: "
                + report.blockingFindings().size()
                + " blocking safety finding(s):\n  " + list
                + "\nRemove the secret (or the file) and push again. For a false"
                + " positive, allow that one rule for that one path (SafetyOverrides); see docs/safety.md.";
    }

    private static String line(Finding f) {
        return f.path() + (f.line() > 0 ? ":" + f.line() : "") + " [" + f.ruleId() + "] " + f.detail()
                + (f.maskedMatch().isEmpty() ? "" : " (" + f.maskedMatch() + ")");
    }
}
