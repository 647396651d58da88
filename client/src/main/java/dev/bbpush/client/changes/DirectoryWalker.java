package dev.bbpush.client.changes;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import dev.bbpush.client.changes.WalkScope.Decision;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks one directory (without following symlinks) and maps its contents under a repository prefix, applying the
 * directory's {@link WalkScope}. Files keep their executable bit; symlinks become link entries if they stay inside
 * the walked directory.
 */
final class DirectoryWalker {
    private final Path root;
    private final Path realRoot;
    private final WalkScope scope;
    final List<FileChange> puts = new ArrayList<>();
    final List<SkippedFile> skipped = new ArrayList<>();

    DirectoryWalker(Path root, Path realRoot, WalkScope scope) {
        this.root = root;
        this.realRoot = realRoot;
        this.scope = scope;
    }

    void walk() throws IOException {
        // Walk the real path so that a directory argument that is itself a symlink is followed once, at the top.
        Files.walkFileTree(realRoot, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(realRoot)) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = relative(dir);
                if (dir.getFileName().toString().equalsIgnoreCase(".git")) {
                    skip(dir, rel, true, new Decision(SkipReason.GIT_METADATA, ""));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Decision d = scope.decideDirectory(rel);
                if (!d.taken()) {
                    skip(dir, rel, true, d);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(file);
                if (file.getFileName().toString().equalsIgnoreCase(".git")) {
                    // A .git *file* marks a worktree or submodule checkout.
                    skip(file, rel, false, new Decision(SkipReason.GIT_METADATA, ""));
                    return FileVisitResult.CONTINUE;
                }
                if (!attrs.isRegularFile() && !attrs.isSymbolicLink()) {
                    skip(file, rel, false, new Decision(SkipReason.SPECIAL_FILE, ""));
                    return FileVisitResult.CONTINUE;
                }
                Decision d = scope.decideFile(rel);
                if (!d.taken()) {
                    skip(file, rel, false, d);
                    return FileVisitResult.CONTINUE;
                }
                String repoPath = repoPath(file, rel);
                if (attrs.isSymbolicLink()) {
                    puts.add(FileChange.symlink(repoPath, checkedLinkTarget(file)));
                } else {
                    ContentSource content;
                    try {
                        content = ContentSource.file(file);
                    } catch (IOException e) {
                        throw new LocalContentException(
                                repoPath,
                                file.toString(),
                                "could not be read while walking " + root + " (" + e.getMessage() + ")",
                                e);
                    }
                    puts.add(FileChange.put(repoPath, content, modeOf(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw new LocalContentException(
                        null, file.toString(), "could not be read while walking " + root + " (" + e + ")", e);
            }
        });
    }

    private String relative(Path p) {
        StringBuilder b = new StringBuilder();
        for (Path part : realRoot.relativize(p)) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(part.toString());
        }
        return b.toString();
    }

    private String repoPath(Path local, String rel) {
        String joined = RepoPaths.join(scope.repoPrefix(), rel);
        String why = RepoPaths.violation(joined);
        if (why != null) {
            throw new InvalidChangeSetException(
                    Problem.INVALID_PATH,
                    "Cannot push " + RepoPaths.quote(local.toString()) + " as " + RepoPaths.quote(joined) + ": " + why
                            + ". Rename the file, or leave it out with --exclude.");
        }
        return joined;
    }

    private void skip(Path local, String rel, boolean dir, Decision d) {
        skipped.add(new SkippedFile(
                display(local),
                RepoPaths.join(scope.repoPrefix(), rel) + (dir ? "/" : ""),
                dir,
                d.reason(),
                d.pattern()));
    }

    /** The path as the user named it (under the argument, not its real path). */
    private String display(Path local) {
        return root.resolve(realRoot.relativize(local)).toString();
    }

    /**
     * The link's target, verbatim, after checking that it cannot reach outside the walked directory: an absolute
     * target would point into the pusher's machine, and a relative one climbing out of the root would point at a file
     * that is not being pushed (and could leak its path layout).
     */
    private String checkedLinkTarget(Path link) throws IOException {
        Path target = Files.readSymbolicLink(link);
        String shown = display(link);
        if (target.isAbsolute()) {
            throw new InvalidChangeSetException(
                    Problem.SYMLINK_OUTSIDE_ROOT,
                    "Symlink " + shown + " points at the absolute path " + target
                            + ", which would not resolve inside the repository. Make it a relative link inside "
                            + root + ", or leave it out with --exclude.");
        }
        Path resolved = link.getParent().resolve(target).normalize();
        boolean inside = resolved.startsWith(realRoot);
        if (inside && Files.exists(resolved)) {
            // The lexical check can be fooled by a link through another link; the real path cannot.
            inside = resolved.toRealPath().startsWith(realRoot);
        }
        if (!inside) {
            throw new InvalidChangeSetException(
                    Problem.SYMLINK_OUTSIDE_ROOT,
                    "Symlink " + shown + " points at " + target + ", which resolves outside " + root
                            + ". Only links that stay "
                            + "inside the pushed directory can be committed; replace it with a copy or leave it out with --exclude.");
        }
        return target.toString();
    }

    /** Git keeps one bit: executable if the owner may execute (core.fileMode). */
    static FileMode modeOf(Path file) throws IOException {
        try {
            return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
                            .contains(PosixFilePermission.OWNER_EXECUTE)
                    ? FileMode.EXECUTABLE
                    : FileMode.REGULAR;
        } catch (UnsupportedOperationException e) {
            return FileMode.REGULAR;
        }
    }
}
