package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTreeTest {
    @TempDir
    Path tmp;

    private static String gitHashObject(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("git", "hash-object", "--no-filters", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void blobIdsEqualWhatGitHashObjectComputes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(dir.resolve("main.tf"), "resource \"null_resource\" \"x\" {}\n");
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        byte[] binary = new byte[300_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("blob.bin"), binary);
        Files.writeString(dir.resolve("crlf.txt"), "a\r\nb\r\n");

        LocalTree tree = LocalTree.of(ChangeSet.builder().addPath(dir).build());

        for (String name : new String[] {"main.tf", "empty.txt", "blob.bin", "crlf.txt"}) {
            Fingerprint fp = tree.get(name).orElseThrow();
            assertThat(fp.blobHex()).as(name).isEqualTo(gitHashObject(dir.resolve(name)));
            assertThat(fp.size()).isEqualTo(Files.size(dir.resolve(name)));
        }
        assertThat(tree.get("empty.txt").orElseThrow().blobHex()).isEqualTo("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
    }

    @Test
    void symlinkBlobIsTheHashOfItsTargetAndModeIs120000() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(dir.resolve("a.tf"), "x");
        Files.createSymbolicLink(dir.resolve("b.tf"), Path.of("a.tf"));
        Path script = Files.writeString(dir.resolve("run.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

        LocalTree tree = LocalTree.of(ChangeSet.builder().addPath(dir).build());

        Fingerprint link = tree.get("b.tf").orElseThrow();
        assertThat(link.mode().gitMode()).isEqualTo("120000");
        assertThat(link.blobId())
                .isEqualTo(new ObjectInserter.Formatter()
                        .idFor(Constants.OBJ_BLOB, "a.tf".getBytes(StandardCharsets.UTF_8))
                        .name());
        Fingerprint exe = tree.get("run.sh").orElseThrow();
        assertThat(exe.sameAs(exe.blobId(), "100755")).isTrue();
        assertThat(exe.sameAs(exe.blobId(), "100644")).isFalse();
        assertThat(exe.sameAs(ObjectId.zeroId().name(), "100755")).isFalse();
    }

    @Test
    void deletesHaveNoFingerprint() throws IOException {
        LocalTree tree = LocalTree.of(ChangeSet.of(FileChange.delete("gone.tf")));

        assertThat(tree.size()).isZero();
    }

    @Test
    void fileThatChangedSizeAfterBuildingFailsHashingWithAClearMessage() throws IOException {
        Path f = Files.writeString(tmp.resolve("main.tf"), "short");
        ChangeSet cs = ChangeSet.builder().addPath(f).build();
        Files.writeString(f, "much longer now");

        assertThatThrownBy(() -> LocalTree.of(cs))
                .isInstanceOf(LocalContentException.class)
                .hasMessageContaining("changed after the change set was built")
                .hasMessageContaining(f.toString())
                .satisfies(
                        e -> assertThat(((LocalContentException) e).repoPath()).contains("main.tf"));

        Files.writeString(f, "sh");

        assertThatThrownBy(() -> LocalTree.of(cs))
                .isInstanceOf(LocalContentException.class)
                .hasMessageContaining("is shorter than its recorded size");
    }
}
