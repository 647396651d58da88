package dev.bbpush.emulator.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 for {@code POST /src} field names and meta values, and a readable rendering of text that cannot be
 * taken as it is. Decoding with replacement would turn every invalid byte into U+FFFD, so two different names would
 * write the same path; the emulator refuses them instead (docs/emulator-fidelity.md, "Path names").
 */
final class StrictUtf8 {
    private StrictUtf8() {}

    /** The text of {@code bytes}, or {@code null} when they are not valid UTF-8. */
    static String decodeOrNull(byte[] bytes) {
        try {
            return decoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * {@code bytes} for a message: valid UTF-8 as text, each invalid byte as {@code \xNN}, control characters as in
     * {@link #readable(String)}. Never contains the raw invalid bytes.
     */
    static String readable(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int len = sequenceLength(bytes[i] & 0xff);
            String ch = len > 0 && i + len <= bytes.length ? decodeOrNull(slice(bytes, i, len)) : null;
            if (ch == null) {
                out.append(String.format("\\x%02X", bytes[i] & 0xff));
                i++;
            } else {
                out.append(readable(ch));
                i += len;
            }
        }
        return out.toString();
    }

    /**
     * {@code text} for a message and a {@code fields} key: control characters (U+0000..U+001F, U+007F) as
     * {@code \xNN} and U+FFFD (what an invalid byte becomes when a decoder replaces it) as {@code \uFFFD}, so the
     * text stays on one line and shows what was wrong with it.
     */
    static String readable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02X", (int) c));
            } else if (c == '\uFFFD') {
                out.append("\\uFFFD");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The length of a UTF-8 sequence starting with {@code lead}, or 0 when it cannot start one. */
    private static int sequenceLength(int lead) {
        if (lead < 0x80) {
            return 1;
        }
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static byte[] slice(byte[] b, int from, int len) {
        byte[] out = new byte[len];
        System.arraycopy(b, from, out, 0, len);
        return out;
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }
}
