package dev.bbpush.emulator.api;

import dev.bbpush.emulator.http.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A minimal BBQL filter (the {@code q} parameter; reference: bitbucket-cloud-rest.md §1.6): conditions
 * {@code field op value} joined by {@code AND}, with the operators {@code =}, {@code !=}, {@code ~}
 * and {@code !~} (case-insensitive contains) and quoted string, number, {@code true}/{@code false} or
 * {@code null} literals. That covers what clients send to find branches and pull requests; {@code OR},
 * parentheses, ordering operators and {@code IN} are refused with 400 rather than silently ignored.
 */
final class Bbql {
    private final List<Condition> conditions;

    private Bbql(List<Condition> conditions) {
        this.conditions = conditions;
    }

    /** One {@code field op value} test. {@code value} is {@code null} for the literal {@code null}. */
    record Condition(String field, String op, String value) {
        boolean test(String actual) {
            return switch (op) {
                case "=" -> value == null ? actual == null : value.equals(actual);
                case "!=" -> value == null ? actual != null : !value.equals(actual);
                case "~" -> actual != null && value != null && contains(actual, value);
                case "!~" -> actual == null || value == null || !contains(actual, value);
                default -> throw new IllegalStateException(op);
            };
        }

        private static boolean contains(String actual, String part) {
            return actual.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
        }
    }

    /** A filter that matches everything. */
    static Bbql all() {
        return new Bbql(List.of());
    }

    /**
     * Parses {@code q}; {@code null} or blank gives {@link #all()}.
     *
     * @param fields the field names this endpoint can filter on
     * @throws ApiError 400 {@code Invalid query} naming what is wrong in {@code detail}
     */
    static Bbql parse(String q, Set<String> fields) {
        if (q == null || q.isBlank()) {
            return all();
        }
        List<String> tokens = tokenize(q);
        List<Condition> out = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i + 3 > tokens.size()) {
                throw invalid(q, "expected: field operator value");
            }
            String field = tokens.get(i);
            String op = tokens.get(i + 1);
            String literal = tokens.get(i + 2);
            if (!fields.contains(field)) {
                throw invalid(q, "unsupported field '" + field + "'; this endpoint filters on " + fields);
            }
            if (!Set.of("=", "!=", "~", "!~").contains(op)) {
                throw invalid(q, "unsupported operator '" + op + "'; the emulator supports =, !=, ~ and !~");
            }
            out.add(new Condition(field, op, literalValue(q, literal)));
            i += 3;
            if (i == tokens.size()) {
                return new Bbql(List.copyOf(out));
            }
            if (!tokens.get(i).equalsIgnoreCase("AND")) {
                throw invalid(q, "expected AND, found '" + tokens.get(i) + "' (the emulator supports only AND)");
            }
            i++;
        }
    }

    /** Whether every condition holds, reading field values through {@code fieldValue}. */
    boolean matches(Function<String, String> fieldValue) {
        for (Condition c : conditions) {
            if (!c.test(fieldValue.apply(c.field()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether any condition tests {@code field}. */
    boolean mentions(String field) {
        return conditions.stream().anyMatch(c -> c.field().equals(field));
    }

    private static String literalValue(String q, String literal) {
        if (literal.startsWith("\"")) {
            return literal.substring(1);
        }
        if (literal.equals("null")) {
            return null;
        }
        if (literal.equals("true") || literal.equals("false") || literal.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return literal;
        }
        throw invalid(q, "expected a quoted string, number, true, false or null, found '" + literal + "'");
    }

    /** Splits into words, operators and string literals; a string token keeps its opening quote as a marker. */
    private static List<String> tokenize(String q) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder("\"");
                i++;
                while (i < q.length() && q.charAt(i) != '"') {
                    if (q.charAt(i) == '\\' && i + 1 < q.length()) {
                        i++;
                    }
                    sb.append(q.charAt(i++));
                }
                if (i >= q.length()) {
                    throw invalid(q, "unterminated string literal");
                }
                i++;
                tokens.add(sb.toString());
            } else if ("=!~<>".indexOf(c) >= 0) {
                int start = i;
                while (i < q.length() && "=!~<>".indexOf(q.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(q.substring(start, i));
            } else {
                int start = i;
                while (i < q.length() && !Character.isWhitespace(q.charAt(i)) && "=!~<>\"".indexOf(q.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(q.substring(start, i));
            }
        }
        return tokens;
    }

    private static ApiError invalid(String q, String why) {
        return ApiError.badRequest("Invalid query").detail(why).reason("q=" + q + ": " + why);
    }
}
