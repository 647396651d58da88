package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The active faults of one emulator, in the order they were added. The first matching, unexpired fault applies
 * to a request. Thread-safe.
 */
public final class Faults {
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** The gates of hold faults, kept after the fault expires so its parked requests can still be released. */
    private final Map<Integer, Hold> holds = new ConcurrentHashMap<>();

    /**
     * Adds a fault from its JSON form.
     *
     * @throws dev.bbpush.emulator.http.ApiError 400 when the JSON is not a valid fault
     */
    public Fault add(JsonNode json) {
        return added(Fault.fromJson(ids.incrementAndGet(), json));
    }

    /**
     * Adds a fault built in-process, e.g. {@code faults.add(Fault.on("POST", "/src$").times(1).respond(503))}.
     * It takes effect for the next matching request.
     *
     * @return the added fault with its id (for {@link #remove(int)} and {@code DELETE /_emulator/faults/{id}})
     * @throws IllegalStateException if the builder has no action yet
     */
    public Fault add(Fault.Builder fault) {
        return added(fault.build(ids.incrementAndGet()));
    }

    private Fault added(Fault f) {
        if (f.action() == Fault.Action.HOLD || f.action() == Fault.Action.COMMIT_THEN_HOLD) {
            holds.put(f.id(), f.hold());
        }
        faults.add(f);
        return f;
    }

    /** The active faults (expired ones are dropped). */
    public List<Fault> list() {
        faults.removeIf(Fault::expired);
        return List.copyOf(faults);
    }

    /**
     * Removes the fault with this id and releases the requests it holds (even once expired); false when no active
     * fault has this id.
     */
    public boolean remove(int id) {
        boolean found = faults.removeIf(f -> f.id() == id);
        Hold h = holds.remove(id);
        if (h != null) {
            h.release();
        }
        return found;
    }

    /**
     * Releases the requests held by the hold fault with this id, expired or not (while active, later matches pass
     * through without parking).
     *
     * @return false when no hold fault has this id
     */
    public boolean release(int id) {
        Hold h = holds.get(id);
        if (h == null) {
            return false;
        }
        h.release();
        return true;
    }

    /** Removes every fault and releases every request they hold. */
    public void clear() {
        faults.clear();
        for (Integer id : List.copyOf(holds.keySet())) {
            Hold h = holds.remove(id);
            if (h != null) {
                h.release();
            }
        }
    }

    /** The fault that applies to this request, consuming one of its uses. */
    Optional<Fault> take(String method, String path) {
        for (Fault f : faults) {
            if (f.matches(method, path) && f.consume()) {
                if (f.expired()) {
                    faults.remove(f);
                }
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
