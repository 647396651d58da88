package dev.bbpush.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The active faults of one emulator, in the order they were added. The first matching, unexpired fault applies
 * to a request. Thread-safe.
 */
public final class Faults {
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * Adds a fault from its JSON form.
   *
   * @throws dev.bbpush.emulator.http.ApiError 400 when the JSON is not a valid fault
   */
  public Fault add(JsonNode json) {
    Fault f = Fault.fromJson(ids.incrementAndGet(), json);
    faults.add(f);
    return f;
  }

  /**
   * Adds a fault built in-process, e.g. {@code faults.add(Fault.on("POST", "/src$").times(1).respond(503))}.
   * It takes effect for the next matching request.
   *
   * @return the added fault with its id (for {@link #remove(int)} and {@code DELETE /_emulator/faults/{id}})
   * @throws IllegalStateException if the builder has no action yet
   */
  public Fault add(Fault.Builder fault) {
    Fault f = fault.build(ids.incrementAndGet());
    faults.add(f);
    return f;
  }

  /** The active faults (expired ones are dropped). */
  public List<Fault> list() {
    faults.removeIf(Fault::expired);
    return List.copyOf(faults);
  }

  /** Removes the fault with this id; false when there is none (it may have expired). */
  public boolean remove(int id) {
    return faults.removeIf(f -> f.id() == id);
  }

  /** Removes every fault. */
  public void clear() {
    faults.clear();
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
