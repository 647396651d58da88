package dev.bbpush.client.changes;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * The filters of one walked directory: its {@code --include}/{@code --exclude} patterns, the lines of its
 * {@code .bbpushignore} and whether the Terraform profile applies. Paths given to it are relative to the walked
 * directory ({@code /}-separated), which is also how patterns are anchored.
 *
 * <p>All three pattern kinds use gitignore syntax and JGit's matcher: a pattern without a slash matches a name at
 * any depth ({@code *.tf}), a leading slash anchors it to the walked directory ({@code /main.tf}), a trailing slash
 * matches directories only ({@code modules/}) and everything below them, {@code **} spans directories. Only
 * {@code .bbpushignore} supports negation ({@code !keep.tf}); as in git, a file below an ignored directory cannot
 * be re-included.
 *
 * <p>Kept in the {@link ChangeSet} as data so that mirror-mode deletes can protect remote files that this scope
 * would have skipped locally (as rsync does without {@code --delete-excluded}).
 */
final class WalkScope {
    /** Name of the per-directory ignore file, read from the root of a walked directory only. */
    public static final String IGNORE_FILE = ".bbpushignore";

    /** The outcome for one path: {@code reason} is null when the path is taken. */
    public record Decision(SkipReason reason, String pattern) {
        static final Decision TAKE = new Decision(null, "");

        public boolean taken() {
            return reason == null;
        }
    }

    private final String localRoot;
    private final String repoPrefix;
    private final List<String> includes;
    private final List<String> excludes;
    private final List<String> ignoreLines;
    private final boolean terraformProfile;
    private final List<FastIgnoreRule> includeRules;
    private final List<FastIgnoreRule> excludeRules;
    private final List<FastIgnoreRule> ignoreRules;
    private final IgnoreNode ignoreNode;

    /**
     * @param localRoot the walked directory, for messages
     * @param repoPrefix the normalized repository prefix its contents map to ({@code ""} = root)
     * @param includes {@code --include} patterns (empty = everything)
     * @param excludes {@code --exclude} patterns
     * @param ignoreLines the lines of the directory's {@code .bbpushignore} (empty if none)
     * @param terraformProfile whether profile files are skipped
     * @throws InvalidChangeSetException ({@link Problem#INVALID_PATTERN}) for an empty, negated or malformed
     *     include/exclude pattern
     */
    public WalkScope(
            String localRoot,
            String repoPrefix,
            List<String> includes,
            List<String> excludes,
            List<String> ignoreLines,
            boolean terraformProfile) {
        this.localRoot = localRoot;
        this.repoPrefix = RepoPaths.normalizePrefix(repoPrefix);
        this.includes = List.copyOf(includes);
        this.excludes = List.copyOf(excludes);
        this.ignoreLines = List.copyOf(ignoreLines);
        this.terraformProfile = terraformProfile;
        this.includeRules = compile(this.includes, "--include");
        this.excludeRules = compile(this.excludes, "--exclude");
        List<FastIgnoreRule> ig = new ArrayList<>();
        for (String line : this.ignoreLines) {
            // Same line handling as IgnoreNode.parse: comments and blank lines carry no rule.
            if (!line.isEmpty() && !line.startsWith("#")) {
                FastIgnoreRule r = new FastIgnoreRule(line);
                if (!r.isEmpty()) {
                    ig.add(r);
                }
            }
        }
        this.ignoreRules = List.copyOf(ig);
        this.ignoreNode = new IgnoreNode(new ArrayList<>(ig));
    }

    /** Checks one include/exclude pattern without building a scope. */
    static void checkPattern(String pattern, String option) {
        compile(List.of(pattern), option);
    }

    private static List<FastIgnoreRule> compile(List<String> patterns, String option) {
        List<FastIgnoreRule> rules = new ArrayList<>();
        for (String p : patterns) {
            String why = null;
            if (p == null || p.isBlank()) {
                why = "it is empty";
            } else if (p.startsWith("!")) {
                why = "negation is only supported in " + IGNORE_FILE;
            } else if (p.startsWith("#")) {
                why = "it would be a comment";
            }
            FastIgnoreRule r = why == null ? new FastIgnoreRule(p) : null;
            if (why == null && r.isEmpty()) {
                why = "it is not a valid gitignore-style pattern (check brackets and escapes)";
            }
            if (why != null) {
                throw new InvalidChangeSetException(
                        Problem.INVALID_PATTERN,
                        "Invalid " + option + " pattern '" + p + "': " + why
                                + ". Patterns use .gitignore syntax, e.g. '*.tf' or 'modules/'.");
            }
            rules.add(r);
        }
        return List.copyOf(rules);
    }

