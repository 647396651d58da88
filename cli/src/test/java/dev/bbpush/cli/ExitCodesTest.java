package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.changes.InvalidChangeSetException;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.error.NoCredentialsException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.push.PlanSource;
import dev.bbpush.client.push.PullRequestFailedException;
import dev.bbpush.client.push.PushConflictException;
import dev.bbpush.client.push.PushInterruptedException;
import dev.bbpush.client.push.PushOutcomeUnknownException;
import dev.bbpush.client.push.PushPlan;
import dev.bbpush.client.push.PushRefusedException;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.push.PushStatus;
import dev.bbpush.client.push.RequestCounts;
import dev.bbpush.client.push.SafetyBlockedException;
import dev.bbpush.client.push.UnexplainedConflictException;
import dev.bbpush.client.safety.Finding;
import dev.bbpush.client.safety.SafetyReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExitCodesTest {
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("boom went the command");
        }
    }

    private static String run(boolean verbose, int[] code) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom());
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new ExitCodes.Handler(verbose));
        code[0] = cl.execute();
        return err.toString();
    }

    @Test
    void mapsEachFailureFamilyToItsDocumentedCode() {
        assertThat(ExitCodes.of(new UsageException("x"))).isEqualTo(ExitCode.USAGE);
        // Only our own usage errors are exit 2: an IllegalArgumentException escaping a command is a bug.
        assertThat(ExitCodes.of(new IllegalArgumentException("x"))).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(ExitCodes.of(new NoCredentialsException("x"))).isEqualTo(ExitCode.AUTH);
        assertThat(ExitCodes.of(new TransportException("x", "GET", URI.create("http://127.0.0.1/"), false, 1, null)))
                .isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCodes.of(new IllegalStateException("x"))).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(ExitCodes.of(new LocalContentException("live/a.tf", "/tmp/a.tf", "changed while uploading", null)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCodes.of(new UncheckedIOException(new IOException("x")))).isEqualTo(ExitCode.UNEXPECTED);
    }

    @Test
    void mapsEveryPushFailureToItsDocumentedCode() {
        Finding f = new Finding("terraform.tfstate", 0, "terraform-profile", "", "matches *.tfstate", false);
        PushResult landed = new PushResult(
                PushStatus.COMMITTED,
                Optional.of("a".repeat(40)),
                Optional.empty(),
                "b",
                new PushPlan(
                        "b", "main", Optional.empty(), false, List.of("x"), List.of(), List.of(), 0, PlanSource.GIT),
                Optional.empty(),
                new RequestCounts(1, 2),
                Optional.empty(),
                1,
                "id");
        TransportException noAnswer =
                new TransportException("x", "POST", URI.create("http://127.0.0.1/"), true, 1, null);

        assertThat(ExitCodes.of(new InvalidChangeSetException(InvalidChangeSetException.Problem.INPUT_NOT_FOUND, "x")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCodes.of(new PushRefusedException("no base"))).isEqualTo(ExitCode.USAGE);
        assertThat(ExitCodes.of(new PushConflictException("main", "a", "b", List.of("x"))))
                .isEqualTo(ExitCode.CONFLICT);
        assertThat(ExitCodes.of(new SafetyBlockedException(new SafetyReport(List.of(f), List.of(), List.of()))))
                .isEqualTo(ExitCode.BLOCKED);
        assertThat(ExitCodes.of(new PushOutcomeUnknownException("main", "id", "Bbpush-Change-Id", noAnswer)))
                .isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCodes.of(new PullRequestFailedException(landed, noAnswer)))
                .isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCodes.of(new PushInterruptedException(
                        "main", "id", "Bbpush-Change-Id", true, new InterruptedException())))
                .isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCodes.of(new UnexplainedConflictException("main", "a", 4, "409", null)))
                .isEqualTo(ExitCode.NETWORK);
        assertThat(ExitCodes.of(new PullRequestFailedException(landed, new NoCredentialsException("x"))))
                .isEqualTo(ExitCode.AUTH);
    }

    @Test
    void unexpectedFailurePrintsTheMessageAndNoStackTraceWithoutVerbose() {
        int[] code = new int[1];
        String err = run(false, code);

        assertThat(code[0]).isEqualTo(1);
        assertThat(err)
                .contains("bbpush: boom went the command")
                .contains("--verbose")
                .doesNotContain("\tat ");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        int[] code = new int[1];
        String err = run(true, code);

        assertThat(err).contains("bbpush: boom went the command").contains("\tat ");
    }

    @Test
    void verboseIsAcceptedOnSubcommands() {
        CliRun r = CliRun.run(Map.of(), "auth", "doctor", "--verbose", "--repo", "bad");

        assertThat(r.code()).isEqualTo(2);
    }
}
