package dev.bbpush.emulator.api;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Keeps the raw bytes of each multipart part's {@code Content-Disposition} header while the body streams past, in
 * part order. The servlet container decodes part headers as UTF-8 with replacement and turns a tab into a space, so
 * its {@code name} cannot show whether a path was valid UTF-8 or held a control character; these bytes can.
 *
 * <p>It only watches: the container still parses the body, and a body this scanner cannot follow simply yields no
 * (or fewer) headers, in which case the caller keeps the container's names.
 */
final class PartHeaderSniffer {
    /** Part header blocks longer than this are not kept (the container refuses them anyway). */
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private enum State {
        SEARCH,
        AFTER_DELIMITER,
        AFTER_DASH,
        LINE_END,
        HEADERS,
        DONE
    }

    private final byte[] delimiter;
    private final int[] failure;
    private int matched;
    private State state = State.SEARCH;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private boolean headerTooLong;
    /** The last four header bytes seen, newest in the low byte, and how many bytes the block has. */
    private int last4;

    private int headerLength;
    private final List<byte[]> dispositions = new ArrayList<>();

    /** @param boundary the {@code boundary} parameter of the request's content type */
    PartHeaderSniffer(String boundary) {
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.failure = failureFunction(delimiter);
        // The first delimiter may open the body without a preceding CRLF.
        feed((byte) '\r');
        feed((byte) '\n');
    }

    void feed(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end && state != State.DONE) {
            if (state == State.SEARCH && matched == 0) {
                // Part content: skip to the next CR, the only byte that can start a delimiter.
                while (i < end && b[i] != '\r') {
                    i++;
                }
                if (i == end) {
                    break;
                }
            }
            feed(b[i]);
            i++;
        }
    }

    /** The raw {@code Content-Disposition} value of each complete part header seen, in order ({@code null} when absent). */
    List<byte[]> dispositions() {
        return dispositions;
    }

    void feed(byte b) {
        switch (state) {
            case SEARCH -> {
                while (matched > 0 && delimiter[matched] != b) {
                    matched = failure[matched - 1];
                }
                if (delimiter[matched] == b) {
                    matched++;
                }
                if (matched == delimiter.length) {
                    matched = 0;
                    state = State.AFTER_DELIMITER;
                }
            }
            case AFTER_DELIMITER -> state = b == '-' ? State.AFTER_DASH : b == '\n' ? startHeaders() : State.LINE_END;
            case AFTER_DASH -> state = b == '-' ? State.DONE : b == '\n' ? startHeaders() : State.LINE_END;
            case LINE_END -> {
                if (b == '\n') {
                    state = startHeaders();
                }
            }
            case HEADERS -> {
                last4 = (last4 << 8) | (b & 0xff);
                headerLength++;
                if (header.size() < MAX_HEADER_BYTES) {
                    header.write(b);
                } else {
                    headerTooLong = true;
                }
                if (endsWithBlankLine()) {
                    if (!headerTooLong) {
                        dispositions.add(disposition(header.toByteArray()));
                    }
                    // Content follows; the next delimiter is searched for from here.
                    state = State.SEARCH;
                }
            }
            case DONE -> {
                // The closing delimiter was seen; the epilogue is ignored.
            }
        }
    }

    private State startHeaders() {
        header.reset();
        headerTooLong = false;
        last4 = 0;
        headerLength = 0;
        return State.HEADERS;
    }

    private boolean endsWithBlankLine() {
        // An empty header block is just CRLF.
        return (headerLength == 2 && (last4 & 0xffff) == 0x0d0a) || (headerLength >= 4 && last4 == 0x0d0a0d0a);
    }

    /** The raw value of the Content-Disposition line in {@code block}, or {@code null}. */
    private static byte[] disposition(byte[] block) {
        int start = 0;
        for (int i = 0; i + 1 < block.length; i++) {
            if (block[i] == '\r' && block[i + 1] == '\n') {
                byte[] line = Arrays.copyOfRange(block, start, i);
                String latin1 = new String(line, StandardCharsets.ISO_8859_1);
                int colon = latin1.indexOf(':');
                if (colon > 0
                        && latin1.substring(0, colon)
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .equals("content-disposition")) {
                    return latin1.substring(colon + 1).strip().getBytes(StandardCharsets.ISO_8859_1);
                }
                start = i + 2;
                i++;
            }
        }
        return null;
    }

    private static int[] failureFunction(byte[] p) {
        int[] f = new int[p.length];
        int k = 0;
        for (int i = 1; i < p.length; i++) {
            while (k > 0 && p[i] != p[k]) {
                k = f[k - 1];
            }
            if (p[i] == p[k]) {
                k++;
            }
            f[i] = k;
        }
        return f;
    }
}
