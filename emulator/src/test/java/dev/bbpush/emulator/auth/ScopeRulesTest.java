package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scope implications (§4.2, §4.3). */
class ScopeRulesTest {

    @Test
    void fineGrainedScopesImplyNothing() {
        assertThat(ScopeRules.missing(
                        List.of("write:repository:bitbucket"), List.of("read:repository:bitbucket"), true))
                .containsExactly("read:repository:bitbucket");
        assertThat(ScopeRules.missing(
                        List.of("admin:repository:bitbucket"), List.of("write:repository:bitbucket"), true))
                .containsExactly("write:repository:bitbucket");
        assertThat(ScopeRules.missing(
                        List.of("read:pullrequest:bitbucket"), List.of("read:repository:bitbucket"), true))
                .containsExactly("read:repository:bitbucket");
    }

    @Test
    void classicWriteImpliesRead() {
        assertThat(ScopeRules.missing(List.of("repository:write"), List.of("repository"), false))
                .isEmpty();
    }

    @Test
    void pullrequestWriteImpliesPullrequestAndRepositoryWriteTransitively() {
        assertThat(ScopeRules.expandClassic(List.of("pullrequest:write")))
                .containsExactlyInAnyOrder("pullrequest:write", "pullrequest", "repository:write", "repository");
    }

    @Test
    void projectImpliesRepositoryRead() {
        assertThat(ScopeRules.missing(List.of("project"), List.of("repository"), false))
                .isEmpty();
        assertThat(ScopeRules.missing(List.of("project"), List.of("repository:write"), false))
                .containsExactly("repository:write");
    }

    @Test
    void adminScopesImplyNeitherReadNorWrite() {
        assertThat(ScopeRules.expandClassic(List.of("repository:admin"))).containsExactly("repository:admin");
        assertThat(ScopeRules.expandClassic(List.of("project:admin"))).containsExactly("project:admin");
    }

    @Test
    void accountImpliesEmail() {
        assertThat(ScopeRules.missing(List.of("account"), List.of("email"), false))
                .isEmpty();
        assertThat(ScopeRules.missing(List.of("email"), List.of("account"), false))
                .containsExactly("account");
    }
}
