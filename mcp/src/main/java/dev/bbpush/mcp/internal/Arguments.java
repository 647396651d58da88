package dev.bbpush.mcp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tool's arguments, read with the tool's input schema in mind: every problem is a {@link ToolCause#INVALID_ARGUMENTS}
 * failure naming the argument and the expected form. Values are never echoed back (an agent may paste anything), and
 * an argument that looks like a credential gets its own answer: the server takes credentials only from its
 * environment.
 */
final class Arguments {
    /** Names an agent might use to hand over a credential; refused with the environment variables to set instead. */
    private static final Set<String> CREDENTIAL_NAMES = Set.of(
            "token",
            "apitoken",
            "api_token",
            "accesstoken",
            "access_token",
            "password",
            "apppassword",
            "app_password",
            "secret",
            "credential",
            "credentials",
            "email",
            "username",
            "auth",
            "authorization",
            "bearer",
            "clientsecret",
            "client_secret");

    private final String tool;
    private final String path;
    private final Map<String, Object> values;

    private Arguments(String tool, String path, Map<String, Object> values) {
        this.tool = tool;
        this.path = path;
        this.values = values;
    }

    /**
     * The top-level arguments of {@code tool}, checked against the names its schema declares.
     *
     * @throws ToolFailure for an unknown argument (a credential-looking one says where credentials come from)
     */
    static Arguments of(String tool, Map<String, Object> values, Set<String> known) {
        Arguments a = new Arguments(tool, "", values == null ? Map.of() : values);
        a.onlyKnown(known);
        return a;
    }

    private void onlyKnown(Set<String> known) {
        for (String name : values.keySet()) {
            if (known.contains(name)) {
                continue;
            }
            if (CREDENTIAL_NAMES.contains(name.toLowerCase(Locale.ROOT).replace("-", ""))
                    || CREDENTIAL_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                throw new ToolFailure(
                        ToolCause.INVALID_ARGUMENTS,
                        tool + " does not take credentials as arguments: the call was refused, and '" + where(name)
                                + "' was neither used nor kept. The server uses only the credential of its own environment or "
                                + "config file.",
                        "Ask the person who configured the MCP server to set the credential in its environment (e.g. "
                                + "BBPUSH_EMAIL and BBPUSH_API_TOKEN in the host's \"env\" block), then call " + tool
                                + " without '" + name + "'.");
            }
            throw invalid("unknown argument '" + where(name) + "'", "Use only: " + String.join(", ", known) + ".");
        }
    }

    /** A required non-blank string. */
    String requiredString(String name, String example) {
        return optionalString(name)
                .orElseThrow(
                        () -> invalid("'" + where(name) + "' is required", "Pass \"" + name + "\": " + example + "."));
    }

    /** An optional string; blank counts as absent. */
    Optional<String> optionalString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw invalid("'" + where(name) + "' must be a string", "Pass \"" + name + "\" as a JSON string.");
        }
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    /** An optional string kept as given, even empty (file contents). */
    Optional<String> rawString(String name) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw invalid("'" + where(name) + "' must be a string", "Pass \"" + name + "\" as a JSON string.");
        }
        return Optional.of(s);
    }

    boolean bool(String name, boolean defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid("'" + where(name) + "' must be true or false", "Pass \"" + name + "\": true or false.");
        }
        return b;
    }

    int integer(String name, int defaultValue, int min, int max) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (!(v instanceof Number n)
                || n.doubleValue() != Math.rint(n.doubleValue())
                || n.intValue() < min
                || n.intValue() > max) {
            throw invalid(
                    "'" + where(name) + "' must be a whole number from " + min + " to " + max,
                    "Pass \"" + name + "\": a number from " + min + " to " + max + ".");
        }
        return n.intValue();
    }

    /** An optional list of non-blank strings (absent = empty). */
    List<String> strings(String name) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid("'" + where(name) + "' must be an array of strings", "Pass \"" + name + "\": [\"...\"].");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank()) {
                throw invalid(
                        "'" + where(name) + "[" + i + "]' must be a non-blank string",
                        "Pass \"" + name + "\" as an array of strings.");
            }
            out.add(s);
        }
        return out;
    }

    /** An optional list of objects (absent = empty), each checked against {@code known}. */
    List<Arguments> objects(String name, Set<String> known) {
        Object v = values.get(name);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw invalid("'" + where(name) + "' must be an array of objects", "Pass \"" + name + "\": [{...}].");
        }
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(object(where(name) + "[" + i + "]", list.get(i), known));
        }
        return out;
    }

    /** An optional object, checked against {@code known}. */
    Optional<Arguments> object(String name, Set<String> known) {
        Object v = values.get(name);
        return v == null ? Optional.empty() : Optional.of(object(where(name), v, known));
    }

    private Arguments object(String at, Object v, Set<String> known) {
        if (!(v instanceof Map<?, ?> map)) {
            throw invalid("'" + at + "' must be an object", "Pass \"" + at + "\" as a JSON object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        Arguments a = new Arguments(tool, at, m);
        a.onlyKnown(known);
        return a;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** An {@link ToolCause#INVALID_ARGUMENTS} failure of this tool. */
    ToolFailure invalid(String what, String fix) {
        return new ToolFailure(ToolCause.INVALID_ARGUMENTS, tool + ": " + what + ".", fix);
    }

    /** The argument's path for messages, e.g. {@code files[2].path}. */
    String where(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
