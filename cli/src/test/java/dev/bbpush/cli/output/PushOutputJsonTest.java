package dev.bbpush.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.push.PushEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** With {@code --json} nothing goes to stderr, even on an interactive terminal and when the commit is retried. */
class PushOutputJsonTest {
    @Test
    void jsonModeWritesNoProgressRetryOrFallbackLinesToStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PushOutput output = new PushOutput(new PrintWriter(out), new PrintWriter(err), true, false, true, true);

        output.onEvent(new PushEvent.Uploading(0, 4 * 1024 * 1024));
        output.onEvent(new PushEvent.Uploading(4 * 1024 * 1024, 4 * 1024 * 1024));
        output.onEvent(new PushEvent.Retrying(PushEvent.Reason.SERVER_ERROR, 2, "503"));
        output.onEvent(new PushEvent.PlanFallback("git refused"));

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void textModeStillReportsRetries() {
        StringWriter err = new StringWriter();
        PushOutput output =
                new PushOutput(new PrintWriter(new StringWriter()), new PrintWriter(err), false, false, false, false);

        output.onEvent(new PushEvent.Retrying(PushEvent.Reason.SERVER_ERROR, 2, "503"));

        assertThat(err.toString()).contains("attempt 2");
    }
}
