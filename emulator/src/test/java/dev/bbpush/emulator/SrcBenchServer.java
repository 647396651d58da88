package dev.bbpush.emulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a demo-world emulator for {@code bench/emulator-src.sh} and writes {@code port secret} to the
 * file named by the first argument; runs until the process is stopped. Not a test.
 */
public final class SrcBenchServer {
    private SrcBenchServer() {}

    public static void main(String[] args) throws Exception {
        Emulator bb = Emulator.builder().world("demo").start();
        Runtime.getRuntime().addShutdownHook(new Thread(bb::close));
        Path info = Path.of(args[0]);
        Path tmp = info.resolveSibling(info.getFileName() + ".tmp");
        Files.writeString(
                tmp,
                bb.port() + " " + bb.secret("rahul-api-token") + " " + bb.dataDir() + "\n",
                StandardCharsets.UTF_8);
        Files.move(tmp, info);
        Thread.currentThread().join();
    }
}
