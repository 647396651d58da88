package dev.bbpush.client.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.ScriptedServer;
import dev.bbpush.client.ScriptedServer.Recorded;
import dev.bbpush.client.ScriptedServer.Reply;
import dev.bbpush.client.auth.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Refresh-token rotation for client credentials, against a {@link ScriptedServer}: Bitbucket (and so the emulator)
 * stopped returning refresh tokens for client credentials on 2026-05-04, so only a scripted token endpoint can still
 * send one (as consumers did before that date). Everything else about client credentials is tested against the
 * emulator in {@link ClientCredentialsAuthorizerTest}.
 */
class ClientCredentialsRefreshTokenTest {
    private static final String TOKEN_PATH = "/site/oauth2/access_token";

    private final ScriptedServer server = ScriptedServer.start();
    private final MutableClock clock = MutableClock.atEpochPlusDays(0);
    private final AtomicInteger issued = new AtomicInteger();
    private volatile boolean refuseRefresh;

    ClientCredentialsRefreshTokenTest() {
        server.dispatcher(this::dispatch);
    }

    private Reply dispatch(Recorded r) {
        if (r.path().equals(TOKEN_PATH)) {
            if (r.body().startsWith("grant_type=refresh_token") && refuseRefresh) {
                return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh_token\"}");
            }
            int n = issued.incrementAndGet();
            return Reply.json(
                    200,
                    "{\"access_token\":\"access-" + n + "-xxxxxxxxxxxxxxxxxxxx\",\"expires_in\":100,"
                            + "\"token_type\":\"bearer\",\"scopes\":\"repository:write\",\"refresh_token\":\"refresh-"
                            + n + "\"}");
        }
        String auth = r.header("Authorization");
        if (auth != null && auth.equals("Bearer access-" + issued.get() + "-xxxxxxxxxxxxxxxxxxxx")) {
            return Reply.json(200, "{\"full_name\":\"acme/infra\",\"uuid\":\"{r}\"}");
        }
        return Reply.of(401, "", "WWW-Authenticate", "OAuth realm=\"Bitbucket.org HTTP\"");
    }

    private BitbucketClient client() {
        return BitbucketClient.builder()
                .apiUrl(server.url("/2.0"))
                .credentials(Credentials.oauthClientCredentials("consumerkey123", "consumersecretconsumersecret0123"))
                .clock(clock)
                .build();
    }

    private List<String> tokenRequestBodies() {
        return server.requests().stream()
                .filter(r -> r.path().equals(TOKEN_PATH))
                .map(Recorded::body)
                .toList();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void rotatesRefreshTokensWhenTheEndpointReturnsThem() {
        try (BitbucketClient client = client()) {
            client.repository("acme", "infra");
            clock.advance(Duration.ofSeconds(95));
            client.repository("acme", "infra");
            clock.advance(Duration.ofSeconds(95));
            client.repository("acme", "infra");
        }

        assertThat(tokenRequestBodies())
                .containsExactly(
                        "grant_type=client_credentials",
                        "grant_type=refresh_token&refresh_token=refresh-1",
                        "grant_type=refresh_token&refresh_token=refresh-2");
    }

    @Test
    void refusedRefreshFallsBackToClientCredentials() {
        try (BitbucketClient client = client()) {
            client.repository("acme", "infra");
            refuseRefresh = true;
            clock.advance(Duration.ofSeconds(95));
            assertThat(client.repository("acme", "infra").fullName()).isEqualTo("acme/infra");
        }

        assertThat(tokenRequestBodies())
                .containsExactly(
                        "grant_type=client_credentials",
                        "grant_type=refresh_token&refresh_token=refresh-1",
                        "grant_type=client_credentials");
    }
}
