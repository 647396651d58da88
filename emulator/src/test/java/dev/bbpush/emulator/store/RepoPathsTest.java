package dev.bbpush.emulator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/a.tf",
                "a.tf",
                "a/b/c.tf",
                "/.github/workflows/ci.yml",
                "...",
                "a/.gitignore",
                "x.git",
                "git~2",
                "con.tf"
            })
    void acceptsOrdinaryPathsAndStripsOneLeadingSlash(String raw) {
        assertThat(RepoPaths.normalize(raw)).isEqualTo(raw.startsWith("/") ? raw.substring(1) : raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "/",
                "a/",
                "a//b",
                "//a",
                "..",
                "a/..",
                "./a",
                ".git",
                "a/.Git/b",
                ".git.",
                ".git ",
                "GIT~1/x",
                ".g\u200cit",
                "a\u0000b",
                "a\nb",
                "a\u007fb"
            })
    void refusesPathsGitOrFsckWouldRefuse(String raw) {
        assertThatThrownBy(() -> RepoPaths.normalize(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
