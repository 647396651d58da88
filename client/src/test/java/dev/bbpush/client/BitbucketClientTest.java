package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.http.HttpEvent;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The client's typed calls and raw transport against the emulator over loopback. */
@BitbucketEmulatorTest(world = "demo")
class BitbucketClientTest {
  private static final String EMAIL = "rahul@acme.example";

  private static BitbucketClient rahul(Emulator bb, RecordingListener listener) {
    return BitbucketClient.builder()
        .apiUrl(bb.apiUrl())
        .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
        .listener(listener)
        .build();
  }

  @Test
  void readsRepositoryWithApiToken(Emulator bb) {
    try (BitbucketClient client = rahul(bb, new RecordingListener())) {
      Repository repo = client.repository("acme", "infra");

      assertThat(repo.fullName()).isEqualTo("acme/infra");
      assertThat(repo.mainBranch()).contains("main");
      assertThat(repo.isPrivate()).isTrue();
      assertThat(repo.uuid()).startsWith("{").endsWith("}");
    }
  }

  @Test
  void missingRepositoryIsNotFound(Emulator bb) {
    try (BitbucketClient client = rahul(bb, new RecordingListener())) {
      assertThatThrownBy(() -> client.repository("acme", "nope"))
          .isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.status()).isEqualTo(404);
            assertThat(e.method()).isEqualTo("GET");
            assertThat(e.uri().toString()).endsWith("/2.0/repositories/acme/nope");
            assertThat(e.bitbucketMessage()).isPresent();
          })
          .hasMessageContaining("not found (404");
    }
  }

  @Test
  void apiTokenSentWithUsernameIsAuthenticationFailureWithChallenge(Emulator bb) {
    String token = bb.secret("rahul-api-token");
    try (BitbucketClient client = BitbucketClient.builder()
        .apiUrl(bb.apiUrl())
        .credentials(Credentials.apiToken("rahul-dev", token))
        .build()) {
      assertThatThrownBy(() -> client.repository("acme", "infra"))
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.wwwAuthenticate()).contains("Basic realm=\"Bitbucket.org HTTP\"");
            assertThat(e.getMessage()).doesNotContain(token).contains("Atlassian account email");
            assertThat(e.toString()).doesNotContain(token);
          });
    }
  }

  @Test
  void invalidPagelenIsParsedFromBitbucketsErrorEnvelope(Emulator bb) {
    try (BitbucketClient client = rahul(bb, new RecordingListener())) {
      URI uri = URI.create(client.endpoint("repositories", "acme") + "?pagelen=1000");
      Request request = Request.get(uri).build();

      Response raw = client.http().exchange(request);
      assertThat(raw.status()).isEqualTo(400);

      assertThatThrownBy(() -> client.http().send(request))
          .isExactlyInstanceOf(BitbucketApiException.class)
          .satisfies(e -> assertThat(((BitbucketApiException) e).bitbucketMessage()).contains("Invalid pagelen"))
          .hasMessageContaining("Invalid pagelen");
    }
  }

  @Test
  void rawExchangeReturnsRefusalAsDataWithoutThrowing(Emulator bb) {
    try (BitbucketClient client = BitbucketClient.builder()
        .apiUrl(bb.apiUrl())
        .credentials(Credentials.apiToken("rahul-dev", bb.secret("rahul-api-token")))
        .build()) {
      Response r = client.http().exchange(Request.get(client.endpoint("repositories", "acme", "infra")).build());

      assertThat(r.status()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).contains("Basic realm=\"Bitbucket.org HTTP\"");
      assertThat(r.attempts()).isEqualTo(1);
    }
  }

  @Test
  void listenerSeesRequestsAndResponsesWithAuthorizationRedacted(Emulator bb) {
    RecordingListener listener = new RecordingListener();
    String token = bb.secret("rahul-api-token");
    try (BitbucketClient client = rahul(bb, listener)) {
      client.repository("acme", "infra");
    }

    HttpEvent.RequestSent sent = listener.events(HttpEvent.RequestSent.class).get(0);
    assertThat(sent.headers().first("Authorization")).contains("Basic ****");
    assertThat(listener.events(HttpEvent.ResponseReceived.class)).singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(listener.events()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(token));
  }

  @Test
  void anonymousClientSendsNoAuthorizationAndPrivateRepositoryIsNotFound(Emulator bb) {
    RecordingListener listener = new RecordingListener();
    try (BitbucketClient client = BitbucketClient.builder().apiUrl(bb.apiUrl()).listener(listener).build()) {
      assertThatThrownBy(() -> client.repository("acme", "infra")).isInstanceOf(NotFoundException.class);
    }
    assertThat(listener.events(HttpEvent.RequestSent.class).get(0).headers().contains("Authorization")).isFalse();
  }
}
