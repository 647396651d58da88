package dev.bbpush.client.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.MutableClock;
import dev.bbpush.client.ScriptedServer;
import dev.bbpush.client.ScriptedServer.Recorded;
import dev.bbpush.client.ScriptedServer.Reply;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.GitCredentials;
import dev.bbpush.client.error.AuthenticationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OAuth client credentials against a scripted token endpoint on loopback ({@code /site/oauth2/access_token} on the API
 * origin, as the emulator will serve it). Should move to the emulator's OAuth endpoint once it exists.
 */
class ClientCredentialsAuthorizerTest {
  private static final String KEY = "consumerkey123";
  private static final String SECRET = "consumersecretconsumersecret0123";
  private static final String TOKEN_PATH = "/site/oauth2/access_token";
  private static final String USER = "{\"type\":\"app_user\",\"uuid\":\"{app}\"}";

  private final ScriptedServer server = ScriptedServer.start();
  private final MutableClock clock = MutableClock.atEpochPlusDays(0);
  private final AtomicInteger issued = new AtomicInteger();
  private volatile boolean withRefreshTokens;
  private volatile boolean refuseRefresh;

  ClientCredentialsAuthorizerTest() {
    server.dispatcher(this::dispatch);
  }

  private Reply dispatch(Recorded r) {
    if (r.path().equals(TOKEN_PATH)) {
      if (r.body().startsWith("grant_type=refresh_token") && refuseRefresh) {
        return Reply.json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh_token\"}");
      }
      int n = issued.incrementAndGet();
      return Reply.json(200, "{\"access_token\":\"access-" + n + "-xxxxxxxxxxxxxxxxxxxx\",\"expires_in\":100,"
          + "\"token_type\":\"bearer\",\"scope\":\"repository:write\""
          + (withRefreshTokens ? ",\"refresh_token\":\"refresh-" + n + "\"" : "") + "}");
    }
    String auth = r.header("Authorization");
    if (auth != null && auth.equals("Bearer access-" + issued.get() + "-xxxxxxxxxxxxxxxxxxxx")) {
      return Reply.json(200, USER);
    }
    return Reply.of(401, "", "WWW-Authenticate", "OAuth realm=\"Bitbucket.org HTTP\"");
  }

  private BitbucketClient client() {
    return BitbucketClient.builder()
        .apiUrl(server.url("/2.0"))
        .credentials(Credentials.oauthClientCredentials(KEY, SECRET))
        .clock(clock)
        .build();
  }

  private List<Recorded> tokenRequests() {
    return server.requests().stream().filter(r -> r.path().equals(TOKEN_PATH)).toList();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void fetchesTokenWithBasicClientCredentialsFromTheLoopbackOrigin() {
    try (BitbucketClient client = client()) {
      assertThat(client.currentUser().type()).isEqualTo("app_user");
    }

    Recorded token = tokenRequests().get(0);
    assertThat(token.method()).isEqualTo("POST");
    assertThat(token.body()).isEqualTo("grant_type=client_credentials");
    assertThat(token.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
        .encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(token.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
  }

  @Test
  void cachesTheTokenUntilNinetyPercentOfItsLifetime() {
    try (BitbucketClient client = client()) {
      client.currentUser();
      client.currentUser();
      clock.advance(Duration.ofSeconds(89));
      client.currentUser();
      assertThat(tokenRequests()).hasSize(1);

      clock.advance(Duration.ofSeconds(1));
      client.currentUser();
      assertThat(tokenRequests()).hasSize(2);
    }
  }

  @Test
  void rotatesRefreshTokensWhenTheEndpointReturnsThem() {
    withRefreshTokens = true;
    try (BitbucketClient client = client()) {
      client.currentUser();
      clock.advance(Duration.ofSeconds(95));
      client.currentUser();
      clock.advance(Duration.ofSeconds(95));
      client.currentUser();
    }

    assertThat(tokenRequests()).extracting(Recorded::body).containsExactly(
        "grant_type=client_credentials",
        "grant_type=refresh_token&refresh_token=refresh-1",
        "grant_type=refresh_token&refresh_token=refresh-2");
  }

  @Test
  void refusedRefreshFallsBackToClientCredentials() {
    withRefreshTokens = true;
    try (BitbucketClient client = client()) {
      client.currentUser();
      refuseRefresh = true;
      clock.advance(Duration.ofSeconds(95));
      assertThat(client.currentUser().uuid()).isEqualTo("{app}");
    }

    assertThat(tokenRequests()).extracting(Recorded::body).containsExactly(
        "grant_type=client_credentials", "grant_type=refresh_token&refresh_token=refresh-1",
        "grant_type=client_credentials");
  }

  @Test
  void unauthorizedApiAnswerFetchesAFreshTokenAndResendsOnce() {
    try (BitbucketClient client = client()) {
      client.currentUser();
      issued.incrementAndGet(); // the server revokes token 1: only token 2 (not yet issued) will be accepted

      assertThat(client.currentUser().uuid()).isEqualTo("{app}");
    }
    assertThat(tokenRequests()).hasSize(2);
  }

  @Test
  void refusedClientCredentialsAreAnAuthenticationFailureWithoutTheSecret() {
    server.dispatcher(r -> Reply.json(401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}"));
    try (BitbucketClient client = client()) {
      assertThatThrownBy(client::currentUser)
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining(TOKEN_PATH)
          .hasMessageContaining("Invalid client")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void gitCredentialsAreXTokenAuthWithTheCurrentToken() {
    try (BitbucketClient client = client()) {
      GitCredentials git = client.gitCredentials();

      assertThat(git.username()).isEqualTo("x-token-auth");
      assertThat(git.password().reveal()).isEqualTo("access-1-xxxxxxxxxxxxxxxxxxxx");
    }
  }

  @Test
  void tokenEndpointDefaultsToBitbucketForNonLoopbackApi() {
    assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(BitbucketClient.DEFAULT_API_URL, false))
        .hasToString("https://bitbucket.org/site/oauth2/access_token");
    assertThat(ClientCredentialsAuthorizer.defaultTokenEndpoint(server.url("/2.0"), true))
        .isEqualTo(server.url(TOKEN_PATH));
  }
}
