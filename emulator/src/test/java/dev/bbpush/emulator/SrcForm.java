package dev.bbpush.emulator;

import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.entity.mime.ByteArrayBody;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.entity.mime.StringBody;
import org.apache.hc.core5.http.ContentType;

/** Builds {@code POST /src} multipart bodies for tests, including parts with a hand-written Content-Disposition. */
final class SrcForm {
    // LEGACY writes part headers as raw UTF-8, as browsers and Python clients send non-ASCII paths.
    private final MultipartEntityBuilder builder =
            MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY).setCharset(StandardCharsets.UTF_8);

    static SrcForm create() {
        return new SrcForm();
    }

    /** A text part without filename (a meta field, or a file the way the DECO/Renovate clients send it). */
    SrcForm field(String name, String value) {
        builder.addPart(name, new StringBody(value, ContentType.create("text/plain", StandardCharsets.UTF_8)));
        return this;
    }

    /** A file part with {@code name=filename=<path>}, as the Terraform provider sends it. */
    SrcForm file(String path, byte[] content) {
        builder.addBinaryBody(path, content, ContentType.APPLICATION_OCTET_STREAM, path);
        return this;
    }

    SrcForm file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A part whose Content-Disposition is exactly {@code disposition} (for x-attributes). */
    SrcForm raw(String name, String disposition, byte[] content) {
        builder.addPart(
                FormBodyPartBuilder.create(name, new ByteArrayBody(content, ContentType.APPLICATION_OCTET_STREAM))
                        .setField("Content-Disposition", disposition)
                        .build());
        return this;
    }

    MultipartEntityBuilder builder() {
        return builder;
    }
}
