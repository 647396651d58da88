package dev.bbpush.client.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.EmulatorJournal;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.RecordingListener;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.GitCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.Settings;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.world.Credential;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;

/**
 * OAuth client credentials against the emulator's token endpoint ({@code /site/oauth2/access_token} on the API
 * origin) with the demo world's private consumer {@code acme-agent}. Demo tokens live 7200 s; the client renews at 90%
 * (6480 s). Token requests are counted in the emulator's journal.
 */
@BitbucketEmulatorTest(world = "demo")
class ClientCredentialsAuthorizerTest {
    private static final String TOKEN_PATH = "/site/oauth2/access_token";

    private static BitbucketClient client(Emulator bb, MutableClock clock, RecordingListener listener) {
        Credential consumer = bb.credential("acme-agent");
        return BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.oauthClientCredentials(consumer.key(), consumer.secret()))
                .clock(clock)
                .listener(listener)
                .build();
    }

    /** A client clock that starts where the emulator's clock is, so both can be advanced together. */
    private static MutableClock clockOf(Emulator bb) {
        return new MutableClock(bb.clock().now());
    }

    private static List<JournalEntry> tokenRequests(Emulator bb, int expected) {
        return EmulatorJournal.tokenRequests(bb, expected);
    }

    private static List<JournalEntry> apiRequests(Emulator bb, int expected) {
        return EmulatorJournal.api(bb, expected);
    }

    @Test
    void fetchesTokenWithBasicKeyAndSecretFromTheLoopbackApiOrigin(Emulator bb) {
        try (BitbucketClient client = client(bb, clockOf(bb), new RecordingListener())) {
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }

        JournalEntry token = tokenRequests(bb, 1).get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.headers().get("Authorization"))
                .isEqualTo("Basic " + bb.credential("acme-agent").key() + ":****");
        assertThat(token.headers().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(apiRequests(bb, 1)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(200);
            assertThat(e.headers().get("Authorization")).startsWith("Bearer ");
        });
    }

    @Test
    void cachesTheTokenAcrossCalls(Emulator bb) {
        try (BitbucketClient client = client(bb, clockOf(bb), new RecordingListener())) {
            client.repository("acme", "infra");
            client.repository("acme", "infra");
            client.branch("acme", "infra", "main");
        }

        assertThat(tokenRequests(bb, 1)).hasSize(1);
        assertThat(apiRequests(bb, 3))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void renewsTheTokenAtNinetyPercentOfItsLifetimeBeforeTheServerExpiresIt(Emulator bb) {
        MutableClock clock = clockOf(bb);
        try (BitbucketClient client = client(bb, clock, new RecordingListener())) {
            client.repository("acme", "infra");

            clock.advance(Duration.ofSeconds(6000));
            bb.clock().advance(Duration.ofSeconds(6000));
            client.repository("acme", "infra");
            assertThat(tokenRequests(bb, 1)).hasSize(1);

            clock.advance(Duration.ofSeconds(1000));
            bb.clock().advance(Duration.ofSeconds(1000));
            client.repository("acme", "infra");
        }

        // 7000 s > 6480 s: renewed, while the old token (7200 s) was still valid, so no request was refused.
        assertThat(tokenRequests(bb, 2)).hasSize(2);
        assertThat(apiRequests(bb, 3))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
    }

    @Test
    void tokenExpiredOnTheServerIsFetchedAgainAndTheRequestResentOnce(Emulator bb) {
        RecordingListener listener = new RecordingListener();
        try (BitbucketClient client = client(bb, clockOf(bb), listener)) {
            client.repository("acme", "infra");
            // Only the emulator's clock moves: the client still believes its token is fresh.
            bb.clock().advance(Duration.ofSeconds(7300));

            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }

        assertThat(tokenRequests(bb, 2)).hasSize(2);
        assertThat(apiRequests(bb, 3)).extracting(JournalEntry::status).containsExactly(200, 401, 200);
        assertThat(listener.events(HttpEvent.ResponseReceived.class))
                .filteredOn(r -> r.status() == 401)
                .singleElement()
                .satisfies(r -> assertThat(r.headers().first("WWW-Authenticate"))
                        .contains("OAuth realm=\"Bitbucket.org HTTP\""));
        assertThat(listener.events(HttpEvent.RetryScheduled.class))
                .extracting(HttpEvent.RetryScheduled::reason)
                .containsExactly("401: fetching a fresh token");
    }

    @Test
    void wrongSecretIsAnAuthenticationFailureNamingTheFixWithoutTheSecret(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        String wrong = "wrongsecretwrongsecretwrongsecret";
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .credentials(Credentials.oauthClientCredentials(key, wrong))
                .build()) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.uri().getPath()).isEqualTo(TOKEN_PATH);
                        assertThat(e.bitbucketMessage()).contains("Invalid OAuth client credentials (invalid_client)");
                    })
                    .hasMessageContaining("'" + key + "'")
                    .hasMessageContaining("the key or the secret is wrong")
                    .hasMessageContaining("BBPUSH_OAUTH_CLIENT_SECRET")
                    .hasMessageNotContaining(wrong);
        }
        assertThat(EmulatorJournal.all(bb, 1)).extracting(JournalEntry::path).containsExactly(TOKEN_PATH);
    }

    @Test
    void gitCredentialsAreXTokenAuthWithTheCurrentTokenAndWorkForGit(Emulator bb) throws Exception {
        Collection<Ref> refs;
        try (BitbucketClient client = client(bb, clockOf(bb), new RecordingListener())) {
            GitCredentials git = client.gitCredentials();
            assertThat(git.username()).isEqualTo("x-token-auth");

            refs = Git.lsRemoteRepository()
                    .setRemote(bb.gitUrl("acme", "infra"))
                    .setHeads(true)
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider(
                            git.username(), git.password().reveal()))
                    .call();
        }
        assertThat(refs).extracting(Ref::getName).contains("refs/heads/main");
        assertThat(tokenRequests(bb, 1)).hasSize(1);
    }

    @Test
    void configuredTokenUrlFromTheEnvironmentWinsOverTheDerivedOne(Emulator bb) {
        String configured = bb.baseUrl() + "/custom/token";
        Settings settings = new Settings(
                CredentialFlags.none(), Environment.of(Map.of("BBPUSH_OAUTH_TOKEN_URL", "\"" + configured + "\"\n")));
        Settings.Value url = settings.oauthTokenUrl().orElseThrow();
        assertThat(url.value()).isEqualTo(configured);
        assertThat(url.source()).isEqualTo("BBPUSH_OAUTH_TOKEN_URL");

        Credential consumer = bb.credential("acme-agent");
        try (BitbucketClient client = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .oauthTokenUrl(URI.create(url.value()))
                .credentials(Credentials.oauthClientCredentials(consumer.key(), consumer.secret()))
                .build()) {
            assertThatThrownBy(() -> client.repository("acme", "infra"))
                    .isInstanceOfSatisfying(
                            NotFoundException.class, e -> assertThat(e.uri()).isEqualTo(URI.create(configured)))
                    .hasMessageContaining("BBPUSH_OAUTH_TOKEN_URL");
        }
        assertThat(EmulatorJournal.all(bb, 1)).extracting(JournalEntry::path).containsExactly("/custom/token");
    }

    @Test
    void tokenUrlIsDerivedFromALoopbackApiUrlAndIsBitbucketOrgOtherwise() {
        assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(URI.create("http://127.0.0.1:41234/2.0"), true))
                .isEqualTo(URI.create("http://127.0.0.1:41234/site/oauth2/access_token"));
        assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(URI.create("http://localhost:7990/2.0"), true))
                .isEqualTo(URI.create("http://localhost:7990/site/oauth2/access_token"));
        assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(URI.create("http://[::1]:7990/2.0"), true))
                .isEqualTo(URI.create("http://[::1]:7990/site/oauth2/access_token"));
        assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(BitbucketClient.DEFAULT_API_URL, false))
                .isEqualTo(URI.create("https://bitbucket.org/site/oauth2/access_token"));
    }

    @Test
    void lateUnauthorizedOnAnOldTokenKeepsTheFreshTokenAnotherRequestFetched(Emulator bb) {
        Credential consumer = bb.credential("acme-agent");
        ClientCredentialsAuthorizer authorizer = new ClientCredentialsAuthorizer(
                Credentials.oauthClientCredentials(consumer.key(), consumer.secret()),
                ClientCredentialsAuthorizer.defaultTokenEndpoint(URI.create(bb.apiUrl()), true),
                HttpTransport.builder().build(),
                clockOf(bb));
        Secret old = authorizer.authorization();

        // Two requests carried the old token and both got 401; the first one's refresh fetches a new token.
        assertThat(authorizer.refreshAfterUnauthorized(old)).isTrue();
        Secret fresh = authorizer.authorization();
        // The second 401 arrives late: it must not throw the fresh token away.
        assertThat(authorizer.refreshAfterUnauthorized(old)).isTrue();

        // Compared as booleans so that a failure does not print tokens into the test report.
        String now = authorizer.authorization().reveal();
        assertThat(now.equals(fresh.reveal())).as("still the fresh token").isTrue();
        assertThat(now.equals(old.reveal())).as("not the refused token").isFalse();
        assertThat(tokenRequests(bb, 2)).hasSize(2);
    }
}
