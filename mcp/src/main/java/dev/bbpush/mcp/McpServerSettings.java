package dev.bbpush.mcp;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.push.PushRequest;
import dev.bbpush.client.safety.SafetyOverrides;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an MCP server may do, fixed when it starts (the agent cannot change it): which repositories and branches it may
 * write ({@link WriteGrant}s; none by default, so only the read tools work), whether it is read-only, which
 * safety-rule exceptions the person running it granted, which local directories {@code push_directory} may read, and
 * the environment its credentials and settings come from. Immutable; build with {@link #builder()}.
 *
 * <table>
 *   <caption>Settings and their {@code bbpush mcp} flags</caption>
 *   <tr><th>Builder method</th><th>Flag</th><th>Default</th></tr>
 *   <tr><td>{@code allowRepository}</td><td>{@code --allow-repo WS/REPO[:BRANCH-GLOB]}</td><td>none: nothing
 *       writable</td></tr>
 *   <tr><td>{@code readOnly}</td><td>{@code --read-only}</td><td>off</td></tr>
 *   <tr><td>{@code allow(rule, path)}</td><td>{@code --allow RULE:PATH}</td><td>none</td></tr>
 *   <tr><td>{@code root}</td><td>{@code --root DIR}</td><td>none: no local directory is readable</td></tr>
 *   <tr><td>{@code conflictTimeout}</td><td>{@code --conflict-timeout DURATION}</td><td>2 minutes</td></tr>
 *   <tr><td>{@code environment}</td><td>(the process environment)</td><td>{@link Environment#system()}</td></tr>
 * </table>
 */
public final class McpServerSettings {
    private final List<WriteGrant> grants;
    private final boolean readOnly;
    private final SafetyOverrides overrides;
    private final List<String> allowFlags;
    private final List<Path> roots;
    private final Environment environment;
    private final Duration conflictTimeout;

    private McpServerSettings(Builder b) {
        this.grants = List.copyOf(b.grants);
        this.readOnly = b.readOnly;
        this.overrides = b.overrides;
        this.allowFlags = List.copyOf(b.allowFlags);
        this.roots = List.copyOf(b.roots);
        this.environment = b.environment;
        this.conflictTimeout = b.conflictTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The write allow-list, in the order given. Empty: no repository is writable. */
    public List<WriteGrant> grants() {
        return grants;
    }

    /** Whether every write is refused, whatever the allow-list says. */
    public boolean readOnly() {
        return readOnly;
    }

    /** The safety-rule exceptions granted to every push ({@code --allow RULE:PATH}). */
    public SafetyOverrides safetyOverrides() {
        return overrides;
    }

    /** The {@code --allow RULE:PATH} flags as given, for messages. */
    public List<String> allowFlags() {
        return allowFlags;
    }

    /**
     * The absolute real directories {@code push_directory} and {@code plan} may read below; a relative {@code
     * directory} argument starts at the first. Empty (the default): no local directory is readable.
     */
    public List<Path> roots() {
        return roots;
    }

    /**
     * How long a push keeps retrying while other writers' commits on other paths move the branch ({@link
     * PushRequest.Builder#conflictTimeout}); when it runs out, the tool answers {@code branch-busy}.
     */
    public Duration conflictTimeout() {
        return conflictTimeout;
    }

    /** Where credentials and settings come from (variables, home directory for the config file). */
    public Environment environment() {
        return environment;
    }

    /** The absolute real path (symlinks resolved, as directories to push are), or the absolute one if it is missing. */
    private static Path real(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            return abs; // a root that does not exist (yet): nothing below it can be read anyway
        }
    }

    /** Names the grants, the mode and the roots; never a credential. */
    @Override
    public String toString() {
        return "McpServerSettings[" + (readOnly ? "read-only, " : "") + "writable=" + grants + ", roots=" + roots + "]";
    }

    /** Builds {@link McpServerSettings}. */
    public static final class Builder {
        private final List<WriteGrant> grants = new ArrayList<>();
        private boolean readOnly;
        private SafetyOverrides overrides = SafetyOverrides.none();
        private final List<String> allowFlags = new ArrayList<>();
        private final List<Path> roots = new ArrayList<>();
        private Environment environment = Environment.system();
        private Duration conflictTimeout = PushRequest.DEFAULT_CONFLICT_TIMEOUT;

        private Builder() {}

        /**
         * The conflict budget of every push ({@code --conflict-timeout}); default {@link
         * PushRequest#DEFAULT_CONFLICT_TIMEOUT}, zero for no retry.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder conflictTimeout(Duration timeout) {
            if (Objects.requireNonNull(timeout, "timeout").isNegative()) {
                throw new IllegalArgumentException("the conflict timeout must not be negative: " + timeout);
            }
            this.conflictTimeout = timeout;
            return this;
        }

        /** Lets the server write to a repository (and optionally only some branches). Repeatable. */
        public Builder allowRepository(WriteGrant grant) {
            grants.add(Objects.requireNonNull(grant, "grant"));
            return this;
        }

        /** Same as {@link #allowRepository(WriteGrant)} with {@link WriteGrant#parse}. */
        public Builder allowRepository(String grant) {
            return allowRepository(WriteGrant.parse(grant));
        }

        /** Refuses every write (the read tools and {@code plan} still work). */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * Lets one safety rule through for one repository path in every push, like {@code bbpush push --allow}.
         *
         * @throws IllegalArgumentException for an unknown rule or an invalid path
         */
        public Builder allow(String ruleId, String repoPath) {
            overrides = overrides.allow(repoPath, ruleId);
            allowFlags.add("--allow " + ruleId + ":" + repoPath);
            return this;
        }

        /**
         * A local directory {@code push_directory} and {@code plan} may read below (repeatable; made absolute and real
         * when it exists). The first one is where relative {@code directory} arguments start. Default: none, so no local
         * directory is readable (not even the working directory).
         */
        public Builder root(Path dir) {
            roots.add(real(Objects.requireNonNull(dir, "dir")));
            return this;
        }

        public Builder environment(Environment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public McpServerSettings build() {
            return new McpServerSettings(this);
        }
    }
}
