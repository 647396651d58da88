package dev.bbpush.client.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.diagnose.Diagnosis;
import dev.bbpush.client.diagnose.Evidence;

/** The JSON form of the auth doctor's {@link Diagnosis} ({@code bbpush auth doctor --json}, docs/cli.md). */
public final class DiagnosisJson {
    private DiagnosisJson() {}

    /**
     * {@code {"ok", "cause", "summary", "fix", "evidence": [...], "credential": {"kind", "source", "masked"}, "docs"}}.
     * An exchange is {@code {"type":"http","method","url","status","headers","message","note"}} ({@code status} null
     * when no response arrived); an observation is {@code {"type":"local","text"}}. Headers are the redacted ones the
     * evidence kept; the credential is masked.
     */
    public static ObjectNode of(Diagnosis d) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ok", d.ok());
        o.put("cause", d.cause().id());
        o.put("summary", d.summary());
        o.put("fix", d.fix());
        ArrayNode evidence = o.putArray("evidence");
        for (Evidence e : d.evidence()) {
            ObjectNode n = evidence.addObject();
            if (e instanceof Evidence.Exchange x) {
                n.put("type", "http");
                n.put("method", x.method());
                n.put("url", x.url());
                if (x.status().isPresent()) {
                    n.put("status", x.status().get());
                } else {
                    n.putNull("status");
                }
                ObjectNode headers = n.putObject("headers");
                x.headers().forEach(headers::put);
                n.put("message", x.message());
                n.put("note", x.note());
            } else {
                n.put("type", "local");
                n.put("text", e.describe());
            }
        }
        ObjectNode c = o.putObject("credential");
        c.put("kind", d.credential().kind());
        c.put("source", d.credential().source());
        c.put("masked", d.credential().masked());
        o.put("docs", d.docs());
        return o;
    }
}
