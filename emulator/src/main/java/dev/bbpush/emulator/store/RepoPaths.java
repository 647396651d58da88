package dev.bbpush.emulator.store;

import java.util.Locale;
import java.util.Set;

/**
 * Rules for repository paths written through the REST API. Bitbucket does not document them
 * (bitbucket-cloud-rest.md §2.1, "Path rules"); the emulator refuses every path that Git itself would
 * refuse or that {@code git fsck} would flag, so no request can damage a repository.
 */
public final class RepoPaths {
    /** Names whose symlink form {@code git fsck} reports (gitmodulesSymlink and friends). */
    private static final Set<String> NO_SYMLINK_NAMES =
            Set.of(".gitmodules", ".gitattributes", ".gitignore", ".mailmap");

    private RepoPaths() {}

    /**
     * Returns {@code raw} without its one optional leading slash.
     *
     * @throws IllegalArgumentException with a message saying what is wrong: empty path, trailing slash,
     *     empty segment, {@code .} or {@code ..} segment, a {@code .git} segment (in any spelling Git
     *     treats as {@code .git} on some file system), a NUL or control character (U+0000..U+001F, U+007F), or
     *     U+FFFD (the trace of a name that was not valid UTF-8)
     */
    public static String normalize(String raw) {
        String p = raw.startsWith("/") ? raw.substring(1) : raw;
        if (p.isEmpty()) {
            throw new IllegalArgumentException("the path is empty");
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("the path contains a control character (code " + (int) c + ")");
            }
            if (c == '\uFFFD') {
                // What a decoder makes of bytes that are not UTF-8: the name the client meant is lost, and two such
                // names
                // would write the same path.
                throw new IllegalArgumentException(
                        "the path contains U+FFFD, the replacement character: its name was not "
                                + "valid UTF-8. Send paths UTF-8 encoded");
            }
        }
        if (p.endsWith("/")) {
            throw new IllegalArgumentException("the path ends with a slash");
        }
        for (String segment : p.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("the path has an empty segment (two slashes in a row)");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("the path has a '" + segment + "' segment");
            }
            if (isDotGit(segment)) {
                throw new IllegalArgumentException("the path has a '.git' segment");
            }
        }
        return p;
    }

    /**
     * Whether a symlink may be written at {@code path}: {@code git fsck} flags symlinks named
     * {@code .gitmodules}, {@code .gitattributes}, {@code .gitignore} or {@code .mailmap}.
     */
    public static boolean symlinkAllowed(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return !NO_SYMLINK_NAMES.contains(name);
    }

    /** {@code .git} as Git's fsck sees it: any case, NTFS trailing dots/spaces, {@code git~1}, HFS+ ignorables. */
    static boolean isDotGit(String segment) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (!hfsIgnorable(c)) {
                sb.append(c);
            }
        }
        String s = sb.toString().toLowerCase(Locale.ROOT);
        String trimmed = s.replaceAll("[. ]+$", "");
        return s.equals(".git") || trimmed.equals(".git") || trimmed.equals("git~1");
    }

    private static boolean hfsIgnorable(char c) {
        return (c >= '\u200c' && c <= '\u200f')
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u206a' && c <= '\u206f')
                || c == '\ufeff';
    }
}
