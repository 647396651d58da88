package dev.bbpush.emulator;

import static dev.bbpush.emulator.SrcCommitTest.commit;
import static dev.bbpush.emulator.SrcCommitTest.rahul;
import static dev.bbpush.emulator.SrcCommitTest.src;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET …/src} and {@code GET …/src/{commit}/{path}} (bitbucket-cloud-rest.md §3). */
@BitbucketEmulatorTest(world = "demo")
class SrcReadTest {

    private static String mainTip(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            return repo.tip("main").name();
        }
    }

    private static List<String> paths(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("values")
                .forEach(v ->
                        out.add(v.path("type").asText() + ":" + v.path("path").asText()));
        return out;
    }

    @Test
    void srcRedirectsToTheMainTipRootKeepingTheQuery(Emulator bb) {
        Http.Response r = Http.get(src(bb) + "?format=meta&pagelen=100", rahul(bb));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo(src(bb) + "/" + mainTip(bb) + "/?format=meta&pagelen=100");
    }

    @Test
    void srcOfAnEmptyRepositoryIs404(Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/empty/src", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void rootListingHasDirectoriesFirstThenFiles(Emulator bb) {
        String sha = mainTip(bb);

        Http.Response r = Http.get(src(bb) + "/" + sha + "/?pagelen=100", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(paths(r.json()))
                .containsExactly(
                        "commit_directory:modules",
                        "commit_directory:scripts",
                        "commit_file:README.md",
                        "commit_file:main.tf",
                        "commit_file:outputs.tf",
                        "commit_file:variables.tf",
                        "commit_file:versions.tf");
        JsonNode dir = r.json().path("values").get(0);
        assertThat(dir.has("size")).isFalse();
        assertThat(dir.path("commit").path("hash").asText()).isEqualTo(sha);
        assertThat(dir.path("links").path("self").path("href").asText()).isEqualTo(src(bb) + "/" + sha + "/modules/");
        assertThat(dir.path("links").path("meta").path("href").asText())
                .isEqualTo(src(bb) + "/" + sha + "/modules/?format=meta");
    }

    @Test
    void fileEntriesCarryBitbucketsFields(Emulator bb) {
        String sha = mainTip(bb);

        JsonNode page = Http.get(src(bb) + "/" + sha + "/scripts/", rahul(bb)).json();

        JsonNode f = page.path("values").get(0);
        assertThat(f.path("type").asText()).isEqualTo("commit_file");
        assertThat(f.path("path").asText()).isEqualTo("scripts/plan.sh");
        assertThat(f.path("escaped_path").asText()).isEqualTo("scripts/plan.sh");
        assertThat(f.path("size").asInt()).isGreaterThan(10);
        assertThat(f.path("mimetype").asText()).isEqualTo("application/x-sh");
        assertThat(f.path("attributes").isArray()).isTrue();
        assertThat(f.path("attributes")).extracting(JsonNode::asText).containsExactly("executable");
        assertThat(f.path("commit").path("type").asText()).isEqualTo("commit");
        assertThat(f.path("commit").path("links").path("self").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme/infra/commit/" + sha);
        assertThat(f.path("links").path("self").path("href").asText())
                .isEqualTo(src(bb) + "/" + sha + "/scripts/plan.sh");
        assertThat(f.path("links").path("meta").path("href").asText())
                .isEqualTo(src(bb) + "/" + sha + "/scripts/plan.sh?format=meta");
        assertThat(f.path("links").path("history").path("href").asText())
                .isEqualTo(bb.apiUrl() + "/repositories/acme/infra/filehistory/" + sha + "/scripts/plan.sh");
        assertThat(page.path("pagelen").asInt()).isEqualTo(10);
        assertThat(page.path("page").asInt()).isEqualTo(1);
    }

    @Test
    void unknownExtensionHasNullMimetype(Emulator bb) {
        JsonNode f = Http.get(src(bb) + "/main/main.tf?format=meta", rahul(bb)).json();

        assertThat(f.path("type").asText()).isEqualTo("commit_file");
        assertThat(f.path("mimetype").isNull()).isTrue();
        assertThat(f.path("attributes")).isEmpty();
    }

    @Test
    void symlinksAndBinaryFilesAreCommitFilesWithAttributes(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .raw("current", "form-data; name=\"current\"; x-attributes=\"link\"", "main.tf".getBytes())
                        .file("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}));

        JsonNode page =
                Http.get(src(bb) + "/" + sha + "/?pagelen=100", rahul(bb)).json();

        JsonNode link = find(page, "current");
        assertThat(link.path("type").asText()).isEqualTo("commit_file");
        assertThat(link.path("attributes")).extracting(JsonNode::asText).containsExactly("link");
        JsonNode png = find(page, "logo.png");
        assertThat(png.path("attributes")).extracting(JsonNode::asText).containsExactly("binary");
        assertThat(png.path("mimetype").asText()).isEqualTo("image/png");
        page.path("values").forEach(v -> assertThat(v.path("type").asText()).isIn("commit_file", "commit_directory"));
    }

    private static JsonNode find(JsonNode page, String path) {
        for (JsonNode v : page.path("values")) {
            if (v.path("path").asText().equals(path)) {
                return v;
            }
        }
        throw new AssertionError(path + " not in " + page);
    }

    @Test
    void commitMayBeABranchAShortShaOrAFullSha(Emulator bb) {
        String sha = mainTip(bb);
        commit(bb, SrcForm.create().field("branch", "dev").file("dev.txt", "dev"));

        for (String ref : List.of("main", sha, sha.substring(0, 7), sha.substring(0, 4))) {
            Http.Response r = Http.get(src(bb) + "/" + ref + "/README.md", rahul(bb));
            assertThat(r.status()).as(ref).isEqualTo(200);
        }
        assertThat(Http.get(src(bb) + "/dev/dev.txt", rahul(bb)).text()).isEqualTo("dev");
        assertThat(Http.get(src(bb) + "/main/dev.txt", rahul(bb)).status()).isEqualTo(404);
    }

    @Test
    void branchNamesWithSlashAre404EvenEncoded(Emulator bb) {
        commit(bb, SrcForm.create().field("branch", "feature/x").file("x.txt", "x"));

        Http.Response encoded = Http.get(src(bb) + "/feature%2Fx/x.txt", rahul(bb));
        Http.Response plain = Http.get(src(bb) + "/feature/x/x.txt", rahul(bb));

        assertThat(encoded.status()).isEqualTo(404);
        assertThat(plain.status()).isEqualTo(404);
        assertThat(encoded.json().path("error").path("message").asText()).isEqualTo("Commit not found");
    }

    @Test
    void unknownCommitIs404WithCommitNotFoundShape(Emulator bb) {
        Http.Response r = Http.get(src(bb) + "/nope/README.md", rahul(bb));

        assertThat(r.status()).isEqualTo(404);
        JsonNode body = r.json();
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("message").asText()).isEqualTo("Commit not found");
        assertThat(body.path("error").path("data").path("shas").get(0).asText()).isEqualTo("nope");
        assertThat(body.path("data").path("shas").get(0).asText()).isEqualTo("nope");
    }

    @Test
    void rawFileIsServedWithExtensionTypeNoCharsetAttachmentAndEtag(Emulator bb) {
        Http.Response md = Http.get(src(bb) + "/main/README.md", rahul(bb));
        Http.Response tf = Http.get(src(bb) + "/main/main.tf", rahul(bb));

        assertThat(md.status()).isEqualTo(200);
        assertThat(md.text()).startsWith("# acme/infra");
        assertThat(md.header("Content-Type")).isEqualTo("text/markdown");
        assertThat(md.header("Content-Disposition")).isEqualTo("attachment");
        assertThat(md.header("ETag")).matches("\"[0-9a-f]{40}\"");
        assertThat(tf.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(tf.text()).contains("provider \"aws\"");
    }

    @Test
    void etagDependsOnContentAndAttributesOnly(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .field("a/empty.txt", "")
                        .field("b/empty.txt", "")
                        .raw(
                                "c/empty.txt",
                                "form-data; name=\"c/empty.txt\"; x-attributes=\"executable\"",
                                new byte[0]));

        String a = Http.get(src(bb) + "/" + sha + "/a/empty.txt", rahul(bb)).header("ETag");
        String b = Http.get(src(bb) + "/" + sha + "/b/empty.txt", rahul(bb)).header("ETag");
        String c = Http.get(src(bb) + "/" + sha + "/c/empty.txt", rahul(bb)).header("ETag");

        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void formatMetaOnADirectoryIsOneCommitDirectory(Emulator bb) {
        String sha = mainTip(bb);

        JsonNode dir = Http.get(src(bb) + "/" + sha + "/modules/?format=meta", rahul(bb))
                .json();

        assertThat(dir.path("type").asText()).isEqualTo("commit_directory");
        assertThat(dir.path("path").asText()).isEqualTo("modules");
        assertThat(dir.path("links").path("self").path("href").asText()).isEqualTo(src(bb) + "/" + sha + "/modules/");
    }

    @Test
    void formatMetaOnTheRootHasEmptyPathAndDoubleSlashLinks(Emulator bb) {
        String sha = mainTip(bb);

        JsonNode root =
                Http.get(src(bb) + "/" + sha + "/?format=meta", rahul(bb)).json();

        assertThat(root.path("type").asText()).isEqualTo("commit_directory");
        assertThat(root.path("path").asText()).isEmpty();
        assertThat(root.path("links").path("self").path("href").asText()).isEqualTo(src(bb) + "/" + sha + "//");
        assertThat(root.path("links").path("meta").path("href").asText())
                .isEqualTo(src(bb) + "/" + sha + "//?format=meta");
    }

    @Test
    void maxDepthListsBreadthFirst(Emulator bb) {
        String sha = mainTip(bb);

        Http.Response r = Http.get(src(bb) + "/" + sha + "/?max_depth=3&pagelen=100", rahul(bb));

        assertThat(r.status()).isEqualTo(200);
        assertThat(paths(r.json()))
                .containsExactly(
                        "commit_directory:modules",
                        "commit_directory:scripts",
                        "commit_file:README.md",
                        "commit_file:main.tf",
                        "commit_file:outputs.tf",
                        "commit_file:variables.tf",
                        "commit_file:versions.tf",
                        "commit_directory:modules/network",
                        "commit_file:scripts/plan.sh",
                        "commit_file:modules/network/main.tf");
    }

    @Test
    void invalidMaxDepthIs400(Emulator bb) {
        for (String bad : new String[] {"0", "x"}) {
            Http.Response r = Http.get(src(bb) + "/main/?max_depth=" + bad, rahul(bb));

            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().path("error").path("message").asText()).isEqualTo("Invalid max_depth");
        }
    }

    @Test
    void listingsArePagedWithNextLinks(Emulator bb) {
        String sha = mainTip(bb);

        JsonNode first =
                Http.get(src(bb) + "/" + sha + "/?pagelen=3", rahul(bb)).json();
        JsonNode last = Http.get(first.path("next").asText().replace("page=2", "page=3"), rahul(bb))
                .json();

        assertThat(first.path("size").asInt()).isEqualTo(7);
        assertThat(first.path("values")).hasSize(3);
        assertThat(first.path("next").asText())
                .startsWith(src(bb) + "/" + sha + "/?")
                .contains("pagelen=3")
                .contains("page=2");
        assertThat(last.path("values")).hasSize(1);
        assertThat(last.has("next")).isFalse();
        assertThat(last.path("previous").asText()).contains("page=2");
    }

    @Test
    void outOfRangePagelenIs400InvalidPagelen(Emulator bb) {
        for (String pagelen : List.of("0", "101", "-1", "abc")) {
            Http.Response r = Http.get(src(bb) + "/main/?pagelen=" + pagelen, rahul(bb));
            assertThat(r.status()).as(pagelen).isEqualTo(400);
            assertThat(r.json().path("error").path("message").asText()).isEqualTo("Invalid pagelen");
        }
    }

    @Test
    void missingPathIs404AndAFileWithTrailingSlashIs404(Emulator bb) {
        Http.Response missing = Http.get(src(bb) + "/main/nope.tf", rahul(bb));
        Http.Response slash = Http.get(src(bb) + "/main/README.md/", rahul(bb));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("type").asText()).isEqualTo("error");
        assertThat(slash.status()).isEqualTo(404);
    }

    @Test
    void directoryWithoutTrailingSlashIsListedToo(Emulator bb) {
        JsonNode page = Http.get(src(bb) + "/main/modules", rahul(bb)).json();

        assertThat(paths(page)).containsExactly("commit_directory:modules/network");
    }

    @Test
    void escapedPathQuotesNonAsciiAsGitDoes(Emulator bb) {
        String sha = commit(bb, SrcForm.create().field("docs/é.md", "x"));

        JsonNode f = Http.get(src(bb) + "/" + sha + "/docs/%C3%A9.md?format=meta", rahul(bb))
                .json();

        assertThat(f.path("path").asText()).isEqualTo("docs/é.md");
        assertThat(f.path("escaped_path").asText()).isEqualTo("\"docs/\\303\\251.md\"");
        assertThat(Http.get(src(bb) + "/" + sha + "/docs/%C3%A9.md", rahul(bb)).body())
                .isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readingNeedsReadAccess(Emulator bb) {
        String alex = Http.basic("alex@acme.example", bb.secret("alex-api-token"));

        for (String url : new String[] {src(bb) + "/main/README.md", src(bb)}) {
            Http.Response r = Http.get(url, alex);

            assertThat(r.status()).as(url).isEqualTo(404);
            assertThat(r.json().path("error").path("message").asText())
                    .startsWith("You may not have access to this repository");
            assertThat(r.text()).doesNotContain("# ");
        }
    }
}
