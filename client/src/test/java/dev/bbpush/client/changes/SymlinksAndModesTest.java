package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinksAndModesTest {
    @TempDir
    Path tmp;

    private Path write(String rel, String content) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void executableBitIsKept() throws IOException {
        Path script = write("infra/scripts/plan.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path plain = write("infra/main.tf", "x");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-r--r--"));

        ChangeSet cs = ChangeSet.builder().addPath(tmp.resolve("infra")).build();

        assertThat(cs.get("scripts/plan.sh").orElseThrow().requireMode()).isEqualTo(FileMode.EXECUTABLE);
        assertThat(cs.get("main.tf").orElseThrow().requireMode()).isEqualTo(FileMode.REGULAR);
    }

    @Test
    void executableBitOfAnExplicitFileIsKept() throws IOException {
        Path script = write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));

        ChangeSet cs = ChangeSet.builder().to("bin").addPath(script).build();

        assertThat(cs.get("bin/run.sh").orElseThrow().requireMode()).isEqualTo(FileMode.EXECUTABLE);
    }

    @Test
    void symlinkInsideTheRootIsKeptAsLinkWithItsTarget() throws IOException {
        write("infra/modules/common/versions.tf", "terraform {}");
        Path link = tmp.resolve("infra/envs/prod/versions.tf");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of("../../modules/common/versions.tf"));
        Files.createSymbolicLink(tmp.resolve("infra/current"), Path.of("envs/prod"));

        ChangeSet cs =
                ChangeSet.builder().to("live").addPath(tmp.resolve("infra")).build();

        FileChange put = cs.get("live/envs/prod/versions.tf").orElseThrow();
        assertThat(put.requireMode()).isEqualTo(FileMode.SYMLINK);
        try (InputStream in = put.requireContent().open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("../../modules/common/versions.tf");
        }
        FileChange dirLink = cs.get("live/current").orElseThrow();
        assertThat(dirLink.requireMode()).isEqualTo(FileMode.SYMLINK);
        assertThat(cs.paths()).doesNotContain("live/current/versions.tf");
    }

    @Test
    void symlinkEscapingTheRootIsRefusedNamingLinkAndTarget() throws IOException {
        write("secrets/creds", "x");
        write("infra/main.tf", "x");
        Files.createSymbolicLink(tmp.resolve("infra/creds"), Path.of("../secrets/creds"));

        assertThatThrownBy(
                        () -> ChangeSet.builder().addPath(tmp.resolve("infra")).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SYMLINK_OUTSIDE_ROOT))
                .hasMessageContaining(tmp.resolve("infra/creds").toString())
                .hasMessageContaining("../secrets/creds")
                .hasMessageContaining("outside");
    }

    @Test
    void absoluteSymlinkIsRefused() throws IOException {
        Path target = write("infra/main.tf", "x");
        Files.createSymbolicLink(tmp.resolve("infra/abs.tf"), target);

        assertThatThrownBy(
                        () -> ChangeSet.builder().addPath(tmp.resolve("infra")).build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SYMLINK_OUTSIDE_ROOT))
                .hasMessageContaining("absolute");
    }

    @Test
    void symlinkEscapingThroughAnotherSymlinkIsRefused() throws IOException {
        write("outside/data.txt", "x");
        Files.createDirectories(tmp.resolve("infra"));
        // 'hop' looks inside, but it is itself a link to a directory outside the root.
        Files.createSymbolicLink(tmp.resolve("infra/hop"), Path.of("../outside"));
        Files.createSymbolicLink(tmp.resolve("infra/data.txt"), Path.of("hop/data.txt"));

        assertThatThrownBy(() -> ChangeSet.builder()
                        .exclude("/hop")
                        .addPath(tmp.resolve("infra"))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.SYMLINK_OUTSIDE_ROOT))
                .hasMessageContaining("data.txt");
    }

    @Test
    void excludedSymlinkEscapingTheRootIsNotAnError() throws IOException {
        write("infra/main.tf", "x");
        Files.createSymbolicLink(tmp.resolve("infra/creds"), Path.of("../secrets/creds"));

        ChangeSet cs = ChangeSet.builder()
                .exclude("creds")
                .addPath(tmp.resolve("infra"))
                .build();

        assertThat(cs.paths()).containsExactly("main.tf");
    }

    @Test
    void explicitlyNamedSymlinkIsFollowedLikeCp() throws IOException {
        write("real.tf", "content");
        Path link = tmp.resolve("alias.tf");
        Files.createSymbolicLink(link, Path.of("real.tf"));

        ChangeSet cs = ChangeSet.builder().addPath(link).build();

        FileChange put = cs.get("alias.tf").orElseThrow();
        assertThat(put.requireMode()).isEqualTo(FileMode.REGULAR);
        assertThat(put.requireContent().size()).isEqualTo(7);
    }

    @Test
    void directoryArgumentThatIsASymlinkIsWalked() throws IOException {
        write("real/main.tf", "x");
        Files.createSymbolicLink(tmp.resolve("alias"), Path.of("real"));

        ChangeSet cs = ChangeSet.builder().addPath(tmp.resolve("alias")).build();

        assertThat(cs.paths()).containsExactly("main.tf");
    }
}
