package dev.bbpush.client.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.EmulatorJournal;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.world.Credential;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A caller that sends the token request itself (the auth doctor: one attempt, kept as evidence) hands the answer back
 * to the authorizer, which then serves that token exactly as if it had fetched it: no second token request until it
 * is due for renewal.
 */
@BitbucketEmulatorTest(world = "demo")
class ClientCredentialsAcceptTest {
    private static ClientCredentialsAuthorizer authorizer(
            Emulator bb, OAuthClientCredentials consumer, HttpTransport transport, MutableClock clock) {
        URI endpoint = ClientCredentialsAuthorizer.defaultTokenEndpoint(URI.create(bb.apiUrl()), true);
        return new ClientCredentialsAuthorizer(consumer, endpoint, transport, clock);
    }

    @Test
    void aTokenTheCallerFetchedIsServedUntilItIsDueForRenewal(Emulator bb) {
        Credential c = bb.credential("acme-agent");
        MutableClock clock = new MutableClock(bb.clock().now());
        try (HttpTransport transport =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            ClientCredentialsAuthorizer authorizer =
                    authorizer(bb, new OAuthClientCredentials(c.key(), Secret.of(c.secret()), null), transport, clock);
            assertThat(authorizer.currentGrant()).isEmpty();

            Response r = transport.exchange(authorizer.clientCredentialsRequest());
            ClientCredentialsAuthorizer.Grant grant = authorizer.accept(r).orElseThrow();

            assertThat(grant.lifetime()).isEqualTo(Duration.ofSeconds(7200));
            assertThat(grant.expiresAt()).isEqualTo(clock.instant().plusSeconds(7200));
            assertThat(authorizer.authorization().reveal())
                    .isEqualTo("Bearer " + grant.accessToken().reveal());
            assertThat(authorizer.currentGrant()).contains(grant);
            assertThat(grant.toString()).doesNotContain(grant.accessToken().reveal());
            assertThat(EmulatorJournal.tokenRequests(bb, 1)).hasSize(1);

            clock.advance(Duration.ofSeconds(6480));
            assertThat(authorizer.currentGrant())
                    .as("due for renewal at 90%% of its lifetime")
                    .isEmpty();
        }
    }

    @Test
    void aRefusalIsNotKept(Emulator bb) {
        Credential c = bb.credential("acme-agent");
        MutableClock clock = new MutableClock(bb.clock().now());
        try (HttpTransport transport =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            ClientCredentialsAuthorizer authorizer = authorizer(
                    bb, new OAuthClientCredentials(c.key(), Secret.of("not-the-secret"), null), transport, clock);

            Response r = transport.exchange(authorizer.clientCredentialsRequest());

            assertThat(r.status()).isEqualTo(401);
            assertThat(authorizer.accept(r)).isEmpty();
            assertThat(authorizer.currentGrant()).isEmpty();
        }
    }
}
