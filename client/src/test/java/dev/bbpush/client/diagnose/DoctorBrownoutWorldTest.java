package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.api.Test;

/** App passwords during brownouts: REST 401 without a message, Git 410 with CHANGE-3222. */
@BitbucketEmulatorTest(world = "worlds/doctor-brownout.yaml")
class DoctorBrownoutWorldTest {
    @Test
    void appPasswordWithAnEmptyRest401IsAppPasswordRemoved(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword("rahul-dev", bb.secret("rahul-app-password")))
                .repository(RepositoryRef.parse("acme/infra"))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.APP_PASSWORD_REMOVED);
        assertThat(d.summary()).contains("no message");
    }

    @Test
    void gitExplainsA410AsAnAppPassword(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.appPassword("rahul-dev", bb.secret("rahul-app-password")))
                .repository(RepositoryRef.parse("acme/infra"))
                .git(true)
                .probeVariants(true)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.APP_PASSWORD_REMOVED);
    }
}
