package dev.bbpush.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.changes.SkippedFile;
import dev.bbpush.client.json.PushResultJson;
import dev.bbpush.client.push.PullRequestResult;
import dev.bbpush.client.push.PushResult;
import dev.bbpush.client.safety.Finding;

/**
 * The JSON form of a push result (docs/cli.md, "JSON output"). The mapping lives in {@link PushResultJson}, shared
 * with the MCP server ({@code bbpush mcp}) so that both print the same shape.
 */
final class PushJson {
    private PushJson() {}

    static ObjectNode result(PushResult r) {
        return PushResultJson.of(r);
    }

    static ObjectNode finding(Finding f) {
        return PushResultJson.finding(f);
    }

    static ObjectNode skipped(SkippedFile s) {
        return PushResultJson.skipped(s);
    }

    /** {@code created}, {@code reused} or {@code no-changes}. */
    static String outcome(PullRequestResult pr) {
        return PushResultJson.outcome(pr);
    }
}
