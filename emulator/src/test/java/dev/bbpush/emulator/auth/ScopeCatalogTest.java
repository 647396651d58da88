package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The required scopes come from Bitbucket's OpenAPI document (§4.4), not from a retyped table. */
class ScopeCatalogTest {
    private final ScopeCatalog catalog = ScopeCatalog.bitbucket();

    @Test
    void readsBothFamiliesForAnOperation() {
        ScopeCatalog.Required user = catalog.required("GET", "/user").orElseThrow();

        assertThat(user.classic()).containsExactly("account");
        assertThat(user.fineGrained()).containsExactly("read:user:bitbucket");
    }

    @Test
    void keepsEveryListedScope() {
        ScopeCatalog.Required createBranch = catalog.required(
                        "POST", "/repositories/{workspace}/{repo_slug}/refs/branches")
                .orElseThrow();

        assertThat(createBranch.classic()).containsExactly("repository:write");
        assertThat(createBranch.fineGrained())
                .containsExactlyInAnyOrder("write:repository:bitbucket", "read:repository:bitbucket");
    }

    @Test
    void srcPostNeedsOnlyWrite() {
        ScopeCatalog.Required src = catalog.required("post", "/repositories/{workspace}/{repo_slug}/src")
                .orElseThrow();

        assertThat(src.classic()).containsExactly("repository:write");
        assertThat(src.fineGrained()).containsExactly("write:repository:bitbucket");
    }

    @Test
    void operationWithEmptyClassicListRequiresNoClassicScope() {
        assertThat(catalog.required("GET", "/workspaces/{workspace}")
                        .orElseThrow()
                        .classic())
                .isEmpty();
    }

    @Test
    void unknownOperationIsAbsent() {
        assertThat(catalog.required("GET", "/no/such/path")).isEmpty();
        assertThat(catalog.size()).isGreaterThan(300);
    }
}
