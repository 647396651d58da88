package dev.bbpush.emulator.api;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed multipart {@code Content-Disposition} header, e.g.
 * {@code form-data; name="/bin/run.sh"; filename="run.sh"; x-attributes="executable"}.
 *
 * <p>Parsed here rather than by the servlet container because Bitbucket's documentation spells the
 * attribute parameter both {@code x-attributes="executable"} and {@code x-attributes:"executable"}
 * (bitbucket-cloud-rest.md §2.1), and the colon form is not a MIME parameter at all.
 *
 * @param type the disposition type ({@code form-data}), lower case
 * @param params parameters by lower-case name, values unquoted; a parameter given twice keeps the first
 */
record ContentDisposition(String type, Map<String, String> params) {

    static ContentDisposition parse(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        int n = header.length();
        int semi = indexOfUnquoted(header, 0);
        String type = header.substring(0, semi).trim().toLowerCase(Locale.ROOT);
        int i = semi;
        while (i < n) {
            i++; // past ';'
            int end = indexOfUnquoted(header, i);
            String param = header.substring(i, end).trim();
            i = end;
            if (param.isEmpty()) {
                continue;
            }
            int sep = separator(param);
            if (sep < 0) {
                params.putIfAbsent(param.toLowerCase(Locale.ROOT), "");
                continue;
            }
            String key = param.substring(0, sep).trim().toLowerCase(Locale.ROOT);
            params.putIfAbsent(key, unquote(param.substring(sep + 1).trim()));
        }
        return new ContentDisposition(type, params);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The first {@code =} or {@code :} outside quotes. */
    private static int separator(String param) {
        for (int i = 0; i < param.length(); i++) {
            char c = param.charAt(i);
            if (c == '"') {
                return -1;
            }
            if (c == '=' || c == ':') {
                return i;
            }
        }
        return -1;
    }

    /** The next {@code ;} that is not inside a quoted string, or the end. */
    private static int indexOfUnquoted(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return s.length();
    }

    private static String unquote(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return v;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            // Browsers and most clients do not escape backslashes in names; only \" and \\ are unescaped.
            if (c == '\\' && i + 1 < v.length() - 1 && (v.charAt(i + 1) == '"' || v.charAt(i + 1) == '\\')) {
                i++;
                c = v.charAt(i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
