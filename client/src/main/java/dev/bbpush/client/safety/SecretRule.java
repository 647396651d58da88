package dev.bbpush.client.safety;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * One secret-detection rule: a line pattern whose {@code secretGroup} is the secret, applied to files whose
 * repository path passes {@code appliesTo}, optionally only when {@code fileCondition} occurs somewhere in the
 * scanned text (for multi-line shapes such as a GCP key file). All rules live in {@link SecretRules#ALL}.
 *
 * @param id stable rule id, used in findings and overrides; never change a published id
 * @param description what the rule finds, for reports
 * @param appliesTo which repository paths the rule scans
 * @param fileCondition a pattern that must occur in the file, or {@code null}
 * @param line the per-line pattern
 * @param secretGroup the group holding the secret (masked in findings)
 * @param shownPrefix at most this many leading characters of the secret are shown (never more than a quarter)
 * @param accept extra check on a match (e.g. reject variable references), {@code m -> true} if none
 * @param keywords lower-case ASCII literals of which at least one occurs (ignoring ASCII case) in any text the rule
 *     can match; a file without any is skipped before the regular expressions run, which keeps the scan fast. Empty
 *     means "always run". Every keyword list must be implied by {@code line}: a prefilter may only skip files the
 *     pattern cannot match.
 */
record SecretRule(
        String id,
        String description,
        Predicate<String> appliesTo,
        Pattern fileCondition,
        Pattern line,
        int secretGroup,
        int shownPrefix,
        Predicate<MatchResult> accept,
        List<String> keywords) {
    public SecretRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(line, "line");
        keywords = List.copyOf(keywords);
    }

    /**
     * Whether the rule may match a text in which exactly the keywords that {@code occurs} accepts are present
     * (always, for a rule without keywords).
     */
    public boolean mayMatch(Predicate<String> occurs) {
        if (keywords.isEmpty()) {
            return true;
        }
        for (String k : keywords) {
            if (occurs.test(k)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return id;
    }
}
