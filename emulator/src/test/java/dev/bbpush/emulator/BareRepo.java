package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads an emulator repository straight from disk with JGit and the git CLI, independent of the REST layer. */
public final class BareRepo implements AutoCloseable {
    private final Path dir;
    private final Repository db;

    private BareRepo(Path dir) throws IOException {
        this.dir = dir;
        this.db = new FileRepositoryBuilder()
                .setGitDir(dir.toFile())
                .setMustExist(true)
                .build();
    }

    public static BareRepo of(Emulator bb, String workspace, String slug) {
        try {
            return new BareRepo(
                    bb.dataDir().resolve("repositories").resolve(workspace).resolve(slug + ".git"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Repository db() {
        return db;
    }

    /** Every ref (and HEAD's target) with its id: two equal snapshots mean nothing moved. */
    public Map<String, String> refs() {
        try {
            Map<String, String> out = new TreeMap<>();
            for (Ref r : db.getRefDatabase().getRefs()) {
                out.put(
                        r.getName(),
                        r.getObjectId() == null ? "-" : r.getObjectId().name());
            }
            Ref head = db.exactRef(Constants.HEAD);
            out.put(
                    "HEAD->",
                    head != null && head.isSymbolic() ? head.getTarget().getName() : "-");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tip of a branch, or {@code null}. */
    public RevCommit tip(String branch) {
        try {
            Ref r = db.exactRef(Constants.R_HEADS + branch);
            return r == null ? null : commit(r.getObjectId().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RevCommit commit(String sha) {
        try (RevWalk rw = new RevWalk(db)) {
            return rw.parseCommit(ObjectId.fromString(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes at {@code path} in {@code commit}, or {@code null} when absent. */
    byte[] content(RevCommit commit, String path) {
        try (TreeWalk tw = TreeWalk.forPath(db, path, commit.getTree())) {
            return tw == null ? null : db.open(tw.getObjectId(0)).getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text(RevCommit commit, String path) {
        byte[] b = content(commit, path);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** The mode at {@code path}, or {@code null} when absent. */
    FileMode mode(RevCommit commit, String path) {
        try (TreeWalk tw = TreeWalk.forPath(db, path, commit.getTree())) {
            return tw == null ? null : tw.getFileMode(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All file paths of a commit. */
    List<String> files(RevCommit commit) {
        List<String> out = new ArrayList<>();
        try (TreeWalk tw = new TreeWalk(db)) {
            tw.addTree(commit.getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                out.add(tw.getPathString());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the real {@code git fsck --strict --no-dangling} on the bare repository and asserts it is clean. */
    void assertFsckClean() {
        try {
            File log = File.createTempFile("fsck", ".log");
            try {
                Process p = new ProcessBuilder(
                                "git", "--git-dir=" + dir, "fsck", "--strict", "--no-dangling", "--no-progress")
                        .redirectErrorStream(true)
                        .redirectOutput(log)
                        .start();
                assertThat(p.waitFor(120, TimeUnit.SECONDS))
                        .as("git fsck finished")
                        .isTrue();
                String out = Files.readString(log.toPath());
                assertThat(p.exitValue())
                        .as("git fsck exit code; output:\n" + out)
                        .isZero();
                assertThat(out).as("git fsck output").doesNotContain("error").doesNotContain("warning");
            } finally {
                log.delete();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
