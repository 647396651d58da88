package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.emulator.http.DefaultContentType;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A widely used third-party Bitbucket Cloud client, node-bitbucket (npm {@code bitbucket}, pinned in
 * {@code src/test/node/thirdparty-client/package.json}), drives the emulator through {@code drive.js}: it reads the user
 * and the repository, commits with {@code /src} urlencoded and multipart, reads a file, a directory and the {@code /src}
 * redirect, creates a branch, commits to it, opens a pull request, pages through commits, and reads and commits with a
 * repository access token over Bearer. The test then checks the emulator's state with JGit and REST.
 *
 * <p>Skipped when {@code node} or the installed packages are missing ({@code npm ci --prefix
 * emulator/src/test/node/thirdparty-client}); with {@code CI=true} it fails instead, so CI cannot skip it silently.
 */
@BitbucketEmulatorTest(world = "demo")
class ThirdPartyClientTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path CLIENT_DIR =
            Path.of(System.getProperty("basedir", ".")).resolve("src/test/node/thirdparty-client");
    private static final String INSTALL = "npm ci --prefix emulator/src/test/node/thirdparty-client";

    /** Per test, so a skip is reported as a skipped test with its reason. */
    @BeforeEach
    void requireNodeAndTheClient() {
        String missing = null;
        if (!nodeRuns()) {
            missing = "node is not on PATH (install Node.js 20 or later)";
        } else if (!Files.isRegularFile(CLIENT_DIR.resolve("node_modules/bitbucket/package.json"))
                || !Files.isRegularFile(CLIENT_DIR.resolve("node_modules/form-data/package.json"))) {
            missing =
                    "the client is not installed in " + CLIENT_DIR.resolve("node_modules") + " (run: " + INSTALL + ")";
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true, so the third-party client check must run, but " + missing);
            }
            Assumptions.abort("third-party client check skipped: " + missing);
        }
    }

    @Test
    void nodeBitbucketCommitsBranchesOpensAPullRequestAndPagesAgainstTheEmulator(Emulator bb, @TempDir Path tmp)
            throws Exception {
        String seedTip;
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            seedTip = repo.tip("main").name();
        }

        JsonNode out = drive(bb, tmp);

        assertThat(out.path("client").asText()).isEqualTo("bitbucket@2.12.0");
        assertThat(out.path("user").path("username").asText()).isEqualTo("rahul-dev");
        assertThat(out.path("repository").path("full_name").asText()).isEqualTo("acme/infra");
        assertThat(out.path("repository").path("mainbranch").asText()).isEqualTo("main");
        // The empty 201 of POST /src: the client reads the body by its Content-Type and failed when there was none.
        assertThat(out.path("urlencodedCommit").path("contentType").asText()).isEqualTo(DefaultContentType.EMPTY_BODY);

        String urlencodedSha = out.path("urlencodedCommit").path("sha").asText();
        String multipartSha = out.path("multipartCommit").path("sha").asText();
        String branchSha = out.path("branchCommit").path("sha").asText();
        String bearerSha = out.path("bearer").path("commit").asText();
        String branch = out.path("branch").path("name").asText();
        assertThat(List.of(urlencodedSha, multipartSha, branchSha, bearerSha)).allMatch(s -> s.matches("[0-9a-f]{40}"));

        // What the client read back.
        String urlencodedPath = out.path("urlencodedCommit").path("path").asText();
        String multipartPath = out.path("multipartCommit").path("path").asText();
        assertThat(out.path("file").path("content").asText())
                .isEqualTo(out.path("urlencodedCommit").path("content").asText());
        assertThat(texts(out.path("directory").path("paths"))).containsExactly(multipartPath, urlencodedPath);
        assertThat(texts(out.path("root").path("paths"))).contains("README.md", "modules", "thirdparty");
        assertThat(out.path("branch").path("target").asText()).isEqualTo(multipartSha);

        // Paging: several pages of two, every commit of every branch once, newest first.
        JsonNode pages = out.path("commitPages");
        assertThat(pages.path("pages").asInt()).isGreaterThan(1);
        assertThat(texts(pages.path("hashes")))
                .doesNotHaveDuplicates()
                .startsWith(branchSha, multipartSha, urlencodedSha)
                .contains(seedTip);

        // Refusals reach the client as HTTP errors with their status: a parsed JSON envelope, and an empty 401 read as
        // text.
        JsonNode missingFile = out.path("refusals").path("missingFile");
        assertThat(missingFile.path("status").asInt()).isEqualTo(404);
        assertThat(missingFile.path("message").asText()).startsWith("No such file or directory");
        JsonNode wrongToken = out.path("refusals").path("wrongToken");
        assertThat(wrongToken.path("status").asInt()).isEqualTo(401);
        assertThat(wrongToken.path("bodyType").asText()).isEqualTo("string");

        // The emulator's repository, read with JGit.
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit main = repo.tip("main");
            assertThat(main.name()).isEqualTo(multipartSha);
            assertThat(main.getParent(0).name()).isEqualTo(urlencodedSha);
            assertThat(repo.commit(urlencodedSha).getParent(0).name()).isEqualTo(seedTip);
            assertThat(repo.text(main, urlencodedPath))
                    .isEqualTo(out.path("urlencodedCommit").path("content").asText());
            assertThat(repo.text(main, multipartPath))
                    .isEqualTo(out.path("multipartCommit").path("content").asText());
            assertThat(repo.mode(main, multipartPath)).isEqualTo(FileMode.REGULAR_FILE);
            assertThat(repo.text(main, "README.md")).isNotNull();

            RevCommit onBranch = repo.tip(branch);
            assertThat(onBranch.name()).isEqualTo(bearerSha);
            assertThat(onBranch.getParent(0).name()).isEqualTo(branchSha);
            assertThat(repo.commit(branchSha).getParent(0).name()).isEqualTo(multipartSha);
            assertThat(repo.text(onBranch, out.path("branchCommit").path("path").asText()))
                    .isEqualTo(out.path("branchCommit").path("content").asText());
            // The Bearer commit was made as the repository access token, not as rahul.
            assertThat(onBranch.getAuthorIdent().getName()).isEqualTo("infra-repo-token");
            assertThat(repo.text(onBranch, out.path("bearer").path("path").asText()))
                    .isNotNull();
        }

        // The pull request, read over REST.
        int id = out.path("pullRequest").path("id").asInt();
        assertThat(out.path("pullRequest").path("status").asInt()).isEqualTo(201);
        JsonNode pr = Http.get(bb.apiUrl() + "/repositories/acme/infra/pullrequests/" + id, SrcCommitTest.rahul(bb))
                .json();
        assertThat(pr.path("state").asText()).isEqualTo("OPEN");
        assertThat(pr.path("source").path("branch").path("name").asText()).isEqualTo(branch);
        assertThat(pr.path("destination").path("branch").path("name").asText()).isEqualTo("main");
    }

    /** Runs {@code node drive.js} against {@code bb}; its JSON output, or a failure with its exit code and stderr. */
    private static JsonNode drive(Emulator bb, Path tmp) throws IOException, InterruptedException {
        Path stdout = tmp.resolve("stdout.json");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder("node", "drive.js")
                .directory(CLIENT_DIR.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Map<String, String> env = pb.environment();
        env.put("BB_API_URL", bb.apiUrl());
        env.put("BB_EMAIL", "rahul@acme.example");
        env.put("BB_API_TOKEN", bb.secret("rahul-api-token"));
        env.put("BB_ACCESS_TOKEN", bb.secret("infra-repo-token"));
        env.put("BB_WORKSPACE", "acme");
        env.put("BB_REPO", "infra");
        env.put("BB_RUN_ID", "junit");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node drive.js did not finish within 180 s; stderr:\n"
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("node drive.js exit code; stderr:\n" + err).isZero();
        return MAPPER.readTree(stdout.toFile());
    }

    private static boolean nodeRuns() {
        try {
            Process p = new ProcessBuilder("node", "--version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
