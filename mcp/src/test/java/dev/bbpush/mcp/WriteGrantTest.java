package dev.bbpush.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.diagnose.RepositoryRef;
import org.junit.jupiter.api.Test;

class WriteGrantTest {
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    @Test
    void aRepositoryWithoutGlobPermitsEveryBranchOfThatRepositoryOnly() {
        WriteGrant g = WriteGrant.parse("acme/infra");

        assertThat(g.permits(INFRA, "main")).isTrue();
        assertThat(g.permits(INFRA, "feature/x")).isTrue();
        assertThat(g.permits(RepositoryRef.parse("acme/infra-live"), "main")).isFalse();
        assertThat(g.permits(RepositoryRef.parse("Acme/Infra"), "main"))
                .as("slugs are case-insensitive")
                .isTrue();
        assertThat(g.flag()).isEqualTo("--allow-repo acme/infra");
    }

    @Test
    void aStarInTheGlobMatchesAnyCharactersAndTheRestIsLiteral() {
        WriteGrant g = WriteGrant.parse("acme/infra:bbpush/*");

        assertThat(g.permits(INFRA, "bbpush/x")).isTrue();
        assertThat(g.permits(INFRA, "bbpush/a/b")).isTrue();
        assertThat(g.permits(INFRA, "main")).isFalse();
        assertThat(g.permits(INFRA, "xbbpush/x")).isFalse();
        assertThat(WriteGrant.parse("acme/infra:release.1").permits(INFRA, "releaseX1"))
                .as("'.' is literal")
                .isFalse();
        assertThat(g.flag()).isEqualTo("--allow-repo 'acme/infra:bbpush/*'");
    }

    @Test
    void malformedGrantsNameTheExpectedForm() {
        assertThatThrownBy(() -> WriteGrant.parse("infra"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WORKSPACE/REPO or WORKSPACE/REPO:BRANCH-GLOB");
        assertThatThrownBy(() -> WriteGrant.parse("acme/infra:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }
}
