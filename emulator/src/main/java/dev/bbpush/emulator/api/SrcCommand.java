package dev.bbpush.emulator.api;

import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.store.BranchNames;
import dev.bbpush.emulator.store.CommitRequest;
import dev.bbpush.emulator.store.RepoPaths;
import dev.bbpush.emulator.store.Revisions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the fields of a {@code POST /src} form into a {@link CommitRequest}, applying the field rules
 * of bitbucket-cloud-rest.md §2.1 and refusing bad input with 400 and a {@code fields} map.
 *
 * <p>Choices where Bitbucket's behaviour is not documented (also listed in {@code docs/emulator.md}):
 * a repeated {@code message}, {@code author} or {@code branch} is refused; more than one parent is
 * refused ("Only a single SHA1 is accepted"); unknown {@code x-attributes} values are refused; a file
 * path given twice, or a file path that is also a parent directory of another uploaded file, is
 * refused; {@code link} wins over {@code executable}.
 */
final class SrcCommand {
    static final Set<String> META = Set.of("message", "author", "parents", "files", "branch");
    /** Bitbucket's default message for {@code /src} commits is not documented; this is the emulator's. */
    static final String DEFAULT_MESSAGE = "Committed via the Bitbucket REST API";

    private static final Pattern AUTHOR = Pattern.compile("\\s*([^<>]*[^<>\\s])\\s*<([^<>\\s]+)>\\s*");
    private static final String AUTHOR_FORMAT = "Expected 'Full Name <email@example.com>'.";

    private SrcCommand() {}

    /**
     * @param defaultAuthor the author when the form has none (the authenticated account)
     * @throws ApiError 400 for an empty form, a repeated or invalid meta field, or an invalid path
     */
    static CommitRequest interpret(List<FormField> fields, CommitRequest.Identity defaultAuthor) throws IOException {
        if (fields.isEmpty()) {
            throw ApiError.badRequest("Bad request")
                    .detail("The form has no fields: nothing to commit.")
                    .reason("empty /src form");
        }
        Map<String, List<String>> meta = new LinkedHashMap<>();
        Map<String, CommitRequest.Put> puts = new LinkedHashMap<>();
        for (FormField f : fields) {
            if (!f.hasFilename() && META.contains(f.name())) {
                meta.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f.text());
                continue;
            }
            String path = path(f.name(), f.name());
            if (puts.containsKey(path)) {
                throw ApiError.invalidField(f.name(), "The path " + path + " is given more than once.")
                        .reason("duplicate file " + path);
            }
            puts.put(path, new CommitRequest.Put(path, f.body(), mode(f, path)));
        }
        checkNoFileIsAlsoADirectory(puts.keySet());

        String message = single(meta, "message");
        if (message == null) {
            message = DEFAULT_MESSAGE;
        } else if (message.indexOf('\0') >= 0) {
            throw ApiError.invalidField("message", "The message must not contain NUL characters.")
                    .reason("NUL in message");
        }
        String rawAuthor = single(meta, "author");
        CommitRequest.Identity author = rawAuthor == null ? defaultAuthor : author(rawAuthor);
        String branch = single(meta, "branch");
        if (branch != null && !BranchNames.isValid(branch)) {
            throw ApiError.invalidField("branch", "Invalid branch name: " + branch)
                    .reason("invalid branch name '" + branch + "'");
        }
        String parent = parent(meta.getOrDefault("parents", List.of()));

        Set<String> deletes = new LinkedHashSet<>();
        for (String f : meta.getOrDefault("files", List.of())) {
            String p = path(f, "files");
            if (!puts.containsKey(p)) {
                deletes.add(p);
            }
        }
        return new CommitRequest(branch, parent, message, author, new ArrayList<>(puts.values()), deletes);
    }

    /** {@code raw} normalized; refused with the field named readably (control characters and U+FFFD escaped). */
    static String path(String raw, String field) {
        try {
            return RepoPaths.normalize(raw);
        } catch (IllegalArgumentException e) {
            String readable = StrictUtf8.readable(raw);
            String key = StrictUtf8.readable(field);
            throw ApiError.invalidField(key, "Invalid path '" + readable + "': " + e.getMessage() + ".")
                    .reason("invalid path '" + readable + "' in field " + key + ": " + e.getMessage());
        }
    }

    private static CommitRequest.Mode mode(FormField f, String path) {
        boolean link = false;
        boolean executable = false;
        for (String a : f.attributes()) {
            switch (a) {
                case "link" -> link = true;
                case "executable" -> executable = true;
                default ->
                    throw ApiError.invalidField(
                                    f.name(), "Unsupported x-attributes value: " + a + " (use executable or link).")
                            .reason("x-attributes '" + a + "' on " + path);
            }
        }
        if (link) {
            if (!RepoPaths.symlinkAllowed(path)) {
                throw ApiError.invalidField(f.name(), path + " cannot be a symbolic link.")
                        .reason("symlink at " + path);
            }
            return CommitRequest.Mode.SYMLINK;
        }
        return executable ? CommitRequest.Mode.EXECUTABLE_FILE : CommitRequest.Mode.REGULAR_FILE;
    }

    /** {@code a} and {@code a/b} both uploaded: the tree cannot hold a file and a directory of one name. */
    private static void checkNoFileIsAlsoADirectory(Set<String> paths) {
        for (String p : paths) {
            for (int slash = p.indexOf('/'); slash > 0; slash = p.indexOf('/', slash + 1)) {
                String ancestor = p.substring(0, slash);
                if (paths.contains(ancestor)) {
                    throw ApiError.invalidField(
                                    p,
                                    "The path " + p + " needs " + ancestor + " to be a directory, but " + ancestor
                                            + " is also uploaded as a file.")
                            .reason("file/directory clash between " + ancestor + " and " + p);
                }
            }
        }
    }

    private static String single(Map<String, List<String>> meta, String name) {
        List<String> values = meta.get(name);
        if (values == null) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiError.invalidField(name, "Only one value is accepted.")
                    .reason(name + " given " + values.size() + " times");
        }
        return values.get(0);
    }

    private static CommitRequest.Identity author(String raw) {
        Matcher m = AUTHOR.matcher(raw);
        if (!m.matches() || raw.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ApiError.invalidField("author", "Invalid author: " + raw + ". " + AUTHOR_FORMAT)
                    .reason("malformed author '" + raw + "'");
        }
        return new CommitRequest.Identity(m.group(1).strip(), m.group(2));
    }

    /** {@code parents}: one SHA. Historically a comma-separated list; since June 2026 only one is accepted. */
    private static String parent(List<String> values) {
        List<String> shas = new ArrayList<>();
        for (String v : values) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    shas.add(s.strip());
                }
            }
        }
        if (shas.isEmpty()) {
            return null;
        }
        if (shas.size() > 1) {
            throw ApiError.invalidField("parents", "Only a single SHA1 is accepted.")
                    .reason("parents " + shas);
        }
        String sha = shas.get(0);
        if (!Revisions.isHex(sha)) {
            throw ApiError.invalidField("parents", "Not a commit SHA1: " + sha)
                    .reason("parents '" + sha + "' is not hex");
        }
        return sha;
    }
}
