package dev.bbpush.mcp;

import dev.bbpush.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads what really landed in the emulator's bare repository acme/infra, with JGit (not through the tools). */
final class Branches {
    private Branches() {}

    /** A file on a branch: its Git mode and its bytes. */
    record TreeFile(FileMode mode, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Optional<String> head(Emulator bb, String branch) {
        try (Repository r = bare(bb)) {
            return Optional.ofNullable(r.resolve("refs/heads/" + branch)).map(ObjectId::name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, TreeFile> tree(Emulator bb, String branch) {
        Map<String, TreeFile> files = new TreeMap<>();
        try (Repository r = bare(bb);
                RevWalk rw = new RevWalk(r);
                TreeWalk tw = new TreeWalk(r)) {
            tw.addTree(rw.parseCommit(r.resolve("refs/heads/" + branch)).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                files.put(
                        tw.getPathString(),
                        new TreeFile(
                                tw.getFileMode(0), r.open(tw.getObjectId(0)).getBytes()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The commits on {@code branch} since {@code since} (exclusive), newest first. */
    static List<RevCommit> commitsSince(Emulator bb, String branch, String since) {
        List<RevCommit> out = new ArrayList<>();
        try (Repository r = bare(bb);
                RevWalk rw = new RevWalk(r)) {
            rw.markStart(rw.parseCommit(r.resolve("refs/heads/" + branch)));
            if (since != null) {
                rw.markUninteresting(rw.parseCommit(ObjectId.fromString(since)));
            }
            rw.forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes {@code branch} (created at the main branch's head) the repository's main branch, as a repository admin
     * changing it in Bitbucket's settings would.
     */
    static void switchMainBranch(Emulator bb, String branch) {
        try (Repository r = bare(bb)) {
            RefUpdate create = r.updateRef("refs/heads/" + branch);
            create.setNewObjectId(r.resolve("HEAD"));
            create.update();
            r.updateRef(Constants.HEAD).link("refs/heads/" + branch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Repository bare(Emulator bb) throws IOException {
        return new FileRepositoryBuilder()
                .setGitDir(bb.dataDir().resolve("repositories/acme/infra.git").toFile())
                .setMustExist(true)
                .build();
    }
}
