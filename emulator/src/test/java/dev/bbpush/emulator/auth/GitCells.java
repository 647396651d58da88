package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.BareRepo;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.git.GitCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jgit.revwalk.RevCommit;

/** Runs one Git cell of a behaviour matrix (a clone or a push with the real git CLI) and checks it. */
final class GitCells {
    /** Stands for the OAuth consumer's key as the username (known only with the emulator at hand). */
    static final String CONSUMER_KEY = "{consumer-key}";

    private GitCells() {}

    /** Who a cell's git authenticates as: the URL username and the secret (both null for anonymous). */
    record GitCaller(String user, Function<Emulator, String> secret) {
        static GitCaller of(String user, String credential) {
            return new GitCaller(user, bb -> bb.secret(credential));
        }

        static GitCaller anonymous() {
            return new GitCaller(null, bb -> null);
        }
    }

    private static String urlOf(Emulator bb, GitCaller caller, String secret, String repo) {
        String user =
                CONSUMER_KEY.equals(caller.user()) ? bb.credential("acme-agent").key() : caller.user();
        return GitExpect.url(bb, user, secret, repo);
    }

    /** Clones {@code repo} as {@code caller} into {@code tmp/clone} and checks the outcome. */
    static void cloneAndCheck(Emulator bb, Path tmp, GitCaller caller, String repo, GitExpect expect)
            throws IOException {
        GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
        String secret = caller.secret().apply(bb);
        Path work = tmp.resolve("clone");

        GitCli.Result r = git.run(tmp, "clone", urlOf(bb, caller, secret, repo), work.toString());

        expect.check(r, bb, repo, secret);
        if (expect.ok()) {
            assertThat(work.resolve(".git")).isDirectory();
            assertThat(git.run(work, "rev-parse", "HEAD").exitCode())
                    .as("cloned a commit")
                    .isZero();
        } else {
            assertThat(work).doesNotExist();
        }
    }

    /**
     * Copies the local clone {@code source}, commits one file on top and pushes it to {@code repo}'s main as
     * {@code caller}. A success must move main to that commit; a refusal must leave every ref where it was.
     */
    static void pushAndCheck(Emulator bb, Path tmp, Path source, GitCaller caller, String repo, GitExpect expect)
            throws IOException {
        GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
        Path work = tmp.resolve("work");
        git.run(tmp, "clone", "-q", source.toString(), work.toString()).assertOk();
        Files.writeString(work.resolve("pushed.txt"), "pushed\n");
        git.run(work, "add", "pushed.txt").assertOk();
        git.run(work, "commit", "-q", "-m", "Push cell").assertOk();
        String local = git.run(work, "rev-parse", "HEAD").assertOk().stdout().trim();
        String secret = caller.secret().apply(bb);
        String[] wsSlug = repo.split("/");
        Map<String, String> before = refsOf(bb, wsSlug);

        GitCli.Result r = git.run(work, "push", urlOf(bb, caller, secret, repo), "HEAD:main");

        expect.check(r, bb, repo, secret);
        if (expect.ok()) {
            try (BareRepo remote = BareRepo.of(bb, wsSlug[0], wsSlug[1])) {
                RevCommit tip = remote.tip("main");
                assertThat(tip.name()).isEqualTo(local);
                assertThat(remote.text(tip, "pushed.txt")).isEqualTo("pushed\n");
            }
        } else {
            assertThat(refsOf(bb, wsSlug)).as("refs after a refused push").isEqualTo(before);
        }
    }

    private static Map<String, String> refsOf(Emulator bb, String[] wsSlug) {
        if (bb.world().repository(wsSlug[0], wsSlug[1]).isEmpty()) {
            return Map.of();
        }
        try (BareRepo remote = BareRepo.of(bb, wsSlug[0], wsSlug[1])) {
            return remote.refs();
        }
    }
}
