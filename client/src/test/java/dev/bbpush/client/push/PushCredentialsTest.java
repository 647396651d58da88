package dev.bbpush.client.push;

import static dev.bbpush.client.push.PushFixture.request;
import static dev.bbpush.client.push.PushFixture.tree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Every credential kind that can push: the plan over Git and the commit over REST both accept it. */
@BitbucketEmulatorTest(world = "demo")
class PushCredentialsTest {

    private static PushResult pushWith(BitbucketClient client, String path, String content) throws Exception {
        try (ChangeSet changes = PushFixture.texts(Map.of(path, content))) {
            return new Pusher(client).push(request(changes).build());
        }
    }

    private static void assertPushedOverGit(Emulator bb, PushResult r, String path, String content) {
        assertThat(r.status()).isEqualTo(PushStatus.COMMITTED);
        assertThat(r.plan().source()).isEqualTo(PlanSource.GIT);
        assertThat(r.requests().git()).isPositive();
        assertThat(tree(bb, "main").get(path).text()).isEqualTo(content);
    }

    @Test
    void apiTokenWithUsernameFailsWithTheUseTheEmailExplanation(Emulator bb) throws Exception {
        // REST refuses an API token sent with the username; the push's own REST calls must explain that, not only
        // BitbucketClient's typed calls. REST plan: the first REST call is the push's own branch lookup.
        try (BitbucketClient client =
                        PushFixture.client(bb, Credentials.apiToken("rahul", bb.secret("rahul-api-token")));
                ChangeSet changes = PushFixture.texts(Map.of("live/user.tf", "u\n"))) {
            PushRequest req =
                    request(changes).planSource(PlanSource.REST).branch("main").build();
            Assertions.assertThatThrownBy(() -> new Pusher(client).push(req))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("not an email address")
                    .hasMessageContaining("account email");
        }
    }

    @Test
    void apiTokenPushes(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.rahul(bb)) {
            assertPushedOverGit(bb, pushWith(client, "live/api.tf", "api\n"), "live/api.tf", "api\n");
        }
    }

    @Test
    void repositoryAccessTokenPushes(Emulator bb) throws Exception {
        try (BitbucketClient client = PushFixture.client(bb, Credentials.accessToken(bb.secret("infra-repo-token")))) {
            assertPushedOverGit(bb, pushWith(client, "live/repo.tf", "repo\n"), "live/repo.tf", "repo\n");
        }
    }

    @Test
    void workspaceAccessTokenPushes(Emulator bb) throws Exception {
        try (BitbucketClient client =
                PushFixture.client(bb, Credentials.accessToken(bb.secret("acme-workspace-token")))) {
            assertPushedOverGit(bb, pushWith(client, "live/ws.tf", "ws\n"), "live/ws.tf", "ws\n");
        }
    }

    @Test
    void oauthClientCredentialsPushAndRenewAfterExpiry(Emulator bb) throws Exception {
        Credentials oauth =
                Credentials.oauthClientCredentials(bb.credential("acme-agent").key(), bb.secret("acme-agent"));
        try (BitbucketClient client = PushFixture.client(bb, oauth)) {
            assertPushedOverGit(bb, pushWith(client, "live/oauth.tf", "one\n"), "live/oauth.tf", "one\n");

            bb.clock().advance(Duration.ofHours(3)); // the first access token has expired

            assertPushedOverGit(bb, pushWith(client, "live/oauth.tf", "two\n"), "live/oauth.tf", "two\n");
            long tokenRequests = bb.journal().entries().stream()
                    .filter(e -> e.path().equals("/site/oauth2/access_token"))
                    .count();
            assertThat(tokenRequests).as("token fetched again after expiry").isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void pasteDamagedTokenFromTheEnvironmentIsRepairedAndPushes(Emulator bb) throws Exception {
        Environment env = Environment.of(Map.of(
                "BBPUSH_API_TOKEN", "  " + bb.secret("rahul-api-token") + "\n", "BBPUSH_EMAIL", PushFixture.EMAIL));
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(CredentialChain.standard(CredentialFlags.none(), env, InputStream.nullInputStream()))
                .build()) {
            assertThat(client.credentials().orElseThrow().repairs()).isNotEmpty();
            assertPushedOverGit(bb, pushWith(client, "live/paste.tf", "paste\n"), "live/paste.tf", "paste\n");
        }
    }
}
