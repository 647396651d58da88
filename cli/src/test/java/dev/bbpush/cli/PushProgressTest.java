package dev.bbpush.cli;

import static dev.bbpush.cli.EmulatorRepo.env;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload bar is drawn only when the injected context says a terminal is attached. */
@BitbucketEmulatorTest(world = "demo")
class PushProgressTest {
    @TempDir
    Path dir;

    private int push(Emulator bb, boolean interactive, StringWriter out, StringWriter err, String... extra) {
        String[] args = new String[5 + extra.length];
        System.arraycopy(new String[] {"push", dir.toString(), "--repo", "acme/infra", "--branch"}, 0, args, 0, 5);
        System.arraycopy(extra, 0, args, 5, extra.length);
        return Main.run(
                args,
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new CliContext(
                        Environment.of(env(bb, "HOME", "/nonexistent-bbpush-test-home")),
                        new ByteArrayInputStream(new byte[0]),
                        interactive));
    }

    private void bigFile() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(dir.resolve("blob.bin"), data);
    }

    @Test
    void largeUploadOnATerminalDrawsABarOnStandardError(Emulator bb) throws Exception {
        bigFile();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = push(bb, true, out, err, "bbpush/big");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("\rUploading [").contains("100%").endsWith("\n");
        assertThat(out.toString()).doesNotContain("Uploading");
    }

    @Test
    void noBarWithoutATerminalOrWithQuiet(Emulator bb) throws Exception {
        bigFile();
        StringWriter err = new StringWriter();
        StringWriter quietErr = new StringWriter();

        push(bb, false, new StringWriter(), err, "bbpush/big-plain");
        push(bb, true, new StringWriter(), quietErr, "bbpush/big-quiet", "--quiet");

        assertThat(err.toString()).doesNotContain("Uploading");
        assertThat(quietErr.toString()).isEmpty();
    }
}
