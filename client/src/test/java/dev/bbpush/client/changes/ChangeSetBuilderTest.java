package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeSetBuilderTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String content) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private static String text(FileChange c) throws IOException {
        try (InputStream in = c.requireContent().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void directoryMapsItsContentsUnderThePrefix() throws IOException {
        write("infra/main.tf", "a");
        write("infra/modules/vpc/vpc.tf", "b");

        ChangeSet cs =
                ChangeSet.builder().to("live").addPath(tmp.resolve("infra")).build();

        assertThat(cs.paths()).containsExactly("live/main.tf", "live/modules/vpc/vpc.tf");
        assertThat(text(cs.get("live/main.tf").orElseThrow())).isEqualTo("a");
    }

    @Test
    void directoryMapsToRepositoryRootByDefault() throws IOException {
        write("infra/main.tf", "a");

        ChangeSet cs = ChangeSet.builder().addPath(tmp.resolve("infra")).build();

        assertThat(cs.paths()).containsExactly("main.tf");
    }

    @Test
    void fileGoesToPrefixSlashItsName() throws IOException {
        Path f = write("somewhere/deep/variables.tf", "v");

        ChangeSet withPrefix = ChangeSet.builder().to("/live/eu/").addPath(f).build();
        ChangeSet atRoot = ChangeSet.builder().addPath(f).build();

        assertThat(withPrefix.paths()).containsExactly("live/eu/variables.tf");
        assertThat(atRoot.paths()).containsExactly("variables.tf");
    }

    @Test
    void explicitFileAndDirectoryTargetsAreHonoured() throws IOException {
        Path f = write("a.txt", "x");
        write("d/b.txt", "y");

        ChangeSet cs = ChangeSet.builder()
                .addFile(f, "/docs/renamed.txt")
                .addDirectory(tmp.resolve("d"), "data")
                .build();

        assertThat(cs.paths()).containsExactly("data/b.txt", "docs/renamed.txt");
    }

    @Test
    void stdinIsSpooledSoItCanBeReadTwiceAndIsDeletedOnClose() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .spoolDirectory(tmp.resolve("spool"))
                .addStdin("live/generated.tf", new ByteArrayInputStream("from stdin".getBytes(StandardCharsets.UTF_8)))
                .build();
        FileChange put = cs.get("live/generated.tf").orElseThrow();

        assertThat(put.requireContent().size()).isEqualTo(10);
        assertThat(text(put)).isEqualTo("from stdin");
        assertThat(text(put)).isEqualTo("from stdin");
        Path spooled = ((SpooledContent) put.requireContent()).file();
        assertThat(spooled).exists().startsWith(tmp.resolve("spool"));

        cs.close();

        assertThat(spooled).doesNotExist();
    }

    @Test
    void bytesAndDeletesAreSortedWithPutsByPath() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .addText("z.tf", "z")
                .delete("/m/old.tf")
                .addBytes("a/run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8), FileMode.EXECUTABLE)
                .build();

        assertThat(cs.paths()).containsExactly("a/run.sh", "m/old.tf", "z.tf");
        assertThat(cs.deletes()).extracting(FileChange::path).containsExactly("m/old.tf");
        assertThat(cs.puts()).extracting(FileChange::path).containsExactly("a/run.sh", "z.tf");
        assertThat(cs.get("a/run.sh").orElseThrow().requireMode()).isEqualTo(FileMode.EXECUTABLE);
    }

    @Test
    void walkOrderIsSortedByRepositoryPath() throws IOException {
        for (String name : List.of("b/z.tf", "a.tf", "c.tf", "b/a.tf", "B.tf", "b.tf")) {
            write("dir/" + name, name);
        }

        ChangeSet cs = ChangeSet.builder().addPath(tmp.resolve("dir")).build();

        assertThat(cs.paths()).containsExactly("B.tf", "a.tf", "b.tf", "b/a.tf", "b/z.tf", "c.tf");
    }

    @Test
    void twoInputsMappingToTheSamePathAreRefused() throws IOException {
        write("infra/main.tf", "a");
        Path other = write("other/main.tf", "b");

        assertThatThrownBy(() -> ChangeSet.builder()
                        .to("live")
                        .addPath(tmp.resolve("infra"))
                        .addPath(other)
                        .build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_PATH))
                .hasMessageContaining("'live/main.tf'")
                .hasMessageContaining("infra")
                .hasMessageContaining(other.toString());
    }

    @Test
    void putAndDeleteOfTheSamePathAreRefused() {
        assertThatThrownBy(() ->
                        ChangeSet.builder().addText("a.tf", "x").delete("a.tf").build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.DUPLICATE_PATH));
    }

    @Test
    void aPathCannotBeBothFileAndDirectory() {
        assertThatThrownBy(() -> ChangeSet.builder()
                        .addText("live", "x")
                        .addText("live/main.tf", "y")
                        .build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.FILE_DIRECTORY_CONFLICT))
                .hasMessageContaining("'live'");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "a/../b",
                "../a",
                "./a",
                "a//b",
                "a/",
                ".git/config",
                "x/.GIT/hooks/post",
                "a\u0000b",
                "tab\there",
                "line\nbreak",
                "del\u007f"
            })
    void pathsBitbucketWouldRejectAreRefused(String path) {
        assertThatThrownBy(() -> FileChange.put(path, ContentSource.bytes(new byte[0])))
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATH))
                .hasMessageStartingWith("Invalid repository path")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("\u0000"));
    }

    @Test
    void aLeadingSlashIsOptional() {
        assertThat(FileChange.delete("/live/a.tf").path()).isEqualTo("live/a.tf");
        assertThat(FileChange.put("live/.gitignore", ContentSource.bytes(new byte[0]))
                        .path())
                .isEqualTo("live/.gitignore");
    }

    @Test
    void aLocalFileWhoseNameIsNotAValidRepositoryPathIsRefusedNamingIt() throws IOException {
        write("dir/ok.tf", "x");
        write("dir/bad\nname.tf", "y");

        assertThatThrownBy(() -> ChangeSet.builder().addPath(tmp.resolve("dir")).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATH))
                .hasMessageContaining("bad\\u000aname.tf")
                .hasMessageContaining("--exclude");
    }

    @Test
    void aLocalFileWhoseNameIsNotValidUtf8IsRefusedNamingIt() throws Exception {
        write("dir/ok.tf", "x");
        // Linux allows any bytes but '/' and NUL in a name; Java cannot create this one, the shell can.
        Process p = new ProcessBuilder("sh", "-c", "printf y > \"$(printf 'bad\\377name.tf')\"")
                .directory(tmp.resolve("dir").toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor())
                .as(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();

        assertThatThrownBy(() -> ChangeSet.builder().addPath(tmp.resolve("dir")).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATH))
                .hasMessageContaining("bad\\ufffdname.tf")
                .hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("--exclude")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\uFFFD"));
    }

    @Test
    void aLocalFileWhoseNameHasATabIsRefusedNamingIt() throws IOException {
        write("dir/tab\tname.tf", "y");

        assertThatThrownBy(() -> ChangeSet.builder().addPath(tmp.resolve("dir")).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATH))
                .hasMessageContaining("tab\\u0009name.tf");
    }

    @Test
    void aPathHoldingTheReplacementCharacterIsRefused() {
        assertThatThrownBy(() -> FileChange.put("live/a\uFFFDb.tf", ContentSource.bytes(new byte[0])))
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATH))
                .hasMessageContaining("live/a\\ufffdb.tf");
    }

    @Test
    void invalidPrefixIsRefused() {
        assertThatThrownBy(() -> ChangeSet.builder().to("live/../../etc"))
                .isInstanceOf(InvalidChangeSetException.class);
    }

    @Test
    void missingInputIsRefusedNamingIt() {
        Path missing = tmp.resolve("nope.tf");

        assertThatThrownBy(() -> ChangeSet.builder().addPath(missing).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INPUT_NOT_FOUND))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFailedBuildLeavesNoSpoolFileBehind() throws IOException {
        Path spool = tmp.resolve("spool");
        ChangeSetBuilder b = ChangeSet.builder()
                .spoolDirectory(spool)
                .addStdin("a.tf", new ByteArrayInputStream(new byte[] {1}))
                .addText("a.tf", "duplicate");

        assertThatThrownBy(b::build).isInstanceOf(InvalidChangeSetException.class);
        try (var files = Files.list(spool)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void toStringNeverShowsContent() throws IOException {
        ChangeSet cs =
                ChangeSet.builder().addText("secret.txt", "hunter2-very-secret").build();

        assertThat(cs.toString()).doesNotContain("hunter2");
        assertThat(cs.puts().get(0).toString()).doesNotContain("hunter2").contains("secret.txt");
    }
}
