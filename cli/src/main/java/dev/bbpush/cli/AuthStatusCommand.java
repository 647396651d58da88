package dev.bbpush.cli;

import dev.bbpush.cli.output.AuthStatusOutput;
import dev.bbpush.client.diagnose.AuthStatus;
import dev.bbpush.client.diagnose.RepositoryRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush auth status}: like {@code gh auth status}. Every credential source (found, skipped, failed and why),
 * the active credential (kind, source, masked secret, account, credential type and scopes as Bitbucket reports them,
 * expiry when known) and, per {@code --repo}, whether push and pull-request creation would work. Exit 3 when
 * anything is wrong.
 */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show where the credential comes from, what Bitbucket says about it, and what it may do.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything works",
            "2:bad usage",
            "3:something is wrong (a source, the credential, a repo)",
            "6:the network failed (no connection or answer, TLS/DNS/proxy) or rate-limited"
        })
public final class AuthStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CredentialOptions credentials;

    @Option(
            names = "--repo",
            paramLabel = "WORKSPACE/REPO",
            description = "Check push and pull-request creation on this repository (repeatable).")
    List<String> repos = new ArrayList<>();

    @Override
    public Integer call() {
        List<RepositoryRef> refs = new ArrayList<>();
        try {
            for (String r : repos) {
                refs.add(RepositoryRef.parse(r));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        AuthStatus.Report report =
                AuthStatus.check(DoctorContexts.from(spec, credentials).build(), refs);
        PrintWriter out = spec.commandLine().getOut();
        AuthStatusOutput.printText(out, report);
        out.flush();
        return ExitCodes.of(report).code();
    }
}
