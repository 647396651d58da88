package dev.bbpush.emulator.api;

import java.util.Locale;
import java.util.Map;

/**
 * Media types by file-name extension, as Bitbucket guesses them for {@code /src} (extension only,
 * never content; bitbucket-cloud-rest.md §3.1). The table follows Python's {@code mimetypes} defaults,
 * which the examples match ({@code README.md} → {@code text/markdown}, {@code .gitignore} → none).
 */
final class MediaTypes {
    /** Bitbucket does not document the type of a raw file with an unknown extension; the emulator's choice. */
    static final String UNKNOWN = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("md", "text/markdown"),
            Map.entry("markdown", "text/markdown"),
            Map.entry("txt", "text/plain"),
            Map.entry("text", "text/plain"),
            Map.entry("conf", "text/plain"),
            Map.entry("log", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("css", "text/css"),
            Map.entry("js", "text/javascript"),
            Map.entry("mjs", "text/javascript"),
            Map.entry("xml", "text/xml"),
            Map.entry("py", "text/x-python"),
            Map.entry("c", "text/x-c"),
            Map.entry("h", "text/x-c"),
            Map.entry("sh", "application/x-sh"),
            Map.entry("json", "application/json"),
            Map.entry("yaml", "application/yaml"),
            Map.entry("yml", "application/yaml"),
            Map.entry("toml", "application/toml"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("zip", "application/zip"),
            Map.entry("gz", "application/gzip"),
            Map.entry("tar", "application/x-tar"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("webp", "image/webp"));

    private MediaTypes() {}

    /** The media type for {@code path}'s extension, or {@code null} when the extension is unknown or absent. */
    static String guess(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1) {
            return null; // no extension, or a dot file such as .gitignore
        }
        return BY_EXTENSION.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