    /** Decides a directory met by the walk ({@code relDir} relative to the root, never empty). */
    public Decision decideDirectory(String relDir) {
        Boolean ignored = ignoreNode.checkIgnored(relDir, true);
        if (Boolean.TRUE.equals(ignored)) {
            return new Decision(SkipReason.IGNORED, lastIgnoreMatch(relDir, true));
        }
        Optional<String> ex = firstMatch(excludeRules, excludes, relDir, true);
        if (ex.isPresent()) {
            return new Decision(SkipReason.EXCLUDED, ex.get());
        }
        // With includes, a profile directory is still walked so that an include naming a file inside it is seen
        // (and then blocked by the safety scan) rather than silently dropped.
        if (terraformProfile && includes.isEmpty()) {
            Optional<String> tf = TerraformProfile.match(relDir, true);
            if (tf.isPresent()) {
                return new Decision(SkipReason.TERRAFORM_PROFILE, tf.get());
            }
        }
        return Decision.TAKE;
    }

    /** Decides a file (or symlink) met by the walk, its directories having been taken already. */
    public Decision decideFile(String relPath) {
        if (relPath.equals(IGNORE_FILE)) {
            return new Decision(SkipReason.CONTROL_FILE, "");
        }
        Boolean ignored = ignoreNode.checkIgnored(relPath, false);
        if (Boolean.TRUE.equals(ignored)) {
            return new Decision(SkipReason.IGNORED, lastIgnoreMatch(relPath, false));
        }
        Optional<String> ex = firstMatch(excludeRules, excludes, relPath, false);
        if (ex.isPresent()) {
            return new Decision(SkipReason.EXCLUDED, ex.get());
        }
        Optional<String> in = firstMatch(includeRules, includes, relPath, false);
        if (terraformProfile) {
            Optional<String> tf = TerraformProfile.match(relPath, false);
            if (tf.isPresent() && in.isEmpty()) {
                return new Decision(SkipReason.TERRAFORM_PROFILE, tf.get());
            }
        }
        if (!includes.isEmpty() && in.isEmpty()) {
            return new Decision(SkipReason.NOT_INCLUDED, "");
        }
        return Decision.TAKE;
    }

    /**
     * Decides a path that the walk did not see (e.g. a remote-only path in mirror mode), checking its directories
     * from the top as the walk would.
     */
    public Decision decidePath(String relPath) {
        if (relPath.equals(".git") || relPath.startsWith(".git/") || relPath.contains("/.git/")) {
            return new Decision(SkipReason.GIT_METADATA, "");
        }
        int slash = relPath.indexOf('/');
        while (slash > 0) {
            Decision d = decideDirectory(relPath.substring(0, slash));
            if (!d.taken()) {
                return d;
            }
            slash = relPath.indexOf('/', slash + 1);
        }
        return decideFile(relPath);
    }

    private static Optional<String> firstMatch(
            List<FastIgnoreRule> rules, List<String> src, String path, boolean directory) {
        for (int i = 0; i < rules.size(); i++) {
            // pathMatch=false: a rule also matches when one of the path's parent directories matches it.
            if (rules.get(i).isMatch(path, directory, false)) {
                return Optional.of(src.get(i));
            }
        }
        return Optional.empty();
    }

    private String lastIgnoreMatch(String path, boolean directory) {
        for (int i = ignoreRules.size() - 1; i >= 0; i--) {
            if (ignoreRules.get(i).isMatch(path, directory, true)) {
                return ignoreRules.get(i).toString();
            }
        }
        return "";
    }

    public String localRoot() {
        return localRoot;
    }

    public String repoPrefix() {
        return repoPrefix;
    }

    public List<String> includes() {
        return includes;
    }

    public List<String> excludes() {
        return excludes;
    }

    public List<String> ignoreLines() {
        return ignoreLines;
    }

    public boolean terraformProfile() {
        return terraformProfile;
    }

    @Override
    public String toString() {
        return "WalkScope[" + localRoot + " -> /" + repoPrefix + ", include=" + includes + ", exclude=" + excludes
                + ", ignoreRules=" + ignoreRules.size() + ", terraformProfile=" + terraformProfile + "]";
    }
}
