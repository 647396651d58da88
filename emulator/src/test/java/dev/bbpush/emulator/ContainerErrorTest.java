package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Errors the container raises before our servlets run still come back as Bitbucket's JSON envelope, never Jetty's HTML. */
@BitbucketEmulatorTest(world = "demo")
class ContainerErrorTest {
    @ParameterizedTest
    @ValueSource(strings = {"src/%00/", "commit/%00", "refs/branches/%00", "src/main/a%00b.txt"})
    void nulInThePathIs400WithTheJsonEnvelope(String tail, Emulator bb) {
        Http.Response r = Http.get(bb.apiUrl() + "/repositories/acme/infra/" + tail, SrcCommitTest.rahul(bb));

        assertThat(r.status()).as(r.toString()).isBetween(400, 499);
        assertThat(r.header("Content-Type")).as(r.toString()).startsWith("application/json");
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(r.json().path("error").path("message").asText()).isNotBlank();
        assertThat(r.text())
                .doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception")
                .doesNotContain("jetty");
    }
}
