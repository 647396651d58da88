package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.ScriptedServer.Reply;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.NotFoundException;
import dev.bbpush.client.error.UnexpectedResponseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builder rules and the calls the emulator does not serve yet on this branch (branches, user), against a
 * {@link ScriptedServer}. The branch and user tests should move to the emulator once it serves those endpoints.
 */
class BitbucketClientBuilderTest {

  @ParameterizedTest
  @ValueSource(strings = {"http://api.bitbucket.org/2.0", "http://10.0.0.1/2.0", "http://bitbucket.example:8080/2.0",
      "http://128.0.0.1/2.0", "http://localhost.example.com/2.0"})
  void plainHttpToNonLoopbackHostIsRefusedNamingTheFix(String url) {
    assertThatThrownBy(() -> BitbucketClient.builder().apiUrl(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Use https")
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/2.0", "http://127.1.2.3/2.0", "http://localhost:7990/2.0",
      "http://[::1]:8080/2.0", "https://api.bitbucket.org/2.0/", "https://bitbucket.example/2.0"})
  void httpsAndLoopbackHttpAreAccepted(String url) {
    try (BitbucketClient client = BitbucketClient.builder().apiUrl(url).build()) {
      assertThat(client.apiUrl().toString()).doesNotEndWith("/");
    }
  }

  @Test
  void apiUrlWithCredentialsInItIsRefused() {
    assertThatThrownBy(() -> BitbucketClient.builder().apiUrl("https://me:secret@api.bitbucket.org/2.0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("secret@");
  }

  @Test
  void defaultsToBitbucketCloud() {
    try (BitbucketClient client = BitbucketClient.builder().build()) {
      assertThat(client.apiUrl()).isEqualTo(BitbucketClient.DEFAULT_API_URL);
    }
  }

  @Test
  void providerWithoutCredentialsFailsTheBuildWithItsReason() {
    CredentialProvider nothing = new CredentialProvider() {
      @Override
      public String name() {
        return "nothing";
      }

      @Override
      public ProviderOutcome resolve() {
        return ProviderOutcome.failed(name(), "BBPUSH_API_TOKEN is set but BBPUSH_EMAIL is not");
      }
    };

    assertThatThrownBy(() -> BitbucketClient.builder().credentials(nothing).build())
        .isInstanceOf(NoCredentialsException.class)
        .hasMessageContaining("BBPUSH_EMAIL");
  }

  @Test
  void sendsUserAgentWithVersionAndKnowsCredentialSource() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder()
            .apiUrl(server.url("/2.0"))
            .credentials(Credentials.accessToken("ATCTT3xAAAAAAAAAAAAAAAAAAAAAAAA"))
            .build()) {
      server.enqueue(Reply.json(200, "{\"full_name\":\"acme/infra\",\"uuid\":\"{u}\",\"is_private\":true}"));

      Repository repo = client.repository("acme", "infra");

      assertThat(repo.mainBranch()).isEmpty();
      assertThat(server.requests().get(0).header("User-Agent")).startsWith("bbpush/");
      assertThat(client.credentials().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.EXPLICIT);
    }
  }

  @Test
  void branchReturnsHeadAndKeepsSlashesInTheName() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.json(200, "{\"type\":\"branch\",\"name\":\"feature/x\",\"target\":{\"hash\":\"abc123\"}}"));

      Optional<Branch> b = client.branch("acme", "infra", "feature/x");

      assertThat(b).contains(new Branch("feature/x", "abc123"));
      assertThat(server.requests().get(0).path()).isEqualTo("/2.0/repositories/acme/infra/refs/branches/feature/x");
    }
  }

  @Test
  void missingBranchInExistingRepositoryIsEmpty() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.json(404, "{\"type\":\"error\",\"error\":{\"message\":\"Branch not found\"}}"),
          Reply.json(200, "{\"full_name\":\"acme/infra\",\"uuid\":\"{u}\",\"mainbranch\":{\"name\":\"main\"}}"));

      assertThat(client.branch("acme", "infra", "nope")).isEmpty();
    }
  }

  @Test
  void branchOfMissingRepositoryIsNotFound() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.json(404, "{\"type\":\"error\",\"error\":{\"message\":\"Repository not found\"}}"),
          Reply.json(404, "{\"type\":\"error\",\"error\":{\"message\":\"Repository not found\"}}"));

      assertThatThrownBy(() -> client.branch("acme", "gone", "main")).isInstanceOf(NotFoundException.class);
    }
  }

  @Test
  void createBranchPostsNameAndTargetOnceAndMapsAlreadyExistsToConflict() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.json(201, "{\"type\":\"branch\",\"name\":\"release\",\"target\":{\"hash\":\"abc\"}}"),
          Reply.json(400, "{\"type\":\"error\",\"error\":{\"message\":\"Branch already exists\","
              + "\"data\":{\"key\":\"BRANCH_ALREADY_EXISTS\"}}}"));

      assertThat(client.createBranch("acme", "infra", "release", "abc")).isEqualTo(new Branch("release", "abc"));
      assertThat(server.requests().get(0).body()).contains("\"name\":\"release\"").contains("\"hash\":\"abc\"");
      assertThatThrownBy(() -> client.createBranch("acme", "infra", "release", "abc"))
          .isInstanceOf(ConflictException.class);
      assertThat(server.requestCount()).isEqualTo(2);
    }
  }

  @Test
  void currentUserReadsTheAccount() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.json(200, "{\"type\":\"user\",\"uuid\":\"{u1}\",\"account_id\":\"557058:x\","
          + "\"display_name\":\"Rahul Dev\",\"nickname\":\"rahul\"}"));

      assertThat(client.currentUser()).isEqualTo(new User("user", "{u1}", "557058:x", "Rahul Dev", "rahul"));
      assertThat(server.requests().get(0).path()).isEqualTo("/2.0/user");
    }
  }

  @Test
  void successBodyThatIsNotJsonIsUnexpectedResponse() {
    try (ScriptedServer server = ScriptedServer.start();
        BitbucketClient client = BitbucketClient.builder().apiUrl(server.url("/2.0")).build()) {
      server.enqueue(Reply.of(200, "<html>proxy login</html>", "Content-Type", "text/html"));

      assertThatThrownBy(() -> client.repository("acme", "infra"))
          .isInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("not a JSON object");
    }
  }
}
