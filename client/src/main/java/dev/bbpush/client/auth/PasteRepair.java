package dev.bbpush.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Repairs the usual damage of pasting a secret or an email, and reports each repair: surrounding whitespace, embedded
 * CR/LF, surrounding quotes (single, double, backticks), a pasted {@code Bearer }/{@code Basic } prefix on a token, and
 * a {@code mailto:} prefix on an email. Repairs repeat until nothing changes ({@code " 'Bearer x'\n"} → {@code x}).
 */
final class PasteRepair {
    private PasteRepair() {}

    /** A cleaned value and the repairs it needed. The value may be empty (then it is unusable). */
    public record Cleaned(String value, List<Repair> repairs) {
        public Cleaned {
            repairs = List.copyOf(repairs);
        }

        @Override
        public String toString() {
            return "Cleaned[value=" + Secret.mask(value) + ", repairs=" + repairs + "]";
        }
    }

    /** Cleans a token, password or client secret. */
    public static Cleaned secret(String name, String raw) {
        return clean(name, raw, true, false);
    }

    /** Cleans an email address. */
    public static Cleaned email(String name, String raw) {
        return clean(name, raw, false, true);
    }

    /** Cleans a plain value (username, client id, URL): whitespace, line breaks and quotes only. */
    public static Cleaned plain(String name, String raw) {
        return clean(name, raw, false, false);
    }

    private static Cleaned clean(String name, String raw, boolean token, boolean email) {
        List<Repair> repairs = new ArrayList<>();
        String v = raw;
        boolean changed = true;
        while (changed) {
            changed = false;
            String stripped = v.strip();
            if (!stripped.equals(v)) {
                add(repairs, name, Repair.Kind.SURROUNDING_WHITESPACE);
                v = stripped;
                changed = true;
            }
            if (v.length() >= 2 && isQuote(v.charAt(0)) && v.charAt(v.length() - 1) == v.charAt(0)) {
                add(repairs, name, Repair.Kind.SURROUNDING_QUOTES);
                v = v.substring(1, v.length() - 1);
                changed = true;
            }
            String lower = v.toLowerCase(Locale.ROOT);
            if (token && (lower.startsWith("bearer ") || lower.startsWith("basic "))) {
                add(repairs, name, Repair.Kind.AUTH_SCHEME_PREFIX);
                v = v.substring(v.indexOf(' ') + 1);
                changed = true;
            }
            if (email && lower.startsWith("mailto:")) {
                add(repairs, name, Repair.Kind.MAILTO_PREFIX);
                v = v.substring("mailto:".length());
                changed = true;
            }
        }
        if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            add(repairs, name, Repair.Kind.LINE_BREAKS);
            v = v.replace("\r", "").replace("\n", "");
        }
        return new Cleaned(v, repairs);
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static void add(List<Repair> repairs, String name, Repair.Kind kind) {
        Repair r = new Repair(name, kind);
        if (!repairs.contains(r)) {
            repairs.add(r);
        }
    }
}
