package dev.bbpush.mcp;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import java.time.Duration;

/** Waiting for an emulator fault to catch its request: the request has reached the emulator and is being held. */
final class Faults {
    private Faults() {}

    /**
     * Waits until the single-use {@code fault} has been taken by a request (the emulator drops a used-up fault from its
     * list when the request arrives, before a latency starts).
     *
     * @throws AssertionError if no request took it within {@code timeout}
     */
    static void awaitTaken(Emulator bb, Fault fault, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (bb.faults().list().stream().anyMatch(f -> f.id() == fault.id())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "no request reached the emulator's fault " + fault.id() + " within " + timeout);
            }
            Thread.sleep(10); // polling a condition, not timing an assertion
        }
    }
}
