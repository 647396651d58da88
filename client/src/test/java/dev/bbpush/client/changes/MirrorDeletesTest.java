package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorDeletesTest {
    @TempDir
    Path tmp;

    @Test
    void deletesRemotePathsUnderThePrefixThatAreNotPut() throws IOException {
        Files.writeString(Files.createDirectories(tmp.resolve("infra")).resolve("main.tf"), "x");
        ChangeSet cs =
                ChangeSet.builder().to("live").addPath(tmp.resolve("infra")).build();

        ChangeSet mirrored = cs.withMirrorDeletes(
                "live", List.of("live/main.tf", "live/old.tf", "live/modules/gone.tf", "other/keep.tf", "liveish.tf"));

        assertThat(mirrored.deletes())
                .extracting(FileChange::path)
                .containsExactly("live/modules/gone.tf", "live/old.tf");
        assertThat(mirrored.puts()).extracting(FileChange::path).containsExactly("live/main.tf");
        assertThat(cs.deletes()).isEmpty();
    }

    @Test
    void remoteFilesThatTheWalkWouldSkipAreNotDeleted() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("infra"));
        Files.writeString(dir.resolve("main.tf"), "x");
        Files.writeString(dir.resolve(".bbpushignore"), "docs/\n");
        ChangeSet cs =
                ChangeSet.builder().to("live").exclude("*.md").addPath(dir).build();

        ChangeSet mirrored = cs.withMirrorDeletes(
                "live",
                List.of(
                        "live/main.tf",
                        "live/README.md",
                        "live/docs/x.txt",
                        "live/terraform.tfstate",
                        "live/.terraform/x",
                        "live/.bbpushignore",
                        "live/stale.tf"));

        assertThat(mirrored.deletes()).extracting(FileChange::path).containsExactly("live/stale.tf");
    }

    @Test
    void rootPrefixMirrorsTheWholeRepository() {
        ChangeSet cs = ChangeSet.of(FileChange.put("a.tf", ContentSource.bytes(new byte[] {1})));

        assertThat(cs.withMirrorDeletes("", List.of("/a.tf", "b/c.tf")).deletes())
                .extracting(FileChange::path)
                .containsExactly("b/c.tf");
    }
}
