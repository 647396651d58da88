package dev.bbpush.client.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.changes.SkippedFile;
import dev.bbpush.client.push.PullRequestResult;
import dev.bbpush.client.push.PushPlan;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.safety.Finding;
import dev.bbpush.client.safety.SafetyReport;
import java.util.List;
import java.util.Locale;

/**
 * The JSON form of a push result (docs/cli.md, "JSON output"). The first six fields are the contract: {@code status,
 * commit, branch, changes{added, modified, deleted, unchanged}, pullRequest{id, url}|null, requests{rest, git}};
 * the fields after them are additions.
 */
public final class PushResultJson {
    private PushResultJson() {}

    /** The whole result: contract fields first, then the additions (commit URL, plan details, skipped files...). */
    public static ObjectNode of(PushResult r) {
        PushPlan plan = r.plan();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("status", r.status().wireName());
        o.put("commit", r.commit().orElse(null));
        o.put("branch", r.branch());
        ObjectNode changes = o.putObject("changes");
        strings(changes.putArray("added"), plan.added());
        strings(changes.putArray("modified"), plan.modified());
        strings(changes.putArray("deleted"), plan.deleted());
        changes.put("unchanged", plan.unchanged());
        PullRequestResult pr = r.pullRequest().filter(p -> p.id().isPresent()).orElse(null);
        if (pr == null) {
            o.putNull("pullRequest");
        } else {
            ObjectNode p = o.putObject("pullRequest");
            p.put("id", pr.id().getAsInt());
            p.put("url", pr.url().orElse(null));
            p.put("outcome", outcome(pr));
            p.put("source", pr.source());
            p.put("destination", pr.destination());
        }
        ObjectNode requests = o.putObject("requests");
        requests.put("rest", r.requests().rest());
        requests.put("git", r.requests().git());
        // Additions after the contract fields.
        o.put("commitUrl", r.commitUrl().orElse(null));
        o.put("pullRequestOutcome", r.pullRequest().map(PushResultJson::outcome).orElse(null));
        o.put("baseBranch", plan.baseBranch());
        o.put("newBranch", plan.newBranch());
        o.put("head", plan.head().orElse(null));
        o.put("planSource", plan.source().name().toLowerCase(Locale.ROOT));
        ArrayNode skipped = o.putArray("skipped");
        r.safety().map(SafetyReport::skipped).orElse(List.of()).forEach(s -> skipped.add(skipped(s)));
        ArrayNode allowed = o.putArray("allowedFindings");
        r.safety().map(SafetyReport::findings).orElse(List.of()).stream()
                .filter(Finding::allowed)
                .forEach(f -> allowed.add(finding(f)));
        return o;
    }

    /** {@code {path, line, rule, match, detail, allowed}}; {@code match} is masked, never the secret. */
    public static ObjectNode finding(Finding f) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("path", f.path());
        n.put("line", f.line());
        n.put("rule", f.ruleId());
        n.put("match", f.maskedMatch());
        n.put("detail", f.detail());
        n.put("allowed", f.allowed());
        return n;
    }

    /** {@code {path, directory, reason, pattern}}: a file or directory a walk left out, and why. */
    public static ObjectNode skipped(SkippedFile s) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("path", s.repoPath());
        n.put("directory", s.directory());
        n.put("reason", s.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        n.put("pattern", s.pattern());
        return n;
    }

    /** {@code created}, {@code reused} or {@code no-changes}. */
    public static String outcome(PullRequestResult pr) {
        return pr.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
