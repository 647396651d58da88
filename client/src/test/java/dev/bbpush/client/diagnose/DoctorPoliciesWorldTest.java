package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.assertNoSecret;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Causes that need workspace policies, permissions and consumers the demo world does not have. */
@BitbucketEmulatorTest(world = "worlds/doctor-policies.yaml")
class DoctorPoliciesWorldTest {
    private static final String EMAIL = "rahul@acme.example";

    private static Diagnosis diagnose(Emulator bb, Credentials c, String repo) {
        return Doctor.diagnose(context(bb)
                .credentials(c)
                .repository(repo == null ? null : RepositoryRef.parse(repo))
                .build());
    }

    @Test
    void readOnlyRepositoryIsNoWritePermission(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), "acme/tools");

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.NO_WRITE_PERMISSION);
        assertThat(d.summary()).contains("only read permission");
        assertThat(d.fix()).contains("Write");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void readOnlyRepositoryIsFineWhenOnlyReadingOrCreatingPullRequestsIsAsked(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .repository(RepositoryRef.parse("acme/tools"))
                .operations(EnumSet.of(Operation.READ))
                .build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
    }

    @Test
    void apiTokenWithoutPullRequestScopesIsMissingScopesForPullRequests(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .repository(RepositoryRef.parse("acme/infra"))
                .operations(EnumSet.of(Operation.PULL_REQUEST))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.MISSING_SCOPES);
        assertThat(d.summary())
                .contains("create pull requests")
                .contains("read:pullrequest:bitbucket")
                .contains("write:pullrequest:bitbucket")
                .doesNotContain("To push (commit with POST /src)");
    }

    @Test
    void workspaceRequiringTwoStepVerificationIsTwoStepVerificationRequired(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), "secure/vault");

        assertThat(d.cause()).isEqualTo(Cause.TWO_STEP_VERIFICATION_REQUIRED);
        assertThat(d.fix()).contains("Two-step verification");
    }

    @Test
    void twoStepVerificationOnGitIsRecognisedToo(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")))
                .repository(RepositoryRef.parse("secure/vault"))
                .git(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.TWO_STEP_VERIFICATION_REQUIRED);
    }

    @Test
    void publicConsumerWithClientCredentialsIsOauthConsumerNotPrivate(Emulator bb) {
        String key = bb.credential("public-agent").key();
        Diagnosis d = diagnose(bb, Credentials.oauthClientCredentials(key, bb.secret("public-agent")), "acme/infra");

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_CONSUMER_NOT_PRIVATE);
        assertThat(d.summary())
                .contains("marked as \\\"public\\\"".replace("\\", ""))
                .contains("invalid_grant");
        assertThat(d.fix()).contains("private consumer");
        assertThat(d.exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.url()).endsWith("/site/oauth2/access_token"));
        assertBoundedAndReadOnly(bb);
        assertNoSecret(d, bb.secret("public-agent"));
    }

    @Test
    void revokedAccessTokenIsTokenExpiredOrRevoked(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.accessToken(bb.secret("revoked-repo-token")), "acme/infra");

        assertThat(d.cause()).isEqualTo(Cause.TOKEN_EXPIRED_OR_REVOKED);
        assertThat(d.fix()).contains("BBPUSH_ACCESS_TOKEN");
    }

    @Test
    void activeAppPasswordWithUsernameIsOk(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.appPassword("rahul-dev", bb.secret("rahul-app-password")), "acme/infra");

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
    }

    @Test
    void activeAppPasswordWorksOnGitWithTheUsername(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword("rahul-dev", bb.secret("rahul-app-password")))
                .repository(RepositoryRef.parse("acme/infra"))
                .git(true)
                .build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
        assertThat(d.evidence())
                .anyMatch(e -> e.describe().contains("Git accepts the credential with user 'rahul-dev'"));
    }
}
