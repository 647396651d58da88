package dev.bbpush.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.error.AccessDeniedException;
import dev.bbpush.client.error.AuthenticationException;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.ConflictException;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.error.MissingScopesException;
import dev.bbpush.client.error.RateLimitedException;
import dev.bbpush.client.error.ServerErrorException;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bitbucket's refusals (reference: bitbucket-cloud-rest.md §1.4) become typed exceptions carrying the evidence. The
 * refusals come from the emulator: real ones where it produces them (scopes, credential kinds, CHANGE-2770), the
 * rest through its {@code status} fault with a scripted body.
 */
@BitbucketEmulatorTest(world = "demo")
class ErrorMappingTest {
    private static final String REPO = "^/2.0/repositories/acme/infra$";

    private final HttpTransport transport =
            HttpTransport.builder().retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        transport.close();
    }

    private BitbucketApiException refusal(Emulator bb, Credentials credentials, String path) {
        HttpTransport t = credentials == null
                ? transport
                : transport.withAuthorizer(Authorizer.fixed((FixedCredentials) credentials), URI.create(bb.apiUrl()));
        try {
            t.send(Request.get(URI.create(bb.apiUrl() + path)).build());
        } catch (BitbucketApiException e) {
            return e;
        }
        throw new AssertionError("no exception");
    }

    private BitbucketApiException rahulRefused(Emulator bb, String path) {
        return refusal(bb, Credentials.apiToken("rahul@acme.example", bb.secret("rahul-api-token")), path);
    }

    @Test
    void missingScopesCarryRequiredAndGrantedListsAndTheIntrospectionHeaders(Emulator bb) {
        BitbucketApiException e = refusal(
                bb,
                Credentials.apiToken("rahul@acme.example", bb.secret("rahul-write-only-token")),
                "/repositories/acme/infra");

        assertThat(e).isInstanceOfSatisfying(MissingScopesException.class, m -> {
            assertThat(m.required()).containsExactly("read:repository:bitbucket");
            assertThat(m.granted()).containsExactly("write:repository:bitbucket");
            assertThat(m.missing()).containsExactly("read:repository:bitbucket");
            assertThat(m.header("x-oauth-scopes")).contains("write:repository:bitbucket");
            assertThat(m.header("X-Credential-Type")).contains("api_token");
        });
        assertThat(e.getMessage()).contains("lacks scopes").contains("read:repository:bitbucket");
    }

    @Test
    void forbiddenWithoutScopeDetailIsAccessDenied(Emulator bb) {
        BitbucketApiException e = refusal(bb, Credentials.accessToken(bb.secret("infra-repo-token")), "/user");

        assertThat(e).isExactlyInstanceOf(AccessDeniedException.class);
        assertThat(e.getMessage()).contains("not accessible by this authentication mechanism");
    }

    @Test
    void plainTextAccountPassword401IsAuthenticationFailure(Emulator bb) {
        BitbucketApiException e = refusal(
                bb,
                Credentials.appPassword("rahul-dev", bb.secret("rahul-account-password")),
                "/repositories/acme/infra");

        assertThat(e).isInstanceOf(AuthenticationException.class);
        assertThat(e.header("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(e.bitbucketMessage())
                .contains("Bitbucket Cloud recently stopped supporting account passwords for API authentication.");
    }

    @Test
    void emptyBodyIsHandled(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).respond(500, ""));
        BitbucketApiException e = rahulRefused(bb, "/repositories/acme/infra");

        assertThat(e).isInstanceOf(ServerErrorException.class);
        assertThat(e.bitbucketMessage()).isEmpty();
        assertThat(e.error().text()).isEmpty();
    }

    @Test
    void plainText429IsRateLimitedWithoutAHint(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).respond(429, "Rate limit for this resource has been exceeded"));
        BitbucketApiException e = rahulRefused(bb, "/repositories/acme/infra");

        assertThat(e)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        r -> assertThat(r.retryAfter()).isEmpty());
        assertThat(e.bitbucketMessage()).contains("Rate limit for this resource has been exceeded");
    }

    @Test
    void rateLimitFaultWithoutRetryAfterIsRateLimitedWithBitbucketsEnvelope(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).rateLimit());
        BitbucketApiException e = rahulRefused(bb, "/repositories/acme/infra");

        assertThat(e)
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        r -> assertThat(r.retryAfter()).isEmpty());
        assertThat(e.bitbucketMessage()).contains("Rate limit for this resource has been exceeded");
        assertThat(e.getMessage()).contains("rate limited (429");
    }

    @Test
    void conflictAndBranchAlreadyExistsAreConflicts(Emulator bb) {
        bb.faults().add(Fault.onAnyMethod(REPO).times(1).respond(409));
        bb.faults()
                .add(
                        Fault.onAnyMethod(REPO)
                                .times(1)
                                .respond(
                                        400,
                                        "{\"type\":\"error\",\"error\":{\"message\":\"x\",\"data\":{\"key\":\"BRANCH_ALREADY_EXISTS\"}}}"));

        assertThat(rahulRefused(bb, "/repositories/acme/infra")).isInstanceOf(ConflictException.class);
        assertThat(rahulRefused(bb, "/repositories/acme/infra")).isInstanceOf(ConflictException.class);
    }

    @Test
    void otherStatusesStayGenericWithBitbucketsWords(Emulator bb) {
        BitbucketApiException e = rahulRefused(bb, "/workspaces");

        assertThat(e).isExactlyInstanceOf(BitbucketApiException.class);
        assertThat(e.getMessage()).contains("410").contains("CHANGE-2770").contains("Please read the changelog");
    }

    @Test
    void fieldsDetailIdAndTopLevelDataAreParsed() throws Exception {
        ErrorBody b = ErrorBody.parse(("{\"type\":\"error\",\"error\":{\"message\":\"Bad request\",\"fields\":{\"src\":"
                        + "[\"This field is required.\"]},\"detail\":\"You must specify a valid source branch\",\"id\":\"abc\"},"
                        + "\"data\":{\"shas\":[\"123\"]}}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(b.message()).contains("Bad request");
        assertThat(b.detail()).contains("You must specify a valid source branch");
        assertThat(b.fields()).containsEntry("src", List.of("This field is required."));
        assertThat(b.id()).contains("abc");
        assertThat(new ObjectMapper()
                        .readTree(b.data().orElseThrow())
                        .path("shas")
                        .get(0)
                        .asText())
                .isEqualTo("123");
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
}
