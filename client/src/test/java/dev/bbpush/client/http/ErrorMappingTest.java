package dev.bbpush.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.ScriptedServer;
import dev.bbpush.client.ScriptedServer.Reply;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.error.MissingScopesException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bitbucket's refusals (reference: bitbucket-cloud-rest.md §1.4) become typed exceptions carrying the evidence. */
class ErrorMappingTest {
  private final ScriptedServer server = ScriptedServer.start();
  private final HttpTransport transport = HttpTransport.builder().retryPolicy(RetryPolicy.none()).build();

  @AfterEach
  void stop() {
    transport.close();
    server.close();
  }

  private BitbucketApiException refusal(Reply reply) {
    server.enqueue(reply);
    try {
      transport.send(Request.get(server.url("/2.0/repositories/acme/infra")).build());
    } catch (BitbucketApiException e) {
      return e;
    }
    throw new AssertionError("no exception");
  }

  @Test
  void missingScopesCarryRequiredAndGrantedLists() {
    BitbucketApiException e = refusal(Reply.json(403, "{\"type\":\"error\",\"error\":{\"message\":\"Your credentials "
        + "lack one or more required privilege scopes.\",\"detail\":{\"granted\":[\"read:user:bitbucket\"],"
        + "\"required\":[\"read:repository:bitbucket\"]}}}", "X-OAuth-Scopes", "read:user:bitbucket",
        "X-Credential-Type", "api_token"));

    assertThat(e).isInstanceOfSatisfying(MissingScopesException.class, m -> {
      assertThat(m.required()).containsExactly("read:repository:bitbucket");
      assertThat(m.granted()).containsExactly("read:user:bitbucket");
      assertThat(m.missing()).containsExactly("read:repository:bitbucket");
      assertThat(m.header("x-oauth-scopes")).contains("read:user:bitbucket");
      assertThat(m.header("X-Credential-Type")).contains("api_token");
    });
    assertThat(e.getMessage()).contains("lacks scopes").contains("read:repository:bitbucket");
  }

  @Test
  void forbiddenWithoutScopeDetailIsAccessDenied() {
    BitbucketApiException e = refusal(Reply.json(403,
        "{\"type\":\"error\",\"error\":{\"message\":\"This API is not accessible by this authentication "
            + "mechanism\"}}"));

    assertThat(e).isExactlyInstanceOf(AccessDeniedException.class);
    assertThat(e.getMessage()).contains("not accessible by this authentication mechanism");
  }

  @Test
  void plainTextAccountPassword401IsAuthenticationFailure() {
    BitbucketApiException e = refusal(Reply.of(401, "Bitbucket Cloud recently stopped supporting account passwords "
        + "for API authentication.\nSee https://example/...", "Content-Type", "text/plain",
        "WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\""));

    assertThat(e).isInstanceOf(AuthenticationException.class);
    assertThat(e.bitbucketMessage()).contains(
        "Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
  }

  @Test
  void emptyBodyIsHandled() {
    BitbucketApiException e = refusal(Reply.of(500, ""));

    assertThat(e).isInstanceOf(ServerErrorException.class);
    assertThat(e.bitbucketMessage()).isEmpty();
    assertThat(e.error().text()).isEmpty();
  }

  @Test
  void plainText429IsRateLimited() {
    BitbucketApiException e = refusal(Reply.of(429, "Rate limit for this resource has been exceeded",
        "X-RateLimit-Limit", "1000", "X-RateLimit-Resource", "api"));

    assertThat(e).isInstanceOfSatisfying(RateLimitedException.class,
        r -> assertThat(r.retryAfter()).isEmpty());
    assertThat(e.header("X-RateLimit-Resource")).contains("api");
  }

  @Test
  void conflictAndBranchAlreadyExistsAreConflicts() {
    assertThat(refusal(Reply.json(409, "{\"type\":\"error\",\"error\":{\"message\":\"conflict\"}}")))
        .isInstanceOf(ConflictException.class);
    assertThat(refusal(Reply.json(400, "{\"type\":\"error\",\"error\":{\"message\":\"x\",\"data\":"
        + "{\"key\":\"BRANCH_ALREADY_EXISTS\"}}}"))).isInstanceOf(ConflictException.class);
  }

  @Test
  void fieldsDetailIdAndTopLevelDataAreParsed() {
    ErrorBody b = ErrorBody.parse(("{\"type\":\"error\",\"error\":{\"message\":\"Bad request\",\"fields\":{\"src\":"
        + "[\"This field is required.\"]},\"detail\":\"You must specify a valid source branch\",\"id\":\"abc\"},"
        + "\"data\":{\"shas\":[\"123\"]}}").getBytes(StandardCharsets.UTF_8));

    assertThat(b.message()).contains("Bad request");
    assertThat(b.detail()).contains("You must specify a valid source branch");
    assertThat(b.fields()).containsEntry("src", java.util.List.of("This field is required."));
    assertThat(b.id()).contains("abc");
    assertThat(b.data().path("shas").get(0).asText()).isEqualTo("123");
  }

  @Test
  void oauthTokenEndpointErrorShapeIsParsed() {
    ErrorBody b = ErrorBody.parse("{\"error_description\": \"Invalid client\", \"error\": \"invalid_client\"}"
        .getBytes(StandardCharsets.UTF_8));

    assertThat(b.message()).contains("Invalid client (invalid_client)");
  }

  @Test
  void garbageIsKeptAsText() {
    ErrorBody b = ErrorBody.parse("{not json".getBytes(StandardCharsets.UTF_8));

    assertThat(b.message()).contains("{not json");
  }

  @Test
  void otherStatusesStayGenericWithBitbucketsWords() {
    BitbucketApiException e = refusal(Reply.json(410, "{\"type\":\"error\",\"error\":{\"message\":\"CHANGE-2770 - "
        + "Functionality has been deprecated\",\"detail\":\"Please read the changelog entry for more details.\"}}"));

    assertThat(e).isExactlyInstanceOf(BitbucketApiException.class);
    assertThat(e.getMessage()).contains("410").contains("CHANGE-2770").contains("Please read the changelog");
  }
}
