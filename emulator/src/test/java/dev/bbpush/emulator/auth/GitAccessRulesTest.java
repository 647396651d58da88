package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.world.Repo;
import org.junit.jupiter.api.Test;

/**
 * The Git-side rules (§8) at the level of {@link AccessControl#authenticateGit(String, String)} and
 * {@link AccessControl#authorizeGit}: which credential and username forms are accepted and which
 * status and {@code remote:} lines each refusal carries. The same rules end to end, with the real git
 * client: {@link GitAuthMatrixTest}.
 */
@BitbucketEmulatorTest(world = "demo")
class GitAccessRulesTest {
    private static final String LOOPBACK = "127.0.0.1";

    static Principal gitAuth(Emulator bb, String user, String secret) throws GitRefusal {
        return bb.context().access().authenticateGit(Http.basic(user, secret), LOOPBACK);
    }

    static GitRefusal gitAuthFails(Emulator bb, String user, String secret) {
        GitRefusal r = catchThrowableOfType(GitRefusal.class, () -> gitAuth(bb, user, secret));
        assertThat(r).as("expected a Git refusal for user %s", user).isNotNull();
        return r;
    }

    static GitRefusal authorizeFails(Emulator bb, Principal p, String repo, boolean write, String client) {
        Repo r = bb.world().repository(repo.split("/")[0], repo.split("/")[1]).orElseThrow();
        GitRefusal refusal = catchThrowableOfType(
                GitRefusal.class, () -> bb.context().access().authorizeGit(p, r, write, client));
        assertThat(refusal).as("expected a refusal on %s", repo).isNotNull();
        return refusal;
    }

    static void authorizeSucceeds(Emulator bb, Principal p, String repo, boolean write, String client) {
        Repo r = bb.world().repository(repo.split("/")[0], repo.split("/")[1]).orElseThrow();
        assertThatCode(() -> bb.context().access().authorizeGit(p, r, write, client))
                .doesNotThrowAnyException();
    }

    @Test
    void apiTokenWorksWithUsernameOrStaticUser(Emulator bb) throws GitRefusal {
        Principal byUsername = gitAuth(bb, "rahul-dev", bb.secret("rahul-api-token"));
        Principal byStaticUser = gitAuth(bb, "x-bitbucket-api-token-auth", bb.secret("rahul-api-token"));

        assertThat(byUsername.account().username()).isEqualTo("rahul-dev");
        assertThat(byStaticUser.type()).isEqualTo(Principal.Type.API_TOKEN);
    }

    @Test
    void apiTokenWithEmailIs401WithChallenge(Emulator bb) {
        GitRefusal r = gitAuthFails(bb, "rahul@acme.example", bb.secret("rahul-api-token"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.challenge()).isTrue();
    }

    @Test
    void unscopedAndExpiredApiTokensAre401(Emulator bb) {
        assertThat(gitAuthFails(bb, "rahul-dev", bb.secret("rahul-unscoped-token"))
                        .status())
                .isEqualTo(401);
        assertThat(gitAuthFails(bb, "rahul-dev", bb.secret("rahul-expired-token"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void removedAppPasswordIs410WithChange3222Lines(Emulator bb) {
        GitRefusal r = gitAuthFails(bb, "rahul-dev", bb.secret("rahul-app-password"));

        assertThat(r.status()).isEqualTo(410);
        assertThat(r.remoteLines())
                .containsExactly(
                        "CHANGE-3222 - Functionality has been deprecated",
                        "App passwords are deprecated and must be replaced with API tokens.",
                        "https://developer.atlassian.com/cloud/bitbucket/changelog#CHANGE-3222");
    }

    @Test
    void accountPasswordIs401WithRemoteExplanation(Emulator bb) {
        GitRefusal r = gitAuthFails(bb, "rahul-dev", bb.secret("rahul-account-password"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.remoteLines())
                .containsExactly(
                        "Bitbucket Cloud recently stopped supporting account passwords for Git authentication.");
    }

    @Test
    void oauthConsumerKeyAndSecretAre401InvalidUsernameOrPassword(Emulator bb) {
        GitRefusal r = gitAuthFails(bb, bb.credential("acme-agent").key(), bb.secret("acme-agent"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.remoteLines()).containsExactly("Invalid username or password");
    }

    @Test
    void accessAndOAuthTokensNeedXTokenAuth(Emulator bb) throws GitRefusal {
        Principal access = gitAuth(bb, "x-token-auth", bb.secret("infra-repo-token"));
        Principal oauth = gitAuth(bb, "x-token-auth", OAuthClient.clientCredentials(bb, "acme-agent"));

        assertThat(access.type()).isEqualTo(Principal.Type.REPO_ACCESS_TOKEN);
        assertThat(oauth.type()).isEqualTo(Principal.Type.OAUTH_TOKEN);
        assertThat(gitAuthFails(bb, "rahul-dev", bb.secret("infra-repo-token")).status())
                .isEqualTo(401);
    }

    @Test
    void cloneNeedsReadScopeAndWriteOnlyTokenIsRefusedWithScopeText(Emulator bb) throws GitRefusal {
        Principal writeOnly = gitAuth(bb, "rahul-dev", bb.secret("rahul-write-only-token"));

        GitRefusal r = authorizeFails(bb, writeOnly, "acme/infra", false, LOOPBACK);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.remoteLines()).containsExactly("Your credentials lack one or more required privilege scopes.");
    }

    @Test
    void scopedTokenWithWritePermissionMayPush(Emulator bb) throws GitRefusal {
        authorizeSucceeds(bb, gitAuth(bb, "rahul-dev", bb.secret("rahul-api-token")), "acme/infra", true, LOOPBACK);
        authorizeSucceeds(bb, gitAuth(bb, "x-token-auth", bb.secret("infra-repo-token")), "acme/infra", true, LOOPBACK);
    }

    @Test
    void accountWithoutAccessGets403DoesNotExistText(Emulator bb) throws GitRefusal {
        GitRefusal r =
                authorizeFails(bb, gitAuth(bb, "alex-ops", bb.secret("alex-api-token")), "acme/infra", false, LOOPBACK);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.remoteLines())
                .containsExactly(
                        "The requested repository either does not exist or you do not have access. If you believe this repository "
                                + "exists and you have access, make sure you're authenticated.");
    }

    @Test
    void repositoryTokenOutsideItsRepositoryGets403(Emulator bb) throws GitRefusal {
        GitRefusal r = authorizeFails(
                bb, gitAuth(bb, "x-token-auth", bb.secret("infra-repo-token")), "acme/empty", false, LOOPBACK);

        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void ipAllowlistRefusesOutsideAddressAndAdmitsInsideOne(Emulator bb) throws GitRefusal {
        Principal rahul = gitAuth(bb, "rahul-dev", bb.secret("rahul-api-token"));

        GitRefusal r = authorizeFails(bb, rahul, "globex/platform", false, LOOPBACK);

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.remoteLines()).containsExactly("To access this repository, an admin must whitelist your IP.");
        authorizeSucceeds(bb, rahul, "globex/platform", true, "203.0.113.7");
    }

    @Test
    void anonymousCloneOfPrivateRepositoryIs401WithChallenge(Emulator bb) throws GitRefusal {
        Principal anonymous = bb.context().access().authenticateGit((String) null, LOOPBACK);

        GitRefusal r = authorizeFails(bb, anonymous, "acme/infra", false, LOOPBACK);

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.challenge()).isTrue();
    }
}
