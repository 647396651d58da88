package dev.bbpush.client.safety;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which of a fixed set of ASCII keywords occur in a file's bytes, ignoring ASCII case, in one pass. It is the
 * scan's prefilter: a rule whose keywords all are absent cannot match, so its regular expressions do not run, and a
 * file in which no keyword occurs is never decoded to text at all.
 *
 * <p>Why bytes and ASCII case: every rule's pattern is ASCII and case-insensitive only in the ASCII sense (no
 * {@code UNICODE_CASE}); UTF-8 encodes ASCII characters as themselves and never uses bytes below 0x80 inside a
 * multi-byte character, and a malformed byte decodes to U+FFFD, never to ASCII. So a keyword occurs in the decoded
 * text exactly when it occurs in the bytes. (One pass over the bytes replaces a lower-cased copy of the text and one
 * {@code String.contains} pass per keyword: 20 passes, most of a cold push's scan time.)
 */
final class KeywordIndex {
    private final List<String> keywords;
    /** The keywords as bytes, by number. */
    private final byte[][] bytes;
    /**
     * Keyword numbers by their first two bytes, lower-case ASCII ({@code first * 128 + second}); null where no keyword
     * starts so. Two bytes rule out almost every position at once, so the pass is one table look-up per byte.
     */
    private final int[][] byFirstTwo = new int[128 * 128][];

    /** @throws IllegalArgumentException for a keyword that is not lower-case ASCII or is shorter than two bytes */
    KeywordIndex(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        this.bytes = new byte[this.keywords.size()][];
        Map<Integer, List<Integer>> table = new HashMap<>();
        for (int k = 0; k < this.keywords.size(); k++) {
            String w = this.keywords.get(k);
            if (w.length() < 2) {
                throw new IllegalArgumentException("keyword shorter than two characters: '" + w + "'");
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c >= 128 || lower(c) != c) {
                    throw new IllegalArgumentException("keyword is not lower-case ASCII: " + w);
                }
            }
            bytes[k] = w.getBytes(StandardCharsets.US_ASCII);
            table.computeIfAbsent(w.charAt(0) * 128 + w.charAt(1), x -> new ArrayList<>())
                    .add(k);
        }
        table.forEach((pair, ks) ->
                byFirstTwo[pair] = ks.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The keywords, in the order their numbers refer to. */
    List<String> keywords() {
        return keywords;
    }

    /** The numbers of the keywords that occur in {@code text[0, length)}, ignoring ASCII case. */
    BitSet find(byte[] text, int length) {
        BitSet found = new BitSet(bytes.length);
        int last = length - 1;
        for (int i = 0; i < last; i++) {
            int b0 = text[i];
            int b1 = text[i + 1];
            if ((b0 | b1) < 0) {
                continue; // part of a multi-byte character: never in an ASCII keyword
            }
            int[] candidates = byFirstTwo[lower(b0) * 128 + lower(b1)];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (occursAt(bytes[k], text, length, i)) {
                    found.set(k);
                }
            }
        }
        return found;
    }

    private static boolean occursAt(byte[] keyword, byte[] text, int length, int at) {
        int n = keyword.length;
        if (at + n > length) {
            return false;
        }
        for (int j = 2; j < n; j++) {
            if (lower(text[at + j]) != keyword[j]) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
