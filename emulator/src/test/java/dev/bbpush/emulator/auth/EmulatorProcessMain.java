package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;

/**
 * Runs an emulator in a JVM of its own, so a test can read the emulator's log exactly as a user of
 * {@code bbpush emulator} sees it (slf4j-simple on stderr), without touching the test JVM's streams.
 *
 * <p>Usage: {@code EmulatorProcessMain <world>}. Prints the port on the first line of stdout, serves until stdin
 * is closed, then closes the emulator and exits.
 */
public final class EmulatorProcessMain {
    private EmulatorProcessMain() {}

    public static void main(String[] args) throws IOException {
        try (Emulator bb = Emulator.builder().world(args[0]).start()) {
            System.out.println(bb.port());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() != -1) {
                // Wait for the parent to close stdin.
            }
        }
    }
}
