package dev.bbpush.cli;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.push.PushListener;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code bbpush} in-process with a fixed environment and stdin, capturing output. */
record CliRun(int code, String out, String err) {
    static CliRun withStdin(Map<String, String> env, String stdin, String... args) {
        return withContext(env, stdin, PushListener.NONE, args);
    }

    /** Runs with {@code pushListener} also receiving a push's events (see {@link CliContext#pushListener()}). */
    static CliRun withPushListener(Map<String, String> env, PushListener pushListener, String... args) {
        return withContext(env, "", pushListener, args);
    }

    private static CliRun withContext(Map<String, String> env, String stdin, PushListener listener, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> e = new HashMap<>(env);
        e.putIfAbsent("HOME", "/nonexistent-bbpush-test-home");
        CliContext context = new CliContext(
                        Environment.of(e), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)))
                .withPushListener(listener);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true), context);
        return new CliRun(code, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return withStdin(env, "", args);
    }

    /** Output with the emulator's port replaced by {@code PORT}. */
    String outNormalized(int port) {
        return out.replace(":" + port, ":PORT");
    }
}
