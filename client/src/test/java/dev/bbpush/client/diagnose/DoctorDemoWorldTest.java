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

/** One scenario per cause the demo world can show (credentials as users misconfigure them). */
@BitbucketEmulatorTest(world = "demo")
class DoctorDemoWorldTest {
    private static final String EMAIL = "rahul@acme.example";
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    private static Diagnosis diagnose(Emulator bb, Credentials c, RepositoryRef repo) {
        return Doctor.diagnose(context(bb).credentials(c).repository(repo).build());
    }

    @Test
    void workingApiTokenWithEmailIsOk(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), INFRA);

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
        assertThat(d.ok()).isTrue();
        assertThat(d.evidence()).anyMatch(e -> e.describe().contains("account: rahul-dev (Rahul Dev)"));
        assertThat(d.evidence()).anyMatch(e -> e.describe().contains("permission on acme/infra: write"));
        assertBoundedAndReadOnly(bb);
        assertNoSecret(d, bb.secret("rahul-api-token"));
    }

    @Test
    void appPasswordAfterRemovalIsAppPasswordRemoved(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.appPassword("rahul-dev", bb.secret("rahul-app-password")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.APP_PASSWORD_REMOVED);
        assertThat(d.ok()).isFalse();
        assertThat(d.summary()).contains("2026-07-28").contains("App passwords are deprecated");
        assertThat(d.fix())
                .contains("Create API token with scopes")
                .contains("write:repository:bitbucket")
                .contains("BBPUSH_EMAIL");
        assertNoSecret(d, bb.secret("rahul-app-password"));
    }

    @Test
    void apiTokenWithUsernameIsApiTokenNeedsEmail(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken("rahul-dev", bb.secret("rahul-api-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_NEEDS_EMAIL);
        assertThat(d.summary()).contains("'rahul-dev'").contains("email");
        assertThat(d.fix()).contains("BBPUSH_EMAIL").contains("x-bitbucket-api-token-auth");
        assertThat(d.exchanges()).first().satisfies(e -> {
            assertThat(e.status()).contains(401);
            assertThat(e.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"Bitbucket.org HTTP\"");
            assertThat(e.message()).isEmpty();
        });
        assertNoSecret(d, bb.secret("rahul-api-token"));
    }

    @Test
    void apiTokenInTheAppPasswordVariablesWithUsernameIsApiTokenNeedsEmail(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.appPassword("rahul-dev", bb.secret("rahul-api-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_NEEDS_EMAIL);
        assertThat(d.summary()).contains("configured as an app password");
    }

    @Test
    void restRefusesTheUsernameButGitAcceptsItIsGitIdentityMismatch(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword("rahul-dev", bb.secret("rahul-api-token")))
                .repository(INFRA)
                .git(true)
                .build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.GIT_IDENTITY_MISMATCH);
        assertThat(d.summary()).contains("Git accepts").contains("REST needs the Atlassian account email");
        assertThat(d.exchanges())
                .anyMatch(e -> e.url().endsWith("/acme/infra.git/info/refs?service=git-upload-pack")
                        && e.status().orElse(0) == 200);
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void apiTokenSentAsBearerIsApiTokenSentAsBearer(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.accessToken(bb.secret("rahul-api-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_SENT_AS_BEARER);
        assertThat(d.summary()).contains("Token is invalid, expired, or not supported for this endpoint.");
        assertThat(d.fix()).contains("BBPUSH_EMAIL").contains("BBPUSH_API_TOKEN");
    }

    @Test
    void variantProbeShowsTheBearerApiTokenWorksAsBasicWithTheEmail(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.accessToken(bb.secret("rahul-api-token")))
                .repository(INFRA)
                .email(EMAIL)
                .probeVariants(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_SENT_AS_BEARER);
        assertThat(d.exchanges()).hasSize(2);
        assertThat(d.evidence()).anyMatch(e -> e.describe().contains("the token works when sent that way"));
        assertNoSecret(d, bb.secret("rahul-api-token"));
    }

    @Test
    void unscopedApiTokenIsApiTokenUnscoped(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-unscoped-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.API_TOKEN_UNSCOPED);
        assertThat(d.fix())
                .contains("Create API token with scopes")
                .contains("read:repository:bitbucket")
                .contains("write:repository:bitbucket");
    }

    @Test
    void accessTokenSentWithBasicIsAccessTokenNeedsBearer(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("infra-repo-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.ACCESS_TOKEN_NEEDS_BEARER);
        assertThat(d.fix()).contains("BBPUSH_ACCESS_TOKEN").contains("Authorization: Bearer");
    }

    @Test
    void accessTokenWithXTokenAuthAsBasicIsAccessTokenNeedsBearerAndTheVariantConfirms(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword("x-token-auth", bb.secret("infra-repo-token")))
                .repository(INFRA)
                .probeVariants(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.ACCESS_TOKEN_NEEDS_BEARER);
        assertThat(d.evidence()).anyMatch(e -> e.describe().contains("X-Credential-Type repo_access_token"));
    }

    @Test
    void repositoryTokenOnAnotherRepositoryIsAccessTokenWrongResource(Emulator bb) {
        Diagnosis d =
                diagnose(bb, Credentials.accessToken(bb.secret("infra-repo-token")), RepositoryRef.parse("acme/empty"));

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.ACCESS_TOKEN_WRONG_RESOURCE);
        assertThat(d.summary()).contains("acme/infra");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void workspaceTokenOnAMissingRepositoryOfItsWorkspaceIsRepositoryNotFound(Emulator bb) {
        Diagnosis d = diagnose(
                bb, Credentials.accessToken(bb.secret("acme-workspace-token")), RepositoryRef.parse("acme/nope"));

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary()).contains("does not exist").contains("infra, empty");
        assertThat(d.fix()).doesNotContain("Access tokens").doesNotContain("Repository settings -> Access tokens");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void workspaceTokenOnAnotherWorkspaceIsAccessTokenWrongResource(Emulator bb) {
        Diagnosis d = diagnose(
                bb, Credentials.accessToken(bb.secret("acme-workspace-token")), RepositoryRef.parse("globex/platform"));

        assertThat(d.cause()).isEqualTo(Cause.ACCESS_TOKEN_WRONG_RESOURCE);
        assertThat(d.summary()).contains("no repository");
    }

    @Test
    void clientCredentialsOnAnotherWorkspaceIsAccessTokenWrongResource(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        Diagnosis d = diagnose(
                bb,
                Credentials.oauthClientCredentials(key, bb.secret("acme-agent")),
                RepositoryRef.parse("globex/platform"));

        assertThat(d.cause()).isEqualTo(Cause.ACCESS_TOKEN_WRONG_RESOURCE);
        assertThat(d.summary()).contains("app_user");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void accessTokenWithoutRepositoryIsEndpointNotForAccessTokensAndStillOk(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.accessToken(bb.secret("infra-repo-token")), null);

        assertThat(d.cause()).isEqualTo(Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS);
        assertThat(d.ok()).isTrue();
        assertThat(d.summary()).contains("expected").contains("X-Credential-Type repo_access_token");
        assertThat(d.fix()).contains("--repo");
    }

    @Test
    void accessTokenWithRepositoryIsOk(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.accessToken(bb.secret("infra-repo-token")), INFRA);

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
    }

    @Test
    void writeOnlyTokenIsMissingScopesWithReadBecauseWriteDoesNotImplyRead(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-write-only-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.MISSING_SCOPES);
        assertThat(d.summary()).contains("read:repository:bitbucket").contains("write does not imply read");
        assertThat(d.fix()).contains("read:repository:bitbucket").contains("write:repository:bitbucket");
    }

    @Test
    void writeOnlyTokenWithoutRepositoryStillNeedsReadForPush(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-write-only-token")), null);

        assertThat(d.cause()).isEqualTo(Cause.MISSING_SCOPES);
        assertThat(d.summary()).contains("push").contains("read:repository:bitbucket");
    }

    @Test
    void expiredApiTokenWithEmailIsTokenExpiredOrRevoked(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken(EMAIL, bb.secret("rahul-expired-token")), INFRA);

        // Refused with the token message (not the bare challenge an unscoped token gets).
        assertThat(d.cause()).isEqualTo(Cause.TOKEN_EXPIRED_OR_REVOKED);
        assertThat(d.summary()).contains("expiry").contains("revoked");
        assertThat(d.fix()).contains("write:repository:bitbucket").contains("read:repository:bitbucket");
    }

    @Test
    void unknownAccessTokenIsTokenExpiredOrRevoked(Emulator bb) {
        String forged = "ATCTT3x" + "A".repeat(180);
        Diagnosis d = diagnose(bb, Credentials.accessToken(forged), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.TOKEN_EXPIRED_OR_REVOKED);
        assertThat(d.summary()).contains("Token is invalid, expired, or not supported for this endpoint.");
        assertNoSecret(d, forged);
    }

    @Test
    void accountPasswordIsAccountPasswordRejected(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.appPassword("rahul-dev", bb.secret("rahul-account-password")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.ACCOUNT_PASSWORD_REJECTED);
        assertThat(d.fix()).contains("Create API token with scopes");
        assertNoSecret(d, bb.secret("rahul-account-password"));
    }

    @Test
    void consumerKeyAndSecretAsBasicAreOauthConsumerKeyAsCredential(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        Diagnosis d = diagnose(bb, Credentials.appPassword(key, bb.secret("acme-agent")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL);
        assertThat(d.fix()).contains("BBPUSH_OAUTH_CLIENT_ID").contains("BBPUSH_OAUTH_CLIENT_SECRET");
        assertNoSecret(d, bb.secret("acme-agent"));
    }

    @Test
    void consumerKeyAndSecretOnGitAreOauthConsumerKeyAsCredential(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword(key, bb.secret("acme-agent")))
                .repository(INFRA)
                .git(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.OAUTH_CONSUMER_KEY_AS_CREDENTIAL);
    }

    @Test
    void privateConsumerClientCredentialsAreOkWithExpiryShown(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        Diagnosis d = diagnose(bb, Credentials.oauthClientCredentials(key, bb.secret("acme-agent")), INFRA);

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
        assertThat(d.evidence()).anyMatch(e -> e.describe().startsWith("OAuth access token issued: expires in 7200 s"));
        assertBoundedAndReadOnly(bb);
        assertNoSecret(d, bb.secret("acme-agent"));
    }

    @Test
    void misspelledRepositoryIsRepositoryNotFoundWithASuggestion(Emulator bb) {
        Diagnosis d = diagnose(
                bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), RepositoryRef.parse("acme/infar"));

        assertThat(d.cause()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary()).contains("misspelled").contains("acme/infra");
        assertThat(d.fix()).contains("--repo acme/infra");
    }

    @Test
    void misspelledWorkspaceIsRepositoryNotFoundNamingTheAccountsWorkspaces(Emulator bb) {
        Diagnosis d = diagnose(
                bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), RepositoryRef.parse("acmee/infra"));

        assertThat(d.cause()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary())
                .contains("'acmee' does not exist")
                .contains("acme, globex")
                .contains("Did you mean 'acme/infra'?");
    }

    @Test
    void memberWithoutPermissionIsRepositoryNotFoundOrNoAccess(Emulator bb) {
        Diagnosis d = diagnose(bb, Credentials.apiToken("alex@acme.example", bb.secret("alex-api-token")), INFRA);

        assertThat(d.cause()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary()).contains("member of workspace 'acme'");
        assertThat(d.fix()).contains("grant");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void ipAllowlistIsIpNotAllowlisted(Emulator bb) {
        Diagnosis d = diagnose(
                bb, Credentials.apiToken(EMAIL, bb.secret("rahul-api-token")), RepositoryRef.parse("globex/platform"));

        assertThat(d.cause()).isEqualTo(Cause.IP_NOT_ALLOWLISTED);
        assertThat(d.summary()).contains("an admin must whitelist your IP");
    }

    @Test
    void doctorPullRequestCheckNamesTheFullScopeSetPerOperation(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken(EMAIL, bb.secret("rahul-write-only-token")))
                .repository(INFRA)
                .operations(EnumSet.of(Operation.PUSH, Operation.PULL_REQUEST))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.MISSING_SCOPES);
        assertThat(d.summary()).contains("read:pullrequest:bitbucket and write:pullrequest:bitbucket");
        assertThat(d.fix()).contains("read:pullrequest:bitbucket").contains("write:pullrequest:bitbucket");
    }
}
