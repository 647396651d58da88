package dev.bbpush.client.http;

import dev.bbpush.client.auth.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable, ordered list of HTTP header fields with case-insensitive lookup. {@code toString()} redacts
 * credential-bearing headers ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie})
 * by default; {@link #redacted()} gives a copy safe to hand to listeners.
 */
public final class Headers {
    private static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");
    private static final Headers EMPTY = new Headers(List.of());

    private final List<Map.Entry<String, String>> fields;

    private Headers(List<Map.Entry<String, String>> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Headers empty() {
        return EMPTY;
    }

    /** Headers from alternating names and values: {@code Headers.of("Accept", "application/json")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("namesAndValues must alternate names and values");
        }
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(Map.entry(
                    Objects.requireNonNull(namesAndValues[i], "name"),
                    Objects.requireNonNull(namesAndValues[i + 1], "value")));
        }
        return new Headers(list);
    }

    /** This list plus one field. */
    public Headers with(String name, String value) {
        List<Map.Entry<String, String>> list = new ArrayList<>(fields);
        list.add(Map.entry(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value")));
        return new Headers(list);
    }

    /** This list without any field named {@code name}. */
    public Headers without(String name) {
        return new Headers(
                fields.stream().filter(e -> !e.getKey().equalsIgnoreCase(name)).toList());
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        return fields.stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** All values of {@code name}, in order. */
    public List<String> all(String name) {
        return fields.stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .toList();
    }

    public boolean contains(String name) {
        return first(name).isPresent();
    }

    /** Every field, in order. */
    public List<Map.Entry<String, String>> asList() {
        return fields;
    }

    /** A copy whose credential-bearing values are masked ({@code Basic ****}, {@code Bearer ATCTT3x****}). */
    public Headers redacted() {
        return new Headers(fields.stream()
                .map(e -> Map.entry(e.getKey(), redact(e.getKey(), e.getValue())))
                .toList());
    }

    /** The value to show for a header: masked when the header carries credentials. */
    public static String redact(String name, String value) {
        return SENSITIVE.contains(name.toLowerCase(Locale.ROOT)) ? Secret.mask(value) : value;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(": ").append(redact(e.getKey(), e.getValue()));
        }
        return sb.append('}').toString();
    }
}
