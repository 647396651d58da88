package dev.bbpush.cli;

import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.diagnose.AuthStatus;
import dev.bbpush.client.diagnose.Cause;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.RepositoryRef;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        print(out, report);
        out.flush();
        return ExitCodes.of(report).code();
    }

    private static void print(PrintWriter out, AuthStatus.Report r) {
        out.println("Credential sources (in precedence order):");
        int i = 1;
        for (ProviderOutcome o : r.sources()) {
            out.println("  " + i++ + ". " + mark(o.status() != ProviderOutcome.Status.FAILED) + " " + o.provider()
                    + ": " + o.status().name().toLowerCase(Locale.ROOT) + " — " + o.reason());
            for (String note : o.notes()) {
                out.println("       note: " + note);
            }
        }
        out.println();
        Diagnosis c = r.credential();
        if (c.cause() == Cause.NO_CREDENTIALS) {
            out.println("✗ No credential found.");
            out.println(indent(c.fix()));
            return;
        }
        out.println("Active credential: " + c.credential().kind() + " "
                + c.credential().masked());
        out.println("  Source:          " + c.credential().source());
        if (!c.credential().identity().isEmpty()) {
            out.println("  Identity:        " + c.credential().identity());
        }
        AuthStatus.ServerView s = r.server();
        out.println("  Account:         "
                + s.account()
                        .map(a -> a.appUser()
                                ? "app_user " + a.displayName() + " (no Bitbucket account)"
                                : a.username() + " (" + a.displayName() + ")"
                                        + a.email().map(e -> " <" + e + ">").orElse(""))
                        .orElse("not readable with this credential"));
        out.println("  Credential type: " + s.credentialType().orElse("not reported") + " (X-Credential-Type)");
        out.println("  Scopes:          "
                + s.scopes()
                        .map(l -> l.isEmpty() ? "(none)" : String.join(", ", l))
                        .orElse("not reported") + " (X-OAuth-Scopes)");
        out.println("  Expires:         "
                + s.expiry().map(Object::toString).orElse("unknown (Bitbucket does not report it for this kind)"));
        out.println("  " + mark(c.ok()) + " " + c.cause().id() + ": " + c.summary());
        if (!c.ok() && !c.fix().isBlank()) {
            out.println("    Fix:");
            out.println(indent(indent(c.fix())));
        }
        for (AuthStatus.RepositoryStatus repo : r.repositories()) {
            out.println();
            out.println("Repository " + repo.repository() + ":");
            line(out, "push", repo.push());
            line(out, "pull requests", repo.pullRequest());
        }
    }

    private static void line(PrintWriter out, String what, Diagnosis d) {
        out.println("  " + mark(d.ok()) + " " + what + ": "
                + (d.ok() ? "works" : d.cause().id() + " — " + d.summary()));
        if (!d.ok() && !d.fix().isBlank()) {
            out.println("    Fix:");
            out.println(indent(indent(d.fix())));
        }
    }

    private static String mark(boolean ok) {
        return ok ? "✓" : "✗";
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
