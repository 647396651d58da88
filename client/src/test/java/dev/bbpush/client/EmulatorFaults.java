package dev.bbpush.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.Emulator;

/**
 * Adds emulator faults in-JVM from their documented JSON form (docs/emulator.md, "Faults"), for JSON taken as it is
 * from the docs or a fixture. In test code prefer the typed builder: {@code bb.faults().add(Fault.on("POST",
 * "/src$").times(1).respond(503))}.
 */
public final class EmulatorFaults {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmulatorFaults() {}

    /** Adds one fault, e.g. {@code {"path":"/refs/branches$","action":"status","status":503,"count":2}}. */
    public static void add(Emulator bb, String json) {
        try {
            bb.faults().add(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }
}
