package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.control.Hold;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The same working credential under faults: never a wrong auth verdict. */
@BitbucketEmulatorTest(world = "demo")
class DoctorLimitsAndFaultsTest {
    private static final RepositoryRef INFRA = RepositoryRef.parse("acme/infra");

    private static Credentials rahul(Emulator bb) {
        return Credentials.apiToken("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    @Test
    void rateLimitFaultIsRateLimitedWithTheResetTime(Emulator bb) throws Exception {
        bb.faults().add(Fault.onAnyMethod("/repositories/acme/infra$").rateLimit(Duration.ofSeconds(120)));

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(d.summary())
                .contains("wait 120 s")
                .contains("repository data")
                .contains("the account");
        assertThat(d.fix()).contains("cannot raise").contains("10,000");
        assertThat(d.exchanges()).as("probing stops at the 429").hasSize(1);
    }

    @Test
    void serverErrorIsUnknownNeverAnAuthVerdict(Emulator bb) throws Exception {
        bb.faults().add(Fault.onAnyMethod("/repositories/acme/infra$").respond(503));

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.summary()).contains("503").contains("says nothing about the credential");
        assertThat(d.exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.status()).contains(503));
    }

    @Test
    void timeoutIsUnknownNeverAnAuthVerdict(Emulator bb) throws Exception {
        // Held until released: the read timeout fires however slow the machine is, and no answer can race it.
        Hold noAnswer = bb.faults()
                .add(Fault.onAnyMethod("/repositories/acme/infra$").hold())
                .hold();

        Diagnosis d;
        try {
            d = Doctor.diagnose(context(bb)
                    .credentials(rahul(bb))
                    .repository(INFRA)
                    .readTimeout(Duration.ofMillis(300))
                    .build());
        } finally {
            noAnswer.release();
        }

        assertThat(noAnswer.awaitHeld(Duration.ZERO))
                .as("the doctor's request reached the hold")
                .isTrue();
        assertThat(d.cause()).isEqualTo(Cause.UNKNOWN);
        assertThat(d.summary()).contains("No answer").contains("says nothing about the credential");
        assertThat(d.exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.status()).isEmpty());
    }

    @Test
    void connectionResetIsUnknown(Emulator bb) throws Exception {
        bb.faults().add(Fault.onAnyMethod("/repositories/acme/infra$").resetBefore());

        Diagnosis d = Doctor.diagnose(
                context(bb).credentials(rahul(bb)).repository(INFRA).build());

        assertThat(d.cause()).isEqualTo(Cause.UNKNOWN);
    }

    @Test
    void tlsToAPlainHttpPortIsTlsOrProxyFailure(Emulator bb) {
        Diagnosis d = Doctor.diagnose(DoctorContext.builder()
                .apiUrl("https://127.0.0.1:" + bb.port() + "/2.0")
                .credentials(rahul(bb))
                .repository(INFRA)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.TLS_OR_PROXY_FAILURE);
        assertThat(d.summary()).contains("TLS handshake");
        assertThat(bb.journal().entries()).isEmpty();
    }

    @Test
    void explainsATransportFailureWithoutAnyCredentialOrRequest(Emulator bb) {
        TransportException failure;
        try (HttpTransport http =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            failure = Assertions.catchThrowableOfType(
                    TransportException.class,
                    () -> http.exchange(Request.get(URI.create("https://127.0.0.1:" + bb.port() + "/2.0/user"))
                            .build()));
        }

        Diagnosis d = Doctor.explain(
                failure,
                DoctorContext.builder()
                        .apiUrl("https://127.0.0.1:" + bb.port() + "/2.0")
                        .build());

        assertThat(d.cause()).isEqualTo(Cause.TLS_OR_PROXY_FAILURE);
        assertThat(d.exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.note()).contains("no response"));
    }

    @Test
    void apiUrlWithoutTwoPointZeroIsWrongApiHost(Emulator bb) {
        Diagnosis d = Doctor.diagnose(DoctorContext.builder()
                .apiUrl(bb.baseUrl())
                .credentials(rahul(bb))
                .repository(INFRA)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.WRONG_API_HOST);
        assertThat(d.summary()).contains("/2.0").contains("Forbidden");
        assertThat(d.fix()).contains("https://api.bitbucket.org/2.0");
    }

    @Test
    void dataCenterRestPathIsWrongApiHost(Emulator bb) {
        Diagnosis d = Doctor.diagnose(DoctorContext.builder()
                .apiUrl(bb.baseUrl() + "/rest/api/1.0")
                .credentials(rahul(bb))
                .repository(INFRA)
                .build());

        assertThat(d.cause()).isEqualTo(Cause.WRONG_API_HOST);
        assertThat(d.summary()).contains("Data Center");
    }

    @Test
    void removedEndpointAtTheUrlToCheckIsEndpointRemoved(Emulator bb) {
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(rahul(bb))
                .checkUrl(URI.create(bb.apiUrl() + "/workspaces"))
                .build());

        assertThat(d.cause()).isEqualTo(Cause.ENDPOINT_REMOVED);
        assertThat(d.summary()).contains("CHANGE-2770").contains("GET /2.0/user/workspaces");
        assertBoundedAndReadOnly(bb);
    }

    @Test
    void worstCaseRunStaysWithinTheRequestBudget(Emulator bb) {
        String key = bb.credential("acme-agent").key();
        Diagnosis d = Doctor.diagnose(context(bb)
                .credentials(Credentials.oauthClientCredentials(key, bb.secret("acme-agent")))
                .repository(INFRA)
                .git(true)
                .probeVariants(true)
                .build());

        assertThat(d.cause()).as(d.summary()).isEqualTo(Cause.OK);
        assertBoundedAndReadOnly(bb);
        assertThat(d.exchanges()).hasSizeLessThanOrEqualTo(DoctorContext.MAX_REQUESTS);
    }
}
