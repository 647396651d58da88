package dev.bbpush.client.safety;

import dev.bbpush.client.changes.SkippedFile;
import java.util.List;

/**
 * The outcome of the safety checks for one change set: findings (blocking or allowed by an override), files the
 * directory walks skipped and why, and files the secret scan could not fully read. Data only; rendering is the
 * caller's job. Holds no secrets.
 */
public record SafetyReport(List<Finding> findings, List<SkippedFile> skipped, List<UnscannedFile> unscanned) {
    public SafetyReport {
        findings = List.copyOf(findings);
        skipped = List.copyOf(skipped);
        unscanned = List.copyOf(unscanned);
    }

    /** Whether any finding is not allowed by an override: the push must not happen. */
    public boolean blocked() {
        return findings.stream().anyMatch(f -> !f.allowed());
    }

    /** The findings that block the push. */
    public List<Finding> blockingFindings() {
        return findings.stream().filter(f -> !f.allowed()).toList();
    }
}
