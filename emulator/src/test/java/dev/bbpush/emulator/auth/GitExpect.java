package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.git.GitCli;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one Git cell expects from the real git CLI: success, or a non-zero exit with exactly these {@code remote:}
 * and {@code fatal:} lines on stderr (bitbucket-cloud-auth.md §5, §8, §13). {@code {url}} in a line stands for the
 * repository URL git prints (without credentials), {@code {origin}} for the emulator's origin.
 */
record GitExpect(boolean ok, List<String> lines) {
    static final String AUTH_FAILED = "fatal: Authentication failed for '{url}'";
    static final String NO_PROMPT = "fatal: could not read Username for '{origin}': terminal prompts disabled";

    static GitExpect success() {
        return new GitExpect(true, List.of());
    }

    /** Fails with these lines, in this order. */
    static GitExpect fails(String... lines) {
        return new GitExpect(false, List.of(lines));
    }

    /** Fails with Bitbucket's message as {@code remote:} lines and git's "returned error: {status}" line. */
    static GitExpect refused(int status, List<String> remoteLines) {
        List<String> out = new ArrayList<>();
        remoteLines.forEach(l -> out.add("remote: " + l));
        out.add("fatal: unable to access '{url}': The requested URL returned error: " + status);
        return new GitExpect(false, out);
    }

    static GitExpect refused(int status, String remoteLine) {
        return refused(status, List.of(remoteLine));
    }

    /**
     * {@code http://user:secret@127.0.0.1:port/ws/repo.git}, user and secret percent-encoded; without credentials when
     * {@code user} is null.
     */
    static String url(Emulator bb, String user, String secret, String repo) {
        String auth = user == null ? "" : enc(user) + ":" + enc(secret) + "@";
        return "http://" + auth + "127.0.0.1:" + bb.port() + "/" + repo + ".git";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Asserts the outcome of a git command on {@code repo}: the exit code, the exact {@code remote:}/{@code fatal:}/
     * {@code error:} lines, and that no secret the test used appears in git's output.
     */
    void check(GitCli.Result r, Emulator bb, String repo, String... secrets) {
        String origin = "http://127.0.0.1:" + bb.port();
        if (ok) {
            assertThat(r.exitCode()).as("git stderr:\n%s", r.stderr()).isZero();
        } else {
            assertThat(r.exitCode()).as("git stderr:\n%s", r.stderr()).isNotZero();
            List<String> expected = lines.stream()
                    .map(l -> l.replace("{url}", origin + "/" + repo + ".git/").replace("{origin}", origin))
                    .toList();
            List<String> actual = Arrays.stream(r.stderr().split("\n"))
                    .filter(l -> l.startsWith("remote:") || l.startsWith("fatal:") || l.startsWith("error:"))
                    .toList();
            assertThat(actual).as("git stderr:\n%s", r.stderr()).containsExactlyElementsOf(expected);
        }
        for (String s : secrets) {
            if (s != null) {
                assertThat(r.stderr() + r.stdout())
                        .as("git output never shows the secret")
                        .doesNotContain(s);
            }
        }
    }
}
