package dev.bbpush.client.changes;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * One path a commit touches: either a put (new content and mode at a repository path) or a delete. Immutable.
 * Paths are repository paths without a leading slash; a single leading slash is accepted and dropped.
 */
public final class FileChange {

    /** Whether the change writes or removes the path. */
    public enum Kind {
        PUT,
        DELETE
    }

    private final String path;
    private final Kind kind;
    private final ContentSource content;
    private final FileMode mode;

    private FileChange(String path, Kind kind, ContentSource content, FileMode mode) {
        this.path = path;
        this.kind = kind;
        this.content = content;
        this.mode = mode;
    }

    /**
     * Writes {@code content} at {@code repoPath} with {@code mode}. For {@link FileMode#SYMLINK} the content is the
     * link target (see {@link #symlink(String, String)}).
     *
     * @throws InvalidChangeSetException if the path is not one Bitbucket would accept ({@link RepoPaths})
     */
    public static FileChange put(String repoPath, ContentSource content, FileMode mode) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mode, "mode");
        return new FileChange(RepoPaths.normalize(repoPath), Kind.PUT, content, mode);
    }

    /** A regular (non-executable) file. */
    public static FileChange put(String repoPath, ContentSource content) {
        return put(repoPath, content, FileMode.REGULAR);
    }

    /** A symbolic link at {@code repoPath} pointing at {@code target} (stored verbatim, as git does). */
    public static FileChange symlink(String repoPath, String target) {
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("symlink target must not be empty");
        }
        return put(
                repoPath, new ByteContent(target.getBytes(StandardCharsets.UTF_8), "symlink target"), FileMode.SYMLINK);
    }

    /**
     * Removes {@code repoPath} (sent as a {@code files} field without a same-named file part, reference §2.1).
     *
     * @throws InvalidChangeSetException if the path is not one Bitbucket would accept
     */
    public static FileChange delete(String repoPath) {
        return new FileChange(RepoPaths.normalize(repoPath), Kind.DELETE, null, null);
    }

    /** The repository path, without a leading slash. */
    public String path() {
        return path;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isPut() {
        return kind == Kind.PUT;
    }

    public boolean isDelete() {
        return kind == Kind.DELETE;
    }

    /** The content of a put; empty for a delete. */
    public Optional<ContentSource> content() {
        return Optional.ofNullable(content);
    }

    /** The mode of a put; empty for a delete. */
    public Optional<FileMode> mode() {
        return Optional.ofNullable(mode);
    }

    /** The content of a put. @throws IllegalStateException for a delete */
    public ContentSource requireContent() {
        if (content == null) {
            throw new IllegalStateException("delete of " + path + " has no content");
        }
        return content;
    }

    /** The mode of a put. @throws IllegalStateException for a delete */
    public FileMode requireMode() {
        if (mode == null) {
            throw new IllegalStateException("delete of " + path + " has no mode");
        }
        return mode;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileChange)) {
            return false;
        }
        FileChange other = (FileChange) o;
        return path.equals(other.path)
                && kind == other.kind
                && Objects.equals(content, other.content)
                && mode == other.mode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, kind, content, mode);
    }

    /** Names the path, the kind, the mode and where content comes from; never the content. */
    @Override
    public String toString() {
        return kind == Kind.DELETE
                ? "delete " + path
                : "put " + path + " (" + mode + ", from " + content.description() + ")";
    }
}
