package dev.bbpush.cli;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.push.PushListener;
import java.io.InputStream;
import java.util.Objects;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What a command may read from the outside world besides its arguments: the environment, standard input and whether
 * a person is watching (a terminal). Injected through {@link Main#run(String[], java.io.PrintWriter,
 * java.io.PrintWriter, Environment, InputStream)} so tests run commands with a fixed environment and stdin and get
 * deterministic output; output goes through {@code spec.commandLine().getOut()/getErr()}.
 *
 * @param env the environment (credentials, settings, home directory, Bitbucket Pipelines variables)
 * @param stdin standard input (read only for {@code --token-stdin} or {@code push --stdin-path})
 * @param interactive whether the process runs on a terminal ({@code System.console() != null}): only then are
 *     progress bars drawn
 * @param pushListener also receives every event of a {@code push}, after the command's own output (an embedding
 *     program observing pushes; tests acting at a fixed point, e.g. committing as another writer once the plan is
 *     ready). {@link PushListener#NONE} on the command line.
 */
public record CliContext(Environment env, InputStream stdin, boolean interactive, PushListener pushListener) {
    public CliContext {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(pushListener, "pushListener");
    }

    /** A context whose pushes are observed only by the command's own output. */
    public CliContext(Environment env, InputStream stdin, boolean interactive) {
        this(env, stdin, interactive, PushListener.NONE);
    }

    /** A non-interactive context (no progress bars): scripts, CI and tests. */
    public CliContext(Environment env, InputStream stdin) {
        this(env, stdin, false);
    }

    /** The same context with another environment (the demo runs {@code push} with the emulator's credentials). */
    public CliContext withEnvironment(Environment other) {
        return new CliContext(other, stdin, interactive, pushListener);
    }

    /** The same context with {@code listener} receiving push events (see {@link #pushListener()}). */
    public CliContext withPushListener(PushListener listener) {
        return new CliContext(env, stdin, interactive, listener);
    }

    /** The context of the running {@code bbpush} command line, from any (sub)command's spec. */
    public static CliContext of(CommandSpec spec) {
        Object root = spec.root().userObject();
        if (root instanceof Main main) {
            return main.context();
        }
        return new CliContext(Environment.system(), System.in, System.console() != null);
    }
}
