package dev.bbpush.cli;

import dev.bbpush.cli.output.DiagnosisOutput;
import dev.bbpush.cli.output.Json;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Doctor;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.diagnose.Operation;
import dev.bbpush.client.diagnose.RepositoryRef;
import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bbpush auth doctor}: explains why Bitbucket refuses (or would refuse) the credential, with the evidence and
 * a copy-pasteable fix. Exit 0 when the credential works for what was asked, 3 otherwise, 2 for bad usage.
 */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Explain why Bitbucket refuses the credential: the verdict (a stable cause id), the evidence (each request,",
            "its status, key headers and Bitbucket's message) and the fix. At most 8 requests, all reads; nothing is",
            "changed remotely. Secrets are masked."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the credential works (the cause may still name something to fix, e.g. secret-paste-damage)",
            "2:bad usage",
            "3:a problem was found (see the cause)",
            "6:the network decided: TLS/DNS/proxy failure, no connection or answer, or rate-limited"
        })
public final class AuthDoctorCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CredentialOptions credentials;

    @Option(
            names = "--repo",
            paramLabel = "WORKSPACE/REPO",
            description = "Check this repository: can the credential read it and push to it?")
    String repo;

    @Option(names = "--pr", description = "Also check that pull requests can be created.")
    boolean pullRequests;

    @Option(names = "--git", description = "Also check Git over HTTPS (info/refs?service=git-upload-pack).")
    boolean git;

    @Option(
            names = "--probe-variants",
            description = "Also try the same secret in other forms (Basic/Bearer, another username) to pin the cause.")
    boolean probeVariants;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "A URL a failing tool called (on the API host), fetched with the credential, e.g. "
                    + "https://api.bitbucket.org/2.0/workspaces.")
    String url;

    @Option(names = "--json", description = "Print the diagnosis as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        DoctorContext ctx;
        try {
            DoctorContext.Builder b = DoctorContexts.from(spec, credentials)
                    .git(git)
                    .probeVariants(probeVariants)
                    .operations(
                            pullRequests
                                    ? EnumSet.of(Operation.PUSH, Operation.PULL_REQUEST)
                                    : EnumSet.of(Operation.PUSH));
            if (repo != null) {
                b.repository(RepositoryRef.parse(repo));
            }
            if (url != null) {
                b.checkUrl(URI.create(url.strip()));
            }
            ctx = b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Diagnosis d = Doctor.diagnose(ctx);
        if (json) {
            Json.print(spec.commandLine().getOut(), DiagnosisOutput.toJson(d));
        } else {
            DiagnosisOutput.printText(spec.commandLine().getOut(), d);
        }
        return ExitCodes.of(d).code();
    }
}
