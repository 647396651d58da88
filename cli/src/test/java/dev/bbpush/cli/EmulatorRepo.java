package dev.bbpush.cli;

import dev.bbpush.emulator.Emulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Reads the emulator's bare repositories with JGit, and builds environments for the demo world's credentials. */
final class EmulatorRepo {
    static final String EMAIL = "rahul@acme.example";

    /** Every secret of the demo world: none may appear in any output. */
    static final List<String> SECRET_NAMES = List.of(
            "rahul-api-token",
            "rahul-write-only-token",
            "rahul-expired-token",
            "rahul-unscoped-token",
            "rahul-app-password",
            "rahul-account-password",
            "alex-api-token",
            "infra-repo-token",
            "acme-workspace-token",
            "acme-agent");

    private EmulatorRepo() {}

    /** A file on a branch: its Git mode and its text. */
    record TreeFile(FileMode mode, String text) {}

    /** The environment of a user with the given credential (API token with the account email). */
    static Map<String, String> env(Emulator bb, String... more) {
        Map<String, String> m = new HashMap<>();
        m.put("BBPUSH_API_URL", bb.apiUrl());
        m.put("BBPUSH_EMAIL", EMAIL);
        m.put("BBPUSH_API_TOKEN", bb.secret("rahul-api-token"));
        for (int i = 0; i < more.length; i += 2) {
            m.put(more[i], more[i + 1]);
        }
        return m;
    }

    static Repository bare(Emulator bb) {
        try {
            return new FileRepositoryBuilder()
                    .setGitDir(
                            bb.dataDir().resolve("repositories/acme/infra.git").toFile())
                    .setMustExist(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
                                tw.getFileMode(0),
                                new String(r.open(tw.getObjectId(0)).getBytes(), StandardCharsets.UTF_8)));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
