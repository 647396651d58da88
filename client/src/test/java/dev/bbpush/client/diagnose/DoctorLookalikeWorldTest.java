package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A close name is a hint, never a verdict: the named repository may exist and be invisible to the credential. */
@BitbucketEmulatorTest(world = "worlds/doctor-lookalike.yaml")
class DoctorLookalikeWorldTest {
    @Test
    void invisibleRepositoryNextToACloseNameIsNotCalledAMisspelling(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.apiToken("rahul@acme.example", bb.secret("rahul-api-token")))
                .repository(RepositoryRef.parse("acme/api"))
                .build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.REPOSITORY_NOT_FOUND_OR_NO_ACCESS);
        assertThat(d.summary())
                .doesNotContain("probably misspelled")
                .contains("'api' may be misspelled, or you lack access to it")
                .contains("member of workspace 'acme'");
        assertThat(d.fix())
                .startsWith("If you meant acme/app")
                .contains("ask an admin of acme")
                .contains("api");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void shortNamesAreCloseOnlyWithinOneEdit() {
        assertThat(DoctorRun.closest("api", List.of("app"))).contains("app");
        assertThat(DoctorRun.closest("api", List.of("web", "ui"))).isEmpty();
        assertThat(DoctorRun.closest("infra", List.of("intra2"))).isEmpty();
        assertThat(DoctorRun.closest("infrastructure", List.of("infrastrcture")))
                .contains("infrastrcture");
    }
}
