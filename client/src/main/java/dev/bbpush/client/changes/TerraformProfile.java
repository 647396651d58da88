package dev.bbpush.client.changes;

import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.ignore.FastIgnoreRule;

/**
 * Files a Terraform working directory holds that must never be committed: state (it stores secrets in clear text),
 * plans (they embed state), provider caches, crash logs and CLI config. The list follows the usual Terraform
 * {@code .gitignore}. Patterns use gitignore syntax and match at any depth.
 *
 * <p>When walking a directory with the profile on, matching files are skipped and reported
 * ({@link SkipReason#TERRAFORM_PROFILE}); a matching file named explicitly (or selected by an {@code --include}) is
 * kept in the change set and the safety scan blocks the push (rule id {@code terraform-profile}).
 */
public final class TerraformProfile {
    /** The patterns, in gitignore syntax. Documented in {@code docs/safety.md}; keep both in step. */
    public static final List<String> PATTERNS = List.of(
            "*.tfstate",
            "*.tfstate.*",
            ".terraform/",
            "crash.log",
            "crash.*.log",
            "*.tfplan",
            ".terraformrc",
            "terraform.rc");

    private static final List<FastIgnoreRule> RULES =
            PATTERNS.stream().map(FastIgnoreRule::new).toList();

    private TerraformProfile() {}

    /**
     * The first pattern matching {@code path} (a repository or walk-relative path, {@code /}-separated), checking the
     * path and each of its parent directories ({@code .terraform/} matches {@code a/.terraform/x/y}).
     */
    public static Optional<String> match(String path, boolean directory) {
        for (int i = 0; i < RULES.size(); i++) {
            if (RULES.get(i).isMatch(path, directory, false)) {
                return Optional.of(PATTERNS.get(i));
            }
        }
        return Optional.empty();
    }

    /** Same as {@link #match(String, boolean)} for a file. */
    public static Optional<String> match(String path) {
        return match(path, false);
    }
}
