package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/** {@code POST /2.0/repositories/{ws}/{repo}/src}: fields, content, attributes and deletions (bitbucket-cloud-rest.md §2.1). */
@BitbucketEmulatorTest(world = "demo")
class SrcCommitTest {
    static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    static String src(Emulator bb) {
        return bb.apiUrl() + "/repositories/acme/infra/src";
    }

    /** Posts the form and returns the new commit's SHA from {@code Location}, asserting 201 and an empty body. */
    static String commit(Emulator bb, SrcForm form) {
        Http.Response r = Http.postMultipart(src(bb), rahul(bb), form.builder());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.body()).isEmpty();
        String location = r.header("Location");
        assertThat(location).startsWith(bb.apiUrl() + "/repositories/acme/infra/commit/");
        String sha = location.substring(location.lastIndexOf('/') + 1);
        assertThat(sha).matches("[0-9a-f]{40}");
        return sha;
    }

    private static byte[] allByteValues() {
        byte[] b = new byte[512];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void createsCommitOnMainWithLocationAndDefaultAuthor(Emulator bb) {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        bb.clock().set(now);
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit before = repo.tip("main");

            String sha =
                    commit(bb, SrcForm.create().field("message", "Add backend").file("backend.tf", "terraform {}\n"));

            RevCommit c = repo.tip("main");
            assertThat(c.name()).isEqualTo(sha);
            assertThat(c.getParents()).extracting(RevCommit::name).containsExactly(before.name());
            assertThat(c.getFullMessage()).isEqualTo("Add backend");
            assertThat(c.getAuthorIdent().getName()).isEqualTo("Rahul Dev");
            assertThat(c.getAuthorIdent().getEmailAddress()).isEqualTo("rahul@acme.example");
            assertThat(c.getCommitterIdent()).isEqualTo(c.getAuthorIdent());
            assertThat(c.getAuthorIdent().getWhenAsInstant()).isBetween(now, now.plusSeconds(60));
            assertThat(repo.text(c, "backend.tf")).isEqualTo("terraform {}\n");
            assertThat(repo.text(c, "main.tf")).isEqualTo(repo.text(before, "main.tf"));
        }
    }

    @Test
    void explicitAuthorIsRecordedAsAuthorAndCommitter(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create().field("author", "Deploy Bot <bot@example.com>").file("a.txt", "a"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(c.getAuthorIdent().getName()).isEqualTo("Deploy Bot");
            assertThat(c.getAuthorIdent().getEmailAddress()).isEqualTo("bot@example.com");
            assertThat(c.getCommitterIdent().getName()).isEqualTo("Deploy Bot");
        }
    }

    @Test
    void omittedMessageGetsTheDocumentedDefault(Emulator bb) {
        String sha = commit(bb, SrcForm.create().file("a.txt", "a"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.commit(sha).getFullMessage()).isEqualTo("Committed via the Bitbucket REST API");
        }
    }

    @Test
    void binaryContentWithEveryByteValueRoundTrips(Emulator bb) {
        byte[] content = allByteValues();
        String sha = commit(
                bb,
                SrcForm.create()
                        .file("bin/blob.dat", content)
                        .field("/bin/plain", new String(content, StandardCharsets.ISO_8859_1)));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.content(repo.commit(sha), "bin/blob.dat")).isEqualTo(content);
        }
        Http.Response raw = Http.get(src(bb) + "/" + sha + "/bin/blob.dat", rahul(bb));
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.body()).isEqualTo(content);
    }

    @Test
    void urlEncodedBodyCommitsBinaryContentAndMetaFields(Emulator bb) {
        byte[] content = allByteValues();
        StringBuilder body = new StringBuilder();
        body.append("message=").append(URLEncoder.encode("Update config", StandardCharsets.UTF_8));
        body.append("&author=").append(URLEncoder.encode("Bot <bot@example.com>", StandardCharsets.UTF_8));
        body.append("&branch=").append(URLEncoder.encode("feature/x", StandardCharsets.UTF_8));
        body.append("&")
                .append(URLEncoder.encode("/config/app.yml", StandardCharsets.UTF_8))
                .append("=key%3A+value%0A");
        body.append("&bin.dat=");
        for (byte b : content) {
            body.append('%').append(String.format("%02X", b & 0xff));
        }

        Http.Response r = Http.postForm(src(bb), rahul(bb), body.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.tip("feature/x");
            assertThat(r.header("Location")).endsWith("/commit/" + c.name());
            assertThat(c.getFullMessage()).isEqualTo("Update config");
            assertThat(c.getAuthorIdent().getEmailAddress()).isEqualTo("bot@example.com");
            assertThat(repo.text(c, "config/app.yml")).isEqualTo("key: value\n");
            assertThat(repo.content(c, "bin.dat")).isEqualTo(content);
        }
    }

    @Test
    void largeUrlEncodedValueIsSpooledAndCommitted(Emulator bb) {
        byte[] content = new byte[300 * 1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        StringBuilder body = new StringBuilder("big.bin=");
        for (byte b : content) {
            body.append('%').append(String.format("%02X", b & 0xff));
        }

        Http.Response r = Http.postForm(src(bb), rahul(bb), body.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.content(repo.tip("main"), "big.bin")).isEqualTo(content);
        }
    }

    @Test
    void metaFieldsOnlyInTheQueryStringAreIgnored(Emulator bb) {
        Http.Response r = Http.postMultipart(
                src(bb) + "?branch=from-query&message=from-query",
                rahul(bb),
                SrcForm.create().file("a.txt", "a").builder());

        assertThat(r.status()).isEqualTo(201);
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.tip("from-query")).isNull();
            assertThat(repo.tip("main").getFullMessage()).isNotEqualTo("from-query");
            assertThat(repo.text(repo.tip("main"), "a.txt")).isEqualTo("a");
        }
    }

    @Test
    void leadingSlashIsOptionalInFilePaths(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .field("/envs/prod.tfvars", "region = \"eu-west-1\"\n")
                        .field("envs/dev.tfvars", "x"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.text(c, "envs/prod.tfvars")).isEqualTo("region = \"eu-west-1\"\n");
            assertThat(repo.text(c, "envs/dev.tfvars")).isEqualTo("x");
        }
    }

    @Test
    void fileLiterallyNamedMessageIsUploadedWithALeadingSlash(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .field("message", "the commit message")
                        .field("/message", "the file")
                        .field("/files", "another"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(c.getFullMessage()).isEqualTo("the commit message");
            assertThat(repo.text(c, "message")).isEqualTo("the file");
            assertThat(repo.text(c, "files")).isEqualTo("another");
        }
    }

    @Test
    void partWithFilenameIsAFileEvenWhenNamedLikeAMetaField(Emulator bb) {
        String sha = commit(bb, SrcForm.create().field("message", "m").file("branch", "not a branch"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.text(repo.commit(sha), "branch")).isEqualTo("not a branch");
            assertThat(repo.commit(sha)).isEqualTo(repo.tip("main"));
        }
    }

    @Test
    void executableAttributeIsHonouredInBothSpellings(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .raw(
                                "/bin/a.sh",
                                "form-data; name=\"/bin/a.sh\"; filename=\"a.sh\"; x-attributes=\"executable\"",
                                "#!/bin/sh\n".getBytes())
                        .raw(
                                "bin/b.sh",
                                "form-data; name=\"bin/b.sh\"; x-attributes:\"executable\"",
                                "#!/bin/sh\n".getBytes())
                        .file("bin/c.sh", "#!/bin/sh\n"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.mode(c, "bin/a.sh")).isEqualTo(FileMode.EXECUTABLE_FILE);
            assertThat(repo.mode(c, "bin/b.sh")).isEqualTo(FileMode.EXECUTABLE_FILE);
            assertThat(repo.mode(c, "bin/c.sh")).isEqualTo(FileMode.REGULAR_FILE);
            repo.assertFsckClean();
        }
    }

    @Test
    void linkAttributeCreatesSymlinkWhoseContentIsTheTarget(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .raw("current", "form-data; name=\"current\"; x-attributes=\"link\"", "envs/prod".getBytes())
                        .raw(
                                "/latest",
                                "form-data; name=\"/latest\"; filename=\"latest\"; x-attributes:\"link\"",
                                "main.tf".getBytes()));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.mode(c, "current")).isEqualTo(FileMode.SYMLINK);
            assertThat(repo.text(c, "current")).isEqualTo("envs/prod");
            assertThat(repo.mode(c, "latest")).isEqualTo(FileMode.SYMLINK);
            assertThat(repo.text(c, "latest")).isEqualTo("main.tf");
            repo.assertFsckClean();
        }
    }

    @Test
    void reuploadWithoutAttributesMakesAnExecutableRegular(Emulator bb) {
        String sha = commit(bb, SrcForm.create().file("scripts/plan.sh", "#!/bin/sh\necho plan\n"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            assertThat(repo.mode(repo.commit(repo.commit(sha).getParent(0).name()), "scripts/plan.sh"))
                    .isEqualTo(FileMode.EXECUTABLE_FILE);
            assertThat(repo.mode(repo.commit(sha), "scripts/plan.sh")).isEqualTo(FileMode.REGULAR_FILE);
        }
    }

    @Test
    void filesWithoutSameNamedFieldDeletesFilesAndDirectories(Emulator bb) {
        String sha = commit(
                bb,
                SrcForm.create()
                        .field("files", "outputs.tf")
                        .field("files", "/modules")
                        .field("files", "README.md")
                        .file("README.md", "kept\n"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.content(c, "outputs.tf")).isNull();
            assertThat(repo.content(c, "modules/network/main.tf")).isNull();
            assertThat(repo.text(c, "README.md")).isEqualTo("kept\n");
            assertThat(repo.text(c, "main.tf")).isNotNull();
            repo.assertFsckClean();
        }
    }

    @Test
    void renameIsDeleteOfOldPathPlusUploadOfNewPath(Emulator bb) {
        String sha =
                commit(bb, SrcForm.create().field("files", "outputs.tf").field("/out/outputs.tf", "output \"x\" {}\n"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.content(c, "outputs.tf")).isNull();
            assertThat(repo.text(c, "out/outputs.tf")).isEqualTo("output \"x\" {}\n");
        }
    }

    @Test
    void fileReplacesDirectoryAndDirectoryReplacesFileWithValidTrees(Emulator bb) {
        String sha = commit(
                bb, SrcForm.create().field("modules", "now a file").field("main.tf/inner.tf", "now a directory"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.mode(c, "modules")).isEqualTo(FileMode.REGULAR_FILE);
            assertThat(repo.text(c, "modules")).isEqualTo("now a file");
            assertThat(repo.mode(c, "main.tf")).isEqualTo(FileMode.TREE);
            assertThat(repo.text(c, "main.tf/inner.tf")).isEqualTo("now a directory");
            assertThat(repo.files(c)).doesNotContain("modules/network/main.tf");
            repo.assertFsckClean();
        }
    }

    @Test
    void deletingADirectoryWhileWritingInsideItReplacesItsContent(Emulator bb) {
        String sha = commit(bb, SrcForm.create().field("files", "modules").field("modules/compute/main.tf", "# new\n"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.files(c)).contains("modules/compute/main.tf").doesNotContain("modules/network/main.tf");
            repo.assertFsckClean();
        }
    }

    @Test
    void unchangedContentStillCreatesACommitWithAnEmptyDiff(Emulator bb) {
        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit before = repo.tip("main");
            String readme = repo.text(before, "README.md");

            String sha = commit(bb, SrcForm.create().field("message", "no-op").field("README.md", readme));

            RevCommit c = repo.commit(sha);
            assertThat(c.getParent(0)).isEqualTo(before);
            assertThat(c.getTree()).isEqualTo(before.getTree());
        }
    }

    @Test
    void nonAsciiPathsAreKeptAsUtf8(Emulator bb) {
        String sha = commit(bb, SrcForm.create().file("docs/résumé ü.md", "x").field("/docs/日本.txt", "y"));

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            assertThat(repo.text(c, "docs/résumé ü.md")).isEqualTo("x");
            assertThat(repo.text(c, "docs/日本.txt")).isEqualTo("y");
        }
    }

    @Test
    void tenThousandFilesInOneRequestLandInOneCommit(Emulator bb) {
        SrcForm form = SrcForm.create().field("message", "bulk");
        for (int i = 0; i < 10_000; i++) {
            form.field("bulk/d" + (i % 100) + "/f" + i + ".txt", Integer.toString(i));
        }

        String sha = commit(bb, form);

        try (BareRepo repo = BareRepo.of(bb, "acme", "infra")) {
            RevCommit c = repo.commit(sha);
            List<String> files = repo.files(c);
            assertThat(files.stream().filter(f -> f.startsWith("bulk/"))).hasSize(10_000);
            assertThat(repo.text(c, "bulk/d42/f9942.txt")).isEqualTo("9942");
            repo.assertFsckClean();
        }
    }
}
