package dev.bbpush.client.changes;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Content held in memory. toString never shows the bytes (they may be a secret). */
final class ByteContent implements ContentSource {
    private final byte[] content;
    private final String description;

    ByteContent(byte[] content, String description) {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null");
        }
        this.content = content.clone();
        this.description = description;
    }

    @Override
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public long size() {
        return content.length;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description + " (" + content.length + " bytes)";
    }
}
