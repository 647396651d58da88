package dev.bbpush.client.changes;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Collects inputs and maps them to repository paths, the way {@code bbpush push PATH... --to PREFIX} does:
 *
 * <ul>
 *   <li>a <b>directory</b> maps its <i>contents</i> (not the directory itself) under the prefix: {@code infra} with
 *       {@code --to live} puts {@code infra/main.tf} at {@code live/main.tf};
 *   <li>a <b>file</b> goes to {@code PREFIX/<its name>};
 *   <li>the prefix defaults to the repository root.
 * </ul>
 *
 * <p>Directory walks skip {@code .git}, apply {@code --include}/{@code --exclude} and the directory's
 * {@code .bbpushignore} (see docs/library.md for the pattern syntax; patterns are relative to the walked
 * directory), apply the {@link TerraformProfile} (on by default) and record everything they leave out in
 * {@link ChangeSet#skipped()}. Files named explicitly are always taken: filters apply to walks only, and an explicit
 * Terraform state file is kept so that the safety scan can block the push instead of silently dropping it.
 *
 * <p>Nothing is read until {@link #build()}. A builder is single-use and not thread-safe.
 */
public final class ChangeSetBuilder {
    private interface Input {}

    private record PathInput(Path path) implements Input {}

    private record FileInput(Path file, String repoPath) implements Input {}

    private record DirInput(Path dir, String repoPrefix) implements Input {}

    private record StreamInput(String repoPath, InputStream in, FileMode mode, String description) implements Input {}

    private record ChangeInput(FileChange change) implements Input {}

    private final List<Input> inputs = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private final List<String> excludes = new ArrayList<>();
    private String prefix = "";
    private boolean terraformProfile = true;
    private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));

    ChangeSetBuilder() {}

    /**
     * The repository directory that {@link #addPath(Path)} inputs map into ({@code --to}); default the root.
     * Surrounding slashes are ignored.
     *
     * @throws InvalidChangeSetException if the prefix is not a valid repository path
     */
    public ChangeSetBuilder to(String repoPrefix) {
        this.prefix = RepoPaths.normalizePrefix(repoPrefix);
        return this;
    }

    /** Restricts directory walks to files matching at least one include pattern (gitignore syntax). */
    public ChangeSetBuilder include(String pattern) {
        WalkScope.checkPattern(pattern, "--include");
        includes.add(pattern);
        return this;
    }

    /** Leaves files matching the pattern (gitignore syntax) out of directory walks. */
    public ChangeSetBuilder exclude(String pattern) {
        WalkScope.checkPattern(pattern, "--exclude");
        excludes.add(pattern);
        return this;
    }

    /**
     * Turns the Terraform profile on (default) or off for directory walks. Turning it off means state files and
     * {@code .terraform/} found in a walk are pushed; prefer {@code SafetyOverrides.allow(path, "terraform-profile")}
     * for a single file.
     */
    public ChangeSetBuilder terraformProfile(boolean on) {
        this.terraformProfile = on;
        return this;
    }

    /** Where stdin is spooled (default {@code java.io.tmpdir}). */
    public ChangeSetBuilder spoolDirectory(Path dir) {
        this.spoolDirectory = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** A file or directory argument, mapped under the {@link #to(String)} prefix (file → prefix/name). */
    public ChangeSetBuilder addPath(Path path) {
        inputs.add(new PathInput(Objects.requireNonNull(path, "path")));
        return this;
    }

    /** A local file at an exact repository path. Symlinks are followed (like {@code cp}). */
    public ChangeSetBuilder addFile(Path file, String repoPath) {
        inputs.add(new FileInput(Objects.requireNonNull(file, "file"), RepoPaths.normalize(repoPath)));
        return this;
    }

    /** The contents of a local directory under an explicit repository prefix ({@code ""} = root). */
    public ChangeSetBuilder addDirectory(Path dir, String repoPrefix) {
        inputs.add(new DirInput(Objects.requireNonNull(dir, "dir"), RepoPaths.normalizePrefix(repoPrefix)));
        return this;
    }

    /**
     * A one-shot stream (stdin) at {@code repoPath}. At {@link #build()} it is read to its end and spooled to a
     * temporary file (see {@link ContentSource#spool}); {@link ChangeSet#close()} deletes that file.
     */
    public ChangeSetBuilder addStdin(String repoPath, InputStream in, FileMode mode) {
        inputs.add(new StreamInput(
                RepoPaths.normalize(repoPath),
                Objects.requireNonNull(in, "in"),
                Objects.requireNonNull(mode, "mode"),
                "stdin"));
        return this;
    }

    /** Same as {@link #addStdin(String, InputStream, FileMode)} for a regular file. */
    public ChangeSetBuilder addStdin(String repoPath, InputStream in) {
        return addStdin(repoPath, in, FileMode.REGULAR);
    }

    /** In-memory content at {@code repoPath}. */
    public ChangeSetBuilder addBytes(String repoPath, byte[] content, FileMode mode) {
        return add(FileChange.put(repoPath, ContentSource.bytes(content), mode));
    }

    /** In-memory content at {@code repoPath}, as an executable file (git mode {@code 100755}). */
    public ChangeSetBuilder addExecutable(String repoPath, byte[] content) {
        return addBytes(repoPath, content, FileMode.EXECUTABLE);
    }

    /** In-memory UTF-8 text at {@code repoPath}, as an executable file (a script, git mode {@code 100755}). */
    public ChangeSetBuilder addExecutable(String repoPath, String text) {
        return addExecutable(repoPath, text.getBytes(StandardCharsets.UTF_8));
    }

    /** In-memory UTF-8 text at {@code repoPath} (a regular file). */
    public ChangeSetBuilder addText(String repoPath, String text) {
        return addBytes(repoPath, text.getBytes(StandardCharsets.UTF_8), FileMode.REGULAR);
    }

    /** An explicit delete of {@code repoPath}. */
    public ChangeSetBuilder delete(String repoPath) {
        return add(FileChange.delete(repoPath));
    }

    /** Any prepared change. */
    public ChangeSetBuilder add(FileChange change) {
        inputs.add(new ChangeInput(Objects.requireNonNull(change, "change")));
        return this;
    }

    /**
     * Reads the inputs (walks directories, stats files, spools stdin) and builds the change set.
     *
     * @throws InvalidChangeSetException for a missing input, an invalid path, a symlink leaving its directory, two
     *     inputs for one path or a file/directory conflict; nothing is left spooled in that case
     * @throws LocalContentException if a file or directory cannot be read (naming it)
     * @throws IOException if standard input or an ignore file cannot be read, or spooling fails
     */
    public ChangeSet build() throws IOException {
        List<FileChange> changes = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<WalkScope> scopes = new ArrayList<>();
        try {
            for (Input in : inputs) {
                if (in instanceof PathInput p) {
                    addPathInput(p.path(), changes, skipped, scopes);
                } else if (in instanceof FileInput f) {
                    changes.add(explicitFile(f.file(), f.repoPath()));
                } else if (in instanceof DirInput d) {
                    walk(d.dir(), d.repoPrefix(), changes, skipped, scopes);
                } else if (in instanceof StreamInput s) {
                    changes.add(FileChange.put(
                            s.repoPath(), ContentSource.spool(s.in(), spoolDirectory, s.description()), s.mode()));
                } else {
                    changes.add(((ChangeInput) in).change());
                }
            }
            skipped.sort(Comparator.comparing(SkippedFile::repoPath));
            return ChangeSet.create(changes, skipped, scopes);
        } catch (IOException | RuntimeException e) {
            ChangeSet.closeSpooled(changes);
            throw e;
        }
    }

    private void addPathInput(Path path, List<FileChange> changes, List<SkippedFile> skipped, List<WalkScope> scopes)
            throws IOException {
        if (Files.isDirectory(path)) {
            walk(path, prefix, changes, skipped, scopes);
        } else {
            Path name = path.getFileName();
            if (name == null) {
                throw notFound(path, "it has no file name");
            }
            changes.add(explicitFile(path, RepoPaths.join(prefix, name.toString())));
        }
    }

    private FileChange explicitFile(Path file, String repoPath) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw notFound(file, "it does not exist");
        }
        if (attrs.isSymbolicLink() && !Files.exists(file)) {
            throw notFound(file, "it is a symlink whose target does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw notFound(file, "it is not a regular file");
        }
        String why = RepoPaths.violation(repoPath);
        if (why != null) {
            throw new InvalidChangeSetException(
                    Problem.INVALID_PATH,
                    "Cannot push " + RepoPaths.quote(file.toString()) + " as " + RepoPaths.quote(repoPath) + ": " + why
                            + ". Rename the file or choose another --to prefix.");
        }
        ContentSource content;
        try {
            content = ContentSource.file(file);
        } catch (IOException e) {
            throw new LocalContentException(repoPath, file.toString(), "could not be read (" + e.getMessage() + ")", e);
        }
        return FileChange.put(repoPath, content, DirectoryWalker.modeOf(file.toRealPath()));
    }

    private void walk(
            Path dir, String repoPrefix, List<FileChange> changes, List<SkippedFile> skipped, List<WalkScope> scopes)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw notFound(dir, "it is not a directory");
        }
        Path real = dir.toRealPath();
        Path ignoreFile = real.resolve(WalkScope.IGNORE_FILE);
        List<String> ignoreLines = Files.isRegularFile(ignoreFile, LinkOption.NOFOLLOW_LINKS)
                ? Files.readAllLines(ignoreFile, StandardCharsets.UTF_8)
                : List.of();
        WalkScope scope = new WalkScope(dir.toString(), repoPrefix, includes, excludes, ignoreLines, terraformProfile);
        DirectoryWalker walker = new DirectoryWalker(dir, real, scope);
        walker.walk();
        changes.addAll(walker.puts);
        skipped.addAll(walker.skipped);
        scopes.add(scope);
    }

    private static InvalidChangeSetException notFound(Path p, String why) {
        return new InvalidChangeSetException(
                Problem.INPUT_NOT_FOUND,
                "Cannot push " + RepoPaths.quote(p.toString()) + ": " + why + ". Check the path argument.");
    }
}
