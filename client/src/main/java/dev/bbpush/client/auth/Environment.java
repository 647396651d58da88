package dev.bbpush.client.auth;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The one door to the process environment: every environment variable and the home directory are read through an
 * {@code Environment} passed into constructors, never through {@code System.getenv} elsewhere. Tests use {@link
 * #of(Map)}.
 *
 * <p>An empty value counts as unset (CI systems often define variables as empty strings).
 */
public interface Environment {

    /** The value of a variable; empty when unset or empty. */
    Optional<String> get(String name);

    /** The user's home directory: {@code HOME}, else (for the system environment) the {@code user.home} property. */
    Optional<Path> homeDirectory();

    /** The real process environment. */
    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
            }

            @Override
            public Optional<Path> homeDirectory() {
                Optional<String> home = get("HOME").or(() -> Optional.ofNullable(System.getProperty("user.home")));
                return home.filter(h -> !h.isBlank()).map(Path::of);
            }

            @Override
            public String toString() {
                return "Environment.system()";
            }
        };
    }

    /** A fixed environment; {@code HOME} in the map is the home directory. */
    static Environment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(Objects.requireNonNull(variables, "variables"));
        return new Environment() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(copy.get(name)).filter(v -> !v.isEmpty());
            }

            @Override
            public Optional<Path> homeDirectory() {
                return get("HOME").map(Path::of);
            }

            @Override
            public String toString() {
                // Names only: values may be secrets.
                return "Environment.of(" + new TreeSet<>(copy.keySet()) + ")";
            }
        };
    }
}
