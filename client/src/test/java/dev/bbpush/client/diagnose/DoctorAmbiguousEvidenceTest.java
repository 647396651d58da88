package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.http.ApiErrors;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Evidence that fits more than one story: the doctor says {@code unknown} with the raw evidence, or names the
 * alternatives, and never turns an answer that may not be Bitbucket's into a confident verdict about the credential.
 */
@BitbucketEmulatorTest(world = "demo")
class DoctorAmbiguousEvidenceTest {
    private static final String EMAIL = "rahul@acme.example";
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    private static Credentials rahul(Emulator bb) {
        return Credentials.apiToken(EMAIL, bb.secret("rahul-api-token"));
    }

    /** An answer from something in front of Bitbucket: a status and body, none of Bitbucket's headers. */
    private static void intercept(Emulator bb, String path, int status, String body) {
        ObjectNode f = new ObjectMapper()
                .createObjectNode()
                .put("path", path)
                .put("action", "status")
                .put("status", status)
                .put("body", body);
        bb.faults().add(f);
    }

    @Test
    void a401WithoutBitbucketsChallengeOrBodyIsUnknownNotABadToken(Emulator bb) {
        intercept(
                bb,
                "^/2.0/repositories/acme/infra$",
                401,
                "<html><head><title>401 Authorization Required</title></head><body>Corporate gateway login</body></html>");

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.summary()).contains("proxy").contains("Bitbucket.org HTTP");
        assertThat(d.exchanges()).singleElement().satisfies(e -> {
            assertThat(e.status()).contains(401);
            assertThat(e.message()).startsWith("(HTML page");
        });
    }

    @Test
    void a401WithoutSignatureForAnUnusualUsernameIsStillUnknown(Emulator bb) {
        intercept(bb, "^/2.0/repositories/acme/infra$", 401, "Unauthorized");

        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken("rahul-dev", bb.secret("rahul-api-token")))
                .repository(INFRA)
                .build());

        // The username would be wrong on Bitbucket, but this 401 is not Bitbucket's: no verdict about it.
        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void a403HtmlPageFromACorporateProxyIsUnknown(Emulator bb) {
        intercept(
                bb,
                "^/2.0/repositories/acme/infra$",
                403,
                "<!DOCTYPE html><html><body><h1>Access Denied</h1><p>Blocked by your organization's web filter.</p>"
                        + "</body></html>");

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.status()).contains(403));
    }

    @Test
    void aPlainTextForbiddenOnTheRightApiUrlIsNotWrongApiHost(Emulator bb) {
        // Bitbucket's "no /2.0" answer is its JSON envelope; a bare "Forbidden" on a correct URL is someone else's.
        intercept(bb, "^/2.0/repositories/acme/infra$", 403, "Forbidden");

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void aRepository404WhenTheWorkspaceCannotBeListedDoesNotClaimMembership(Emulator bb) {
        intercept(bb, "^/2.0/repositories/acme$", 500, "");
        intercept(bb, "^/2.0/user/workspaces/acme/permissions/repositories$", 500, "");

        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(rahul(bb))
                .repository(RepositoryRef.parse("acme/nope"))
                .build());

        // Bitbucket's own 404 says exactly this much; the doctor adds no unverified claim about membership.
        assertThat(d.cause()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary())
                .contains("could not be checked")
                .doesNotContain("The account is a member")
                .doesNotContain("is not a member");
        assertThat(d.exchanges()).extracting(e -> e.status().orElse(0)).containsExactly(404, 500, 500);
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void aRepository404InAnotherServersShapeIsUnknown(Emulator bb) {
        intercept(bb, "^/2.0/repositories/acme/infra$", 404, "<html><body>Not Found</body></html>");

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.exchanges()).hasSize(1);
    }

    @Test
    void aGit401ThatGitAlsoGivesTheDocumentedUsernameIsUnknown(Emulator bb) throws Exception {
        intercept(bb, "/info/refs$", 401, "");
        BitbucketApiException failure;
        try (HttpTransport http =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            String basic = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (EMAIL + ":" + bb.secret("rahul-api-token")).getBytes(StandardCharsets.UTF_8));
            failure = ApiErrors.toException(
                    http.exchange(
                            Request.get(URI.create(bb.gitUrl("acme", "infra") + "/info/refs?service=git-upload-pack"))
                                    .header("Authorization", basic)
                                    .build()),
                    Clock.systemUTC());
        }
        bb.journal().clear();

        Diagnosis d = Doctor.explain(failure, context(bb).credentials(rahul(bb)).build());

        // REST accepts the token, but Git refuses even x-bitbucket-api-token-auth: not a username problem we can name.
        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.evidence())
                .anyMatch(e -> e.describe()
                        .contains("Git refuses this credential with user 'x-bitbucket-api-token-auth' too"));
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void aBearerApiTokenThatBasicAlsoRefusesNamesTheTokenNotTheScheme(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.accessToken(bb.secret("rahul-unscoped-token")))
                .repository(INFRA)
                .email(EMAIL)
                .probeVariants(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_UNSCOPED);
        assertThat(d.summary()).contains("refused too").contains("expired").contains("another account");
    }
}
