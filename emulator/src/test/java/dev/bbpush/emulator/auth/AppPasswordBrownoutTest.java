package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/** App passwords while the world says "brownout" (2026-06-09..07-27): the emulator fails them always. */
@BitbucketEmulatorTest(world = "worlds/auth-brownout.yaml")
class AppPasswordBrownoutTest {

    @Test
    void appPasswordDuringBrownoutIs401WithBasicChallenge(Emulator bb) {
        Http.Response r = Http.get(
                bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul-dev", bb.secret("rahul-app-password")));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void appPasswordDuringBrownoutIs410OnGit(Emulator bb) {
        GitRefusal refusal = GitAccessRulesTest.gitAuthFails(bb, "rahul-dev", bb.secret("rahul-app-password"));

        assertThat(refusal.status()).isEqualTo(410);
        assertThat(refusal.remoteLines()).containsExactlyElementsOf(AuthMessages.GIT_APP_PASSWORD_GONE);
    }
}
