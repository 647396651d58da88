package dev.bbpush.client.changes;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;

/**
 * Validation and joining of repository paths ({@code live/main.tf}: no leading slash, {@code /}-separated).
 *
 * <p>Bitbucket does not document its path rules (reference §2.1, "Path rules: not documented"); we refuse anything
 * git itself refuses or that would be read differently by the server: empty paths and segments, {@code .} and
 * {@code ..} segments, a {@code .git} segment (any case, as git's {@code verify_path}), a trailing slash, NUL and
 * other control characters, unpaired UTF-16 surrogates (not encodable as UTF-8), and U+FFFD (what a file name that
 * is not valid UTF-8 becomes when Java reads it).
 */
public final class RepoPaths {
    private RepoPaths() {}

    /**
     * Returns {@code path} without its optional single leading slash (Bitbucket treats {@code /a} and {@code a} as the
     * same path), after checking it.
     *
     * @throws InvalidChangeSetException ({@link Problem#INVALID_PATH}) naming the path and the rule it breaks
     */
    public static String normalize(String path) {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        String p = path.startsWith("/") ? path.substring(1) : path;
        String why = violation(p);
        if (why != null) {
            throw new InvalidChangeSetException(
                    Problem.INVALID_PATH,
                    "Invalid repository path " + quote(path) + ": " + why
                            + ". Rename the file or choose another --to prefix.");
        }
        return p;
    }

    /**
     * Normalizes a directory prefix such as the {@code --to} option: surrounding slashes are dropped, and {@code ""}
     * or {@code "/"} mean the repository root (returned as {@code ""}).
     */
    public static String normalizePrefix(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? "" : normalize(p);
    }

    /** Joins a normalized prefix ({@code ""} = root) and a relative path. */
    public static String join(String prefix, String relative) {
        return prefix.isEmpty() ? relative : prefix + "/" + relative;
    }

    /** Whether {@code path} is {@code prefix} itself or lies below it ({@code ""} contains everything). */
    public static boolean isUnder(String path, String prefix) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Null when {@code p} (no leading slash) is acceptable, otherwise the reason. */
    static String violation(String p) {
        if (p.isEmpty()) {
            return "the path is empty";
        }
        if (p.endsWith("/")) {
            return "it ends with '/' (a file path cannot name a directory)";
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "it contains the control character U+" + String.format("%04X", (int) c);
            }
            if (c == '\uFFFD') {
                // Java reads file-name bytes that are not UTF-8 as U+FFFD: the real name is lost, and two such files
                // would
                // be pushed to the same path.
                return "it contains U+FFFD, the replacement character: the file name is not valid UTF-8 (or the JVM does not "
                        + "read file names as UTF-8: run with LANG=C.UTF-8)";
            }
            if (Character.isHighSurrogate(c) && (i + 1 >= p.length() || !Character.isLowSurrogate(p.charAt(i + 1)))) {
                return "it contains an unpaired UTF-16 surrogate";
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(p.charAt(i - 1)))) {
                return "it contains an unpaired UTF-16 surrogate";
            }
        }
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty()) {
                return "it has an empty segment ('//' or a leading '/')";
            }
            if (seg.equals(".") || seg.equals("..")) {
                return "it has a '" + seg + "' segment";
            }
            if (seg.equalsIgnoreCase(".git")) {
                return "it has a '.git' segment (git refuses to store such paths)";
            }
        }
        return null;
    }

    /**
     * Quotes a path for a message, escaping control characters (so messages stay on one line) and U+FFFD (so a name
     * that was not UTF-8 shows where).
     */
    static String quote(String path) {
        StringBuilder b = new StringBuilder("'");
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('\'').toString();
    }
}
