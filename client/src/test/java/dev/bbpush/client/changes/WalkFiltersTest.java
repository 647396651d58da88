package dev.bbpush.client.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bbpush.client.changes.InvalidChangeSetException.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkFiltersTest {
    @TempDir
    Path tmp;

    Path dir;

    @BeforeEach
    void tree() throws IOException {
        dir = tmp.resolve("infra");
        for (String f : new String[] {
            "main.tf",
            "variables.tf",
            "README.md",
            "keep.tf",
            "notes/todo.txt",
            "modules/vpc/vpc.tf",
            "modules/vpc/README.md",
            "scratch/a.tf"
        }) {
            write(f, f);
        }
    }

    private void write(String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    @Test
    void includeSelectsMatchingFilesAtAnyDepthAndReportsTheRest() throws IOException {
        ChangeSet cs = ChangeSet.builder().include("*.tf").addPath(dir).build();

        assertThat(cs.paths())
                .containsExactly("keep.tf", "main.tf", "modules/vpc/vpc.tf", "scratch/a.tf", "variables.tf");
        assertThat(cs.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::reason)
                .contains(
                        tuple("README.md", SkipReason.NOT_INCLUDED), tuple("notes/todo.txt", SkipReason.NOT_INCLUDED));
    }

    @Test
    void excludeWithDirectoryPatternDropsTheWholeDirectoryOnce() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .exclude("modules/")
                .exclude("*.md")
                .addPath(dir)
                .build();

        assertThat(cs.paths()).containsExactly("keep.tf", "main.tf", "notes/todo.txt", "scratch/a.tf", "variables.tf");
        assertThat(cs.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::directory, SkippedFile::reason, SkippedFile::pattern)
                .containsExactly(
                        tuple("README.md", false, SkipReason.EXCLUDED, "*.md"),
                        tuple("modules/", true, SkipReason.EXCLUDED, "modules/"));
    }

    @Test
    void patternsAreRelativeToTheWalkedDirectoryNotTheRepositoryPath() throws IOException {
        ChangeSet cs =
                ChangeSet.builder().to("live").exclude("/main.tf").addPath(dir).build();

        assertThat(cs.paths()).doesNotContain("live/main.tf").contains("live/variables.tf");
    }

    @Test
    void excludeWinsOverInclude() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .include("*.tf")
                .exclude("scratch/")
                .addPath(dir)
                .build();

        assertThat(cs.paths()).doesNotContain("scratch/a.tf").contains("main.tf");
    }

    @Test
    void bbpushignoreUsesGitignoreSyntaxWithNegationAndDirectoryPatterns() throws IOException {
        write(".bbpushignore", "# local only\n*.tf\n!keep.tf\nnotes/\n");

        ChangeSet cs = ChangeSet.builder().addPath(dir).build();

        assertThat(cs.paths()).containsExactly("README.md", "keep.tf", "modules/vpc/README.md");
        assertThat(cs.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::reason, SkippedFile::pattern)
                .contains(
                        tuple(".bbpushignore", SkipReason.CONTROL_FILE, ""),
                        tuple("main.tf", SkipReason.IGNORED, "*.tf"),
                        tuple("notes/", SkipReason.IGNORED, "notes/"));
    }

    @Test
    void bbpushignoreIsOnlyReadAtTheWalkedRoot() throws IOException {
        write("modules/.bbpushignore", "*.tf\n");

        ChangeSet cs = ChangeSet.builder().addPath(dir).build();

        assertThat(cs.paths()).contains("modules/vpc/vpc.tf", "modules/.bbpushignore");
    }

    @Test
    void filtersDoNotApplyToFilesNamedExplicitly() throws IOException {
        ChangeSet cs = ChangeSet.builder()
                .exclude("*.md")
                .addPath(dir.resolve("README.md"))
                .build();

        assertThat(cs.paths()).containsExactly("README.md");
    }

    @Test
    void gitDirectoriesAndGitFilesAreSkipped() throws IOException {
        write(".git/config", "[core]");
        write("modules/sub/.git", "gitdir: ../../.git/modules/sub");

        ChangeSet cs = ChangeSet.builder().addPath(dir).build();

        assertThat(cs.paths()).noneMatch(p -> p.contains(".git"));
        assertThat(cs.skipped())
                .extracting(SkippedFile::repoPath, SkippedFile::reason)
                .contains(tuple(".git/", SkipReason.GIT_METADATA), tuple("modules/sub/.git", SkipReason.GIT_METADATA));
    }

    @Test
    void negatedOrInvalidIncludePatternsAreRefused() {
        assertThatThrownBy(() -> ChangeSet.builder().include("!keep.tf"))
                .isInstanceOfSatisfying(
                        InvalidChangeSetException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INVALID_PATTERN))
                .hasMessageContaining(".bbpushignore");
        assertThatThrownBy(() -> ChangeSet.builder().exclude("[abc"))
                .isInstanceOf(InvalidChangeSetException.class)
                .hasMessageContaining("'[abc'");
    }
}
