package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of the "Emulator authentication" issue, as curl would run them against the demo world.
 * The issue's {@code …/repositories/acme/infra/commits} call uses {@code /repositories/acme/infra}
 * here: the commits endpoint is built separately and authenticates through the same code.
 */
@BitbucketEmulatorTest(world = "demo")
class IssueScenariosTest {

  @Test
  void removedAppPasswordOnUserIs401WithDeprecationMessage(Emulator bb) {
    // curl -u "rahul-dev:<rahul-app-password>" /2.0/user
    Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-app-password")));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("error").path("message").asText()).isEqualTo("App passwords are deprecated and must be replaced with API tokens.");
  }

  @Test
  void apiTokenWithUsernameIs401(Emulator bb) {
    // curl --user "rahul-dev:<rahul-api-token>" /2.0/repositories/acme/infra/commits
    Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul-dev", bb.secret("rahul-api-token")));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void apiTokenWithEmailIs200(Emulator bb) {
    // curl --user "rahul@acme.example:<rahul-api-token>" /2.0/repositories/acme/infra
    Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul@acme.example", bb.secret("rahul-api-token")));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("full_name").asText()).isEqualTo("acme/infra");
  }

  @Test
  void apiTokenAsBearerOnUserIs401WithTokenInvalidMessage(Emulator bb) {
    // curl -H "Authorization: Bearer <rahul-api-token>" /2.0/user
    Http.Response r = Http.get(bb.apiUrl() + "/user", Http.bearer(bb.secret("rahul-api-token")));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().path("error").path("message").asText()).isEqualTo("Token is invalid, expired, or not supported for this endpoint.");
  }

  @Test
  void accountPasswordGetsThePlainTextExplanation(Emulator bb) {
    Http.Response r = Http.get(bb.apiUrl() + "/user", Http.basic("rahul-dev", bb.secret("rahul-account-password")));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.header("Content-Type")).startsWith("text/plain");
    assertThat(r.text()).startsWith("Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
  }

  @Test
  void oauthAccessTokensLiveTwoHoursByDefault(Emulator bb) {
    Http.Response r = OAuthClient.token(bb, "acme-agent", "grant_type=client_credentials");

    assertThat(r.json().path("expires_in").asLong()).isEqualTo(7200);
  }
}
