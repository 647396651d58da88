package dev.bbpush.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.push.PushInterruptedException;
import dev.bbpush.client.push.UnexplainedConflictException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The push library's retry outcomes that need no credential diagnosis map to their own tool causes, never to
 * "unexpected" (which tells the agent "a bbpush bug"). Reproducing an interrupt or an unmoved 409 through a real server
 * process is covered in the client (CommitRetryOutcomeTest); this pins how the server words them for an agent.
 */
class RetryOutcomeFailuresTest {
    private final Failures failures = new Failures(null); // no diagnosis is needed for these failures

    @Test
    void anInterruptBeforeAnythingLandedIsInterruptedAndSafeToRepeat() {
        ObjectNode o = failures.toJson(
                new PushInterruptedException("main", "c0ffee", "Bbpush-Change-Id", true, new InterruptedException()),
                Optional.empty(),
                Set.of());
        assertThat(o.path("cause").asText()).isEqualTo("interrupted");
        assertThat(o.path("fix").asText()).contains("nothing was committed");
        assertThat(o.path("error").path("type").asText()).isEqualTo("PushInterruptedException");
    }

    @Test
    void anInterruptAfterAnUnansweredAttemptIsAnUnknownOutcomeNamingTheChangeId() {
        ObjectNode o = failures.toJson(
                new PushInterruptedException("main", "c0ffee", "Bbpush-Change-Id", false, new InterruptedException()),
                Optional.empty(),
                Set.of());
        assertThat(o.path("cause").asText()).isEqualTo("outcome-unknown");
        assertThat(o.path("fix").asText()).contains("c0ffee");
    }

    @Test
    void a409WhileTheHeadDidNotMoveIsARefusedRequestNotAConflictOfPaths() {
        ApiFailure failure = new ApiFailure(
                "POST",
                URI.create("http://127.0.0.1/2.0/repositories/acme/infra/src"),
                409,
                "Conflict",
                ErrorBody.empty(),
                Map.of(),
                Optional.empty());
        ObjectNode o = failures.toJson(
                new UnexplainedConflictException("main", "a".repeat(40), 4, "(no message)", failure),
                Optional.empty(),
                Set.of());
        assertThat(o.path("cause").asText()).isEqualTo("request-refused");
        assertThat(o.path("summary").asText()).doesNotContain("Fix:");
        assertThat(o.path("fix").asText()).contains("main");
    }
}
