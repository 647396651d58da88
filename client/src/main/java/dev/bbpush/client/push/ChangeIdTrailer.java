package dev.bbpush.client.push;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The idempotency marker in a commit message: a git trailer line {@code Bbpush-Change-Id: <uuid>} (key
 * configurable). A push that timed out can look for its change id in the branch's recent commits to learn whether
 * the commit landed before retrying (retrying blindly could commit twice).
 *
 * <p>Follows git's trailer layout: trailers form the last paragraph of the message; if the message already ends with
 * a trailer paragraph (every line {@code Key: value}) the line is added to it, otherwise a blank line separates it.
 */
final class ChangeIdTrailer {
    /** The default trailer key. */
    public static final String DEFAULT_KEY = "Bbpush-Change-Id";

    private static final Pattern TRAILER_LINE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*:\\s.*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");

    private final String key;

    /** Uses {@link #DEFAULT_KEY}. */
    public ChangeIdTrailer() {
        this(DEFAULT_KEY);
    }

    /** @throws IllegalArgumentException if {@code key} is not a valid trailer key (letters, digits, dashes) */
    public ChangeIdTrailer(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("trailer key must be letters, digits and dashes, got '" + key + "'");
        }
        this.key = key;
    }

    public String key() {
        return key;
    }

    /**
     * Returns {@code message} with the trailer for {@code id}. An existing trailer with this key is replaced, so the
     * message carries exactly one change id. Trailing blank lines are dropped; the result ends with a newline.
     */
    public String append(String message, UUID id) {
        List<String> lines = new ArrayList<>(Arrays.asList((message == null ? "" : message).split("\\R", -1)));
        lines.removeIf(l -> isOurs(l));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        String line = key + ": " + id;
        if (lines.isEmpty()) {
            return line + "\n";
        }
        int start = lastParagraphStart(lines);
        boolean trailerBlock = start > 0
                && lines.subList(start, lines.size()).stream()
                        .allMatch(l -> TRAILER_LINE.matcher(l).matches());
        StringBuilder b = new StringBuilder(String.join("\n", lines)).append('\n');
        if (!trailerBlock) {
            b.append('\n');
        }
        return b.append(line).append('\n').toString();
    }

    /**
     * The change id in {@code message}'s trailer paragraph, if present and a valid UUID. When the key appears more
     * than once, the last occurrence wins (as {@code git interpret-trailers} lists them in order).
     */
    public Optional<UUID> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(message.split("\\R", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        Optional<UUID> found = Optional.empty();
        for (String l : lines.subList(lastParagraphStart(lines), lines.size())) {
            if (isOurs(l)) {
                String value = l.substring(l.indexOf(':') + 1).trim();
                try {
                    found = Optional.of(UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    // Not ours after all (hand-edited); keep looking.
                }
            }
        }
        return found;
    }

    private boolean isOurs(String line) {
        int colon = line.indexOf(':');
        return colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(key);
    }

    private static int lastParagraphStart(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }
}
