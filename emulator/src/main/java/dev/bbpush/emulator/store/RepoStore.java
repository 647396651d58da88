package dev.bbpush.emulator.store;

import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Permission;
import dev.bbpush.emulator.world.Repo;
import dev.bbpush.emulator.world.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Bare Git repositories on disk, one per world repository, at {@code <root>/<workspace>/<slug>.git}.
 *
 * <p>Writes to one repository are serialized through {@link #writeLock}; branch moves are
 * compare-and-swap ({@link RefUpdate} with the expected old id), so Git pushes that do not take the
 * lock still cannot lose a REST commit or be lost by one.
 */
public final class RepoStore implements AutoCloseable {
    /** The seed commits' fixed time, so seeded SHAs are the same on every run. */
    static final Instant SEED_TIME = Instant.parse("2026-01-05T10:00:00Z");

    private final Path root;
    private final Map<String, Repository> open = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /**
     * Every request that touches repositories holds the read side; {@link #exclusively} (reset) takes the
     * write side, so a reset never deletes a repository under an in-flight request.
     */
    private final ReentrantReadWriteLock storeLock = new ReentrantReadWriteLock();

    public RepoStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Where request bodies are spooled to disk (multipart parts and url-encoded values above the in-memory
     * threshold): {@code spool/} next to the repositories, in the same data directory.
     */
    public Path spoolDirectory() {
        return root.resolveSibling("spool");
    }

    public Path pathOf(String workspace, String slug) {
        return root.resolve(workspace).resolve(slug + ".git");
    }

    /** The open bare repository for {@code workspace/slug}. It must exist (see {@link #seed}). */
    public Repository repository(String workspace, String slug) {
        return open.computeIfAbsent(workspace + "/" + slug, k -> {
            try {
                return new FileRepositoryBuilder()
                        .setGitDir(pathOf(workspace, slug).toFile())
                        .setMustExist(true)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("repository " + k + " is missing from the store", e);
            }
        });
    }

    /** What the REST API reads and changes in {@code repo}'s Git repository, which must exist (see {@link #seed}). */
    public RepoContents contents(Repo repo) {
        return new RepoContents(repository(repo.workspace(), repo.slug()));
    }

    /**
     * The repository's effective main branch: where {@code HEAD} points, which a {@code /src} root commit with
     * {@code branch=X} moves (see {@link Revisions#mainBranch}); the world's configured one otherwise. Every API that
     * needs "the main branch" asks here, never {@link Repo#mainBranch()} directly.
     *
     * @throws UncheckedIOException when the repository cannot be read
     */
    public String mainBranch(Repo repo) {
        try {
            return Revisions.mainBranch(repository(repo.workspace(), repo.slug()), repo.mainBranch());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read HEAD of " + repo.fullName(), e);
        }
    }

    /** The shared side of the store-wide lock: held by every REST and Git request while it runs. */
    public Lock sharedAccess() {
        return storeLock.readLock();
    }

    /** Runs {@code action} while no request holds {@link #sharedAccess()} (waits for in-flight ones to finish). */
    public void exclusively(Runnable action) {
        storeLock.writeLock().lock();
        try {
            action.run();
        } finally {
            storeLock.writeLock().unlock();
        }
    }

    /** The lock that serializes REST writes to one repository. */
    public ReentrantLock writeLock(String workspace, String slug) {
        return locks.computeIfAbsent(workspace + "/" + slug, k -> new ReentrantLock(true));
    }

    /**
     * Creates every repository of the world that is not on disk yet, with its seed commit. Repositories
     * already present (a persisted {@code --data} directory) are left as they are. Each repository is built
     * in a scratch directory and moved into place only when complete, so a failure never leaves a
     * half-seeded repository that a later {@code seed} would skip.
     */
    public void seed(World world) {
        for (Repo repo : world.repositories()) {
            Path dir = pathOf(repo.workspace(), repo.slug());
            if (Files.isDirectory(dir)) {
                continue;
            }
            Path scratch = dir.resolveSibling(dir.getFileName() + ".seeding");
            try {
                Files.createDirectories(dir.getParent());
                deleteTree(scratch);
                Files.deleteIfExists(scratch);
                try (Git git = Git.init()
                        .setBare(true)
                        .setInitialBranch(repo.mainBranch())
                        .setDirectory(scratch.toFile())
                        .call()) {
                    if (!repo.seedFiles().isEmpty()) {
                        seedCommit(git.getRepository(), repo, world);
                    }
                }
                Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | GitAPIException | UncheckedIOException e) {
                try {
                    deleteTree(scratch);
                    Files.deleteIfExists(scratch);
                } catch (IOException | UncheckedIOException ignored) {
                    // The next seed deletes the scratch directory again.
                }
                throw new IllegalStateException("cannot create repository " + repo.fullName() + " under " + root, e);
            }
        }
    }

    private static void seedCommit(Repository db, Repo repo, World world) throws IOException {
        Account author = world.accounts().stream()
                .filter(a -> repo.permissionOf(a.username()).includes(Permission.WRITE))
                .findFirst()
                .orElse(null);
        PersonIdent ident = author == null
                ? new PersonIdent(
                        "Bitbucket Emulator",
                        "emulator@bbpush.invalid",
                        SEED_TIME,
                        TimeZone.getTimeZone("UTC").toZoneId())
                : new PersonIdent(
                        author.displayName(),
                        author.email(),
                        SEED_TIME,
                        TimeZone.getTimeZone("UTC").toZoneId());
        try (ObjectInserter ins = db.newObjectInserter()) {
            Map<String, GitTrees.Entry> puts = new TreeMap<>();
            Set<String> exec = repo.seedExecutables();
            for (Map.Entry<String, String> f : repo.seedFiles().entrySet()) {
                ObjectId blob = ins.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8));
                puts.put(
                        f.getKey(),
                        new GitTrees.Entry(
                                blob, exec.contains(f.getKey()) ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE));
            }
            ObjectId tree = GitTrees.apply(db, ins, null, puts, Set.of());
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            cb.setAuthor(ident);
            cb.setCommitter(ident);
            cb.setMessage("Initial commit\n");
            ObjectId commit = ins.insert(cb);
            ins.flush();
            RefUpdate ru = db.updateRef(Constants.R_HEADS + repo.mainBranch());
            ru.setNewObjectId(commit);
            ru.setExpectedOldObjectId(ObjectId.zeroId());
            RefUpdate.Result r = ru.update();
            if (r != RefUpdate.Result.NEW) {
                throw new IOException("seeding " + repo.fullName() + ": ref update " + r);
            }
        }
    }

    /**
     * Closes the repositories, deletes everything under the root, and seeds the world again; waits for
     * in-flight requests (see {@link #sharedAccess()}).
     */
    public void reset(World world) {
        exclusively(() -> {
            closeRepositories();
            deleteTree(root);
            seed(world);
        });
    }

    private void closeRepositories() {
        open.values().forEach(Repository::close);
        open.clear();
    }

    @Override
    public void close() {
        closeRepositories();
    }

    /** Deletes a directory tree; used for the temporary data directory and {@code reset}. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                if (!p.equals(dir)) {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
