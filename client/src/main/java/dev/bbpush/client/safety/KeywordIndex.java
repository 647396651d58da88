package dev.bbpush.client.safety;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

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
    /** Keyword numbers by their lower-case first byte (ASCII); null where no keyword starts with that byte. */
    private final int[][] byFirstByte = new int[128][];

    KeywordIndex(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        List<List<Integer>> table = new ArrayList<>();
        for (int b = 0; b < 128; b++) {
            table.add(new ArrayList<>());
        }
        for (int k = 0; k < this.keywords.size(); k++) {
            String w = this.keywords.get(k);
            if (w.isEmpty()) {
                throw new IllegalArgumentException("empty keyword");
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (c >= 128 || lower(c) != c) {
                    throw new IllegalArgumentException("keyword is not lower-case ASCII: " + w);
                }
            }
            table.get(w.charAt(0)).add(k);
        }
        for (int b = 0; b < 128; b++) {
            List<Integer> ks = table.get(b);
            if (!ks.isEmpty()) {
                byFirstByte[b] = ks.stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** The keywords, in the order their numbers refer to. */
    List<String> keywords() {
        return keywords;
    }

    /** The numbers of the keywords that occur in {@code bytes[0, length)}, ignoring ASCII case. */
    BitSet find(byte[] bytes, int length) {
        BitSet found = new BitSet(keywords.size());
        for (int i = 0; i < length; i++) {
            int b = bytes[i];
            if (b < 0) {
                continue; // part of a multi-byte character: never starts an ASCII keyword
            }
            int[] candidates = byFirstByte[lower(b)];
            if (candidates == null) {
                continue;
            }
            for (int k : candidates) {
                if (!found.get(k) && occursAt(keywords.get(k), bytes, length, i)) {
                    found.set(k);
                }
            }
        }
        return found;
    }

    private static boolean occursAt(String keyword, byte[] bytes, int length, int at) {
        int n = keyword.length();
        if (at + n > length) {
            return false;
        }
        for (int j = 1; j < n; j++) {
            if (lower(bytes[at + j]) != keyword.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }
}
