package dev.bbpush.cli.output;

import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.diagnose.AuthStatus;
import dev.bbpush.client.diagnose.Cause;
import dev.bbpush.client.diagnose.Diagnosis;
import java.io.PrintWriter;
import java.util.Locale;

/** Renders an {@link AuthStatus.Report} for {@code bbpush auth status}: text for people ({@code ✓}/{@code ✗} lines). */
public final class AuthStatusOutput {
    private AuthStatusOutput() {}

    /**
     * The text form: every credential source in precedence order (with notes), the active credential (kind, masked
     * secret, source, identity, account, credential type, scopes, expiry) and its verdict with the fix, then push and
     * pull-request verdicts per repository. "No credential found" with the fix when there is none.
     */
    public static void printText(PrintWriter out, AuthStatus.Report r) {
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
