package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/** A real hourly allowance used up (world with tiny limits). */
@BitbucketEmulatorTest(world = "worlds/doctor-ratelimits.yaml")
class DoctorRateLimitWorldTest {
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    @Test
    void exhaustedAllowanceIsRateLimitedAndProbingStops(Emulator bb) {
        DoctorContext ctx = context(bb)
                .credentials(Credentials.apiToken("rahul@acme.example", bb.secret("rahul-api-token")))
                .repository(INFRA)
                .build();
        Doctor.diagnose(ctx);
        int before = bb.journal().entries().size();

        Diagnosis d = Doctor.diagnose(ctx);

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(d.summary())
                .contains("Rate limit for this resource has been exceeded")
                .contains("rolling hour");
        assertThat(d.exchanges().get(d.exchanges().size() - 1).status()).contains(429);
        assertThat(bb.journal().entries().size() - before).isLessThanOrEqualTo(3);
    }

    @Test
    void accessTokenRateLimitShowsItsScaledLimitHeaders(Emulator bb) {
        DoctorContext ctx = context(bb)
                .credentials(Credentials.accessToken(bb.secret("infra-repo-token")))
                .repository(INFRA)
                .build();
        for (int i = 0; i < 3; i++) {
            Doctor.diagnose(ctx);
        }

        Diagnosis d = Doctor.diagnose(ctx);

        assertThat(d.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(d.summary()).contains("this access token's own allowance").contains("Limit: 3/hour");
        assertThat(d.exchanges()).last().satisfies(e -> assertThat(e.headers()).containsKey("X-RateLimit-Limit"));
    }
}
