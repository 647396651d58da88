package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertNoSecret;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.JournalEntry;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code auth status} runs the doctor several times (the credential, the account, push and pull requests per
 * repository); for an OAuth consumer those runs share the client's token exchange, so the token endpoint is asked
 * once per report, not once per run.
 */
@BitbucketEmulatorTest(world = "demo")
class AuthStatusSessionTest {
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    private static List<JournalEntry> tokenRequests(Emulator bb) {
        return bb.journal().entries().stream()
                .filter(e -> e.method().equals("POST") && e.path().equals("/site/oauth2/access_token"))
                .toList();
    }

    @Test
    void anOauthConsumerGetsOneTokenForTheWholeStatusReport(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        AuthStatus.Report r = AuthStatus.check(
                context(bb)
                        .credentials(Credentials.oauthClientCredentials(key, bb.secret("acme-agent")))
                        .build(),
                List.of(INFRA, INFRA));

        // GET /user is not for the consumer's token (the emulator answers 403 as Bitbucket does): not a refusal.
        assertThat(r.credential().cause())
                .as(r.credential().summary())
                .isIn(Cause.OK, Cause.ENDPOINT_NOT_FOR_ACCESS_TOKENS);
        assertThat(r.repositories())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.ok()).as(s.push().summary()).isTrue());
        assertThat(tokenRequests(bb))
                .as("token requests of one auth status report")
                .hasSize(1);
        // Every run still authenticates with the token: the REST probes carry Bearer, and the expiry is known.
        assertThat(r.server().expiry()).isPresent();
        assertThat(r.credential().evidence()).anyMatch(e -> e.describe().startsWith("OAuth access token issued"));
        assertThat(r.repositories().get(1).pullRequest().evidence())
                .anyMatch(e -> e.describe().startsWith("OAuth access token reused"))
                .noneMatch(e -> e.describe().contains("/site/oauth2/access_token"));
        for (AuthStatus.RepositoryStatus s : r.repositories()) {
            assertNoSecret(s.push(), bb.secret("acme-agent"));
            assertNoSecret(s.pullRequest(), bb.secret("acme-agent"));
        }
    }

    @Test
    void separateDoctorRunsEachGetTheirOwnToken(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        DoctorContext ctx = context(bb)
                .credentials(Credentials.oauthClientCredentials(key, bb.secret("acme-agent")))
                .repository(INFRA)
                .build();

        assertThat(Doctor.diagnose(ctx).cause()).isEqualTo(Cause.OK);
        assertThat(Doctor.diagnose(ctx).cause()).isEqualTo(Cause.OK);

        assertThat(tokenRequests(bb)).as("one token per independent doctor run").hasSize(2);
    }

    @Test
    void aRefusedConsumerIsJudgedInEveryRunFromItsOwnExchange(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        AuthStatus.Report r = AuthStatus.check(
                context(bb)
                        .credentials(Credentials.oauthClientCredentials(key, "wrong-secret-wrong-secret-wrong-s"))
                        .build(),
                List.of(INFRA));

        assertThat(r.credential().cause()).isEqualTo(Cause.TOKEN_EXPIRED_OR_REVOKED);
        assertThat(r.repositories().get(0).push().cause()).isEqualTo(Cause.TOKEN_EXPIRED_OR_REVOKED);
        assertThat(r.repositories().get(0).push().exchanges())
                .first()
                .satisfies(e -> assertThat(e.status()).contains(401));
        assertThat(r.ok()).isFalse();
    }
}
