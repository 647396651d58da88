package dev.bbpush.client.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.changes.LocalContentException;
import dev.bbpush.client.push.BranchBusyException;
import dev.bbpush.client.push.PushConflictException;
import dev.bbpush.client.push.PushInterruptedException;
import dev.bbpush.client.push.PushOutcomeUnknownException;
import dev.bbpush.client.push.SafetyBlockedException;
import dev.bbpush.client.safety.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code error} object of a failed push's JSON ({@code bbpush push --json}, docs/cli.md): {@code {"type",
 * "message"}} plus, by failure, the blocking {@code findings} and the {@code allow} flags that would let exactly them
 * through, the conflicting {@code paths} and {@code branch}, the unreadable local {@code path} and {@code source}, a busy
 * branch's {@code rejections} and {@code commitsLanded}, or the {@code changeId} to look for (with {@code
 * nothingLanded} after an interrupt). Messages come from
 * the library, which never puts a secret in them; findings carry masked matches only.
 */
public final class FailureJson {
    private FailureJson() {}

    /** The error object for {@code e}. */
    public static ObjectNode error(RuntimeException e) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("type", e.getClass().getSimpleName());
        error.put("message", message(e));
        if (e instanceof SafetyBlockedException s) {
            ArrayNode findings = error.putArray("findings");
            s.report().blockingFindings().forEach(f -> findings.add(PushResultJson.finding(f)));
            ArrayNode allow = error.putArray("allow");
            allowFlags(s.report().blockingFindings()).forEach(allow::add);
        } else if (e instanceof PushConflictException c) {
            ArrayNode paths = error.putArray("paths");
            c.paths().forEach(paths::add);
            error.put("branch", c.branch());
        } else if (e instanceof LocalContentException l) {
            error.put("path", l.repoPath().orElse(null));
            error.put("source", l.source());
        } else if (e instanceof BranchBusyException b) {
            error.put("branch", b.branch());
            error.put("rejections", b.rejections());
            error.put("commitsLanded", b.commitsLanded());
        } else if (e instanceof PushOutcomeUnknownException u) {
            error.put("changeId", u.changeId());
        } else if (e instanceof PushInterruptedException i) {
            error.put("branch", i.branch());
            error.put("changeId", i.changeId());
            error.put("nothingLanded", i.nothingLanded());
        }
        return error;
    }

    /** The {@code --allow RULE:PATH} flags that would let exactly these findings through, in finding order. */
    public static Set<String> allowFlags(List<Finding> findings) {
        Set<String> flags = new LinkedHashSet<>();
        findings.forEach(f -> flags.add("--allow " + f.ruleId() + ":" + f.path()));
        return flags;
    }

    /** The exception's message, or its simple class name when it has none. */
    public static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
