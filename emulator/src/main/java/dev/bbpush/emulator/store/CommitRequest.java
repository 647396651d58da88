package dev.bbpush.emulator.store;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.FileMode;

/**
 * A validated request to create one commit: where it goes, what it is based on, who wrote it, and the
 * files it writes and deletes. Paths are repository paths without a leading slash, already checked
 * with {@link RepoPaths#normalize}.
 *
 * @param branch the target branch, or {@code null} for the repository's main branch
 * @param parent the expected parent (full or abbreviated hex SHA), or {@code null} for "the tip"
 * @param message the commit message, verbatim
 * @param author the author; also used as committer
 * @param puts files to write (their mode decides regular, executable or symlink)
 * @param deletes paths to remove (a directory path removes the subtree)
 */
public record CommitRequest(
        String branch, String parent, String message, Identity author, List<Put> puts, Set<String> deletes) {

    public CommitRequest {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(author, "author");
        puts = List.copyOf(puts);
        deletes = Set.copyOf(deletes);
    }

    /** A file to write; for a symbolic link the content is the link target. */
    public record Put(String path, BlobSource content, Mode mode) {
        public Put {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** What kind of file a put writes. */
    public enum Mode {
        REGULAR_FILE(FileMode.REGULAR_FILE),
        EXECUTABLE_FILE(FileMode.EXECUTABLE_FILE),
        SYMLINK(FileMode.SYMLINK);

        private final FileMode fileMode;

        Mode(FileMode fileMode) {
            this.fileMode = fileMode;
        }

        FileMode fileMode() {
            return fileMode;
        }
    }

    /** A name and email, as in {@code Full Name <email@example.com>}. */
    public record Identity(String name, String email) {
        public Identity {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(email, "email");
        }

        /** The raw form, {@code Name <email>}. */
        @Override
        public String toString() {
            return name + " <" + email + ">";
        }
    }
}
