package dev.bbpush.emulator.api;

import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.store.BlobSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * One field of a {@code POST /src} form body, from a multipart part or a url-encoded pair.
 *
 * @param name the field name as sent (a meta name or a repository path)
 * @param hasFilename whether the multipart part carried a {@code filename} (then it is always a file)
 * @param attributes the {@code x-attributes} values, lower case (empty for url-encoded fields)
 * @param body the field's value, streamed
 */
record FormField(String name, boolean hasFilename, Set<String> attributes, BlobSource body) {
    /** Meta values are short; this bounds what a single meta field may hold in memory. */
    static final int MAX_META_BYTES = 1024 * 1024;

    /**
     * The value as UTF-8 text, for meta fields.
     *
     * @throws ApiError 400 when the value is larger than {@link #MAX_META_BYTES} or not valid UTF-8 (a {@code files}
     *     path decoded with U+FFFD would delete a different file)
     */
    String text() throws IOException {
        if (body.size() > MAX_META_BYTES) {
            throw ApiError.invalidField(name, "The value is too long.")
                    .reason("meta field " + name + " has " + body.size() + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) body.size());
        try (InputStream in = body.open()) {
            in.transferTo(out);
        }
        byte[] bytes = out.toByteArray();
        String text = StrictUtf8.decodeOrNull(bytes);
        if (text == null) {
            String readable = StrictUtf8.readable(bytes);
            throw ApiError.invalidField(name, "The value is not valid UTF-8: " + readable + ".")
                    .reason("meta field " + name + " is not UTF-8: " + readable);
        }
        return text;
    }
}
