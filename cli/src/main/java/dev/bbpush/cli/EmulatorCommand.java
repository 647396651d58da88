package dev.bbpush.cli;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.World;
import dev.bbpush.emulator.world.WorldLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush emulator}: serves a local Bitbucket Cloud (REST, Git, control API) until stopped with Ctrl+C or
 * SIGTERM. Stopping closes the emulator cleanly (and deletes a temporary data directory) and exits 0.
 */
@Command(
        name = "emulator",
        mixinStandardHelpOptions = true,
        description = {
            "Run a local Bitbucket Cloud emulator: REST under /2.0, Git over HTTP at /{workspace}/{repo}.git,",
            "and the control API under /_emulator/ (credentials, request journal, faults, clock).",
            "Stop it with Ctrl+C or SIGTERM."
        })
public final class EmulatorCommand implements Callable<Integer> {
    /** How long a signal waits for the emulator to close before the process ends anyway. */
    private static final long CLOSE_WAIT_SECONDS = 10;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "7990",
            paramLabel = "N",
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to bind (default: ${DEFAULT-VALUE}). The control API answers loopback callers only.")
    String bind;

    @Option(
            names = "--world",
            defaultValue = "demo",
            paramLabel = "demo|FILE",
            description = "A built-in world name or a world file (YAML or JSON) (default: ${DEFAULT-VALUE}).")
    String world;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Keep repositories in DIR across runs (default: a temporary directory, deleted on exit).")
    Path data;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("bbpush emulator: --port must be 0..65535, was " + port);
            return ExitCode.USAGE.code();
        }
        World w;
        try {
            w = WorldLoader.load(world);
        } catch (RuntimeException e) {
            err.println("bbpush emulator: cannot load world '" + world + "': " + e.getMessage());
            err.println("Use --world demo, or --world FILE with a YAML/JSON world file (see docs/emulator.md).");
            return ExitCode.USAGE.code();
        }
        Emulator emulator;
        try {
            emulator = Emulator.builder()
                    .world(w)
                    .bind(bind)
                    .port(port)
                    .dataDir(data)
                    .start();
        } catch (RuntimeException e) {
            err.println("bbpush emulator: " + e.getMessage());
            err.println("Choose another port with --port N, or --port 0 for a free one.");
            return ExitCode.UNEXPECTED.code();
        }
        Thread hook = new Thread(this::stopOnSignal, "bbpush-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            printBanner(out, emulator, w);
            stopRequested.await();
        } finally {
            emulator.close();
            out.println("Emulator stopped.");
            out.flush();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down (a signal): the hook is running and ends the process.
            }
        }
        return ExitCode.OK.code();
    }

    private void printBanner(PrintWriter out, Emulator emulator, World w) {
        out.println("Bitbucket Cloud emulator listening on " + emulator.baseUrl());
        out.println("API base URL: " + emulator.apiUrl());
        w.repositories().stream()
                .findFirst()
                .map(Repo::fullName)
                .ifPresent(r -> out.println("Git clone URL: " + emulator.baseUrl() + "/" + r + ".git"));
        out.println("World: " + w.name() + " (credentials and secrets: curl " + emulator.baseUrl()
                + "/_emulator/credentials)");
        out.println("Data: " + emulator.dataDir() + (data == null ? " (temporary, deleted on exit)" : ""));
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    /** Asks a running {@link #call()} to close the emulator and return 0. For tests and embedding. */
    void stop() {
        stopRequested.countDown();
    }

    /**
     * The shutdown hook: lets {@link #call()} close the emulator, then ends the process with 0. A JVM stopped by
     * SIGINT/SIGTERM would otherwise exit 130/143, but stopping is this command's normal end.
     */
    private void stopOnSignal() {
        stopRequested.countDown();
        try {
            if (closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(ExitCode.OK.code());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
