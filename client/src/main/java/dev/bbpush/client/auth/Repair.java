package dev.bbpush.client.auth;

/**
 * One fix applied to a pasted value, reported as data so {@code auth status} can tell the user to clean the source.
 * Never contains the value itself.
 *
 * @param name the flag, variable, config key or {@code stdin} the value came from
 * @param kind what was fixed
 */
public record Repair(String name, Kind kind) {
    /** Kinds of paste damage bbpush repairs. */
    public enum Kind {
        SURROUNDING_WHITESPACE("removed surrounding whitespace"),
        LINE_BREAKS("removed embedded line breaks"),
        SURROUNDING_QUOTES("removed surrounding quotes"),
        AUTH_SCHEME_PREFIX("removed a pasted 'Bearer '/'Basic ' prefix"),
        MAILTO_PREFIX("removed a 'mailto:' prefix");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** E.g. {@code BBPUSH_API_TOKEN: removed surrounding quotes}. */
    public String describe() {
        return name + ": " + kind.text();
    }

    @Override
    public String toString() {
        return describe();
    }
}
