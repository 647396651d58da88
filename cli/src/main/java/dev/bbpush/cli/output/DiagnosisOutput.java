package dev.bbpush.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Evidence;
import dev.bbpush.client.json.DiagnosisJson;
import java.io.PrintWriter;
import java.util.Map;

/** Renders a {@link Diagnosis}: text for people, JSON for scripts. Shared by {@code auth doctor} and {@code push}. */
public final class DiagnosisOutput {
    private DiagnosisOutput() {}

    /**
     * The JSON form: {@code {"ok", "cause", "summary", "fix", "evidence": [...], "credential": {"kind", "source",
     * "masked"}, "docs"}}. An exchange is {@code {"type":"http","method","url","status","headers","message","note"}}
     * ({@code status} null when no response arrived); an observation is {@code {"type":"local","text"}}. The mapping
     * lives in {@link DiagnosisJson}, shared with the MCP server.
     */
    public static ObjectNode toJson(Diagnosis d) {
        return DiagnosisJson.of(d);
    }

    /** The text form: verdict, summary, fix, credential, evidence (raw status, key headers, message), docs. */
    public static void printText(PrintWriter out, Diagnosis d) {
        out.println((d.ok() ? "✓ " : "✗ ") + d.cause().id() + ": " + d.cause().title());
        out.println(indent(d.summary(), "  "));
        if (!d.fix().isBlank()) {
            out.println();
            out.println("Fix:");
            out.println(indent(d.fix(), "  "));
        }
        out.println();
        out.println("Credential: " + d.credential().kind() + " "
                + d.credential().masked() + " from " + d.credential().source());
        out.println();
        out.println("Evidence:");
        for (Evidence e : d.evidence()) {
            if (e instanceof Evidence.Exchange x) {
                out.println("  - " + x.describe() + (x.note().isEmpty() ? "" : "   (" + x.note() + ")"));
                for (Map.Entry<String, String> h : x.headers().entrySet()) {
                    out.println("      " + h.getKey() + ": " + h.getValue());
                }
                if (x.status().isPresent() && x.status().get() >= 300) {
                    out.println("      message: " + (x.message().isEmpty() ? "(empty body)" : x.message()));
                }
            } else {
                out.println("  - " + e.describe());
            }
        }
        out.println();
        out.println("Docs: " + d.docs());
        out.flush();
    }

    /**
     * The short text form for a command that failed (push): verdict, summary, fix, credential, and the command that
     * shows the full evidence. Never a bare status code.
     */
    public static void printBrief(PrintWriter out, Diagnosis d, String doctorCommand) {
        String title = d.cause().title().equalsIgnoreCase(d.cause().id())
                ? ""
                : ": " + d.cause().title();
        out.println((d.ok() ? "✓ " : "✗ ") + d.cause().id() + title);
        out.println(indent(d.summary(), "  "));
        if (!d.fix().isBlank()) {
            out.println("Fix:");
            out.println(indent(d.fix(), "  "));
        }
        out.println("Credential: " + d.credential().kind() + " "
                + d.credential().masked() + " from " + d.credential().source());
        out.println("Evidence: " + doctorCommand + "   Docs: " + d.docs());
        out.flush();
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
