package dev.bbpush.client.safety;

import dev.bbpush.client.changes.RepoPaths;
import java.util.HashSet;
import java.util.Set;

/**
 * Exceptions to the safety checks, each for one repository path <i>and</i> one rule id: there is deliberately no
 * way to switch a rule off for all files or all rules for a file. Allowed findings are still reported (as allowed).
 * Allowing {@code terraform-profile} lets a state or plan file be pushed; that is strongly discouraged (state holds
 * secrets in clear text). Immutable.
 */
public final class SafetyOverrides {
    private record Allowance(String path, String ruleId) {}

    private final Set<Allowance> allowances;

    private SafetyOverrides(Set<Allowance> allowances) {
        this.allowances = Set.copyOf(allowances);
    }

    /** No overrides. */
    public static SafetyOverrides none() {
        return new SafetyOverrides(Set.of());
    }

    /**
     * A copy that also allows findings of {@code ruleId} in {@code repoPath}.
     *
     * @throws IllegalArgumentException for an unknown rule id (the message lists the known ones) or an invalid path
     */
    public SafetyOverrides allow(String repoPath, String ruleId) {
        if (!SecretRules.ids().contains(ruleId)) {
            throw new IllegalArgumentException(
                    "Unknown safety rule '" + ruleId + "'. Known rules: " + String.join(", ", SecretRules.ids()));
        }
        Set<Allowance> next = new HashSet<>(allowances);
        next.add(new Allowance(RepoPaths.normalize(repoPath), ruleId));
        return new SafetyOverrides(next);
    }

    /** Whether findings of {@code ruleId} in {@code repoPath} are allowed. */
    public boolean allows(String repoPath, String ruleId) {
        return allowances.contains(new Allowance(repoPath, ruleId));
    }

    public boolean isEmpty() {
        return allowances.isEmpty();
    }

    @Override
    public String toString() {
        return "SafetyOverrides" + allowances;
    }
}
