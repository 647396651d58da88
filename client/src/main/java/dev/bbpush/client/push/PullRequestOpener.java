package dev.bbpush.client.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Opens a pull request or reuses the OPEN one for the same branches (reference §7.1): first {@code GET
 * …/pullrequests?q=source.branch.name="B" AND destination.branch.name="D"&state=OPEN}, then {@code POST}. A 200 to
 * the POST (Bitbucket returning the existing one) is a reuse; 400 "There are no changes to be pulled" is reported as
 * {@link PullRequestResult.Outcome#NO_CHANGES}, not an error.
 */
final class PullRequestOpener {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RestCalls rest;

    PullRequestOpener(RestCalls rest) {
        this.rest = rest;
    }

    PullRequestResult open(PullRequestSpec spec, String source, String destination) {
        Optional<PullRequestResult> existing = findOpen(source, destination);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = MAPPER.createObjectNode();
        body.put("title", spec.title());
        body.put("description", spec.description());
        body.putObject("source").putObject("branch").put("name", source);
        body.putObject("destination").putObject("branch").put("name", destination);
        body.put("close_source_branch", spec.closeSourceBranch());
        Response r;
        try {
            r = rest.http()
                    .exchange(Request.postJson(rest.pullRequestsEndpoint(), body.toString())
                            .build());
        } catch (TransportException e) {
            // The answer was lost; the pull request may exist now. Look once more before giving up.
            return findOpen(source, destination)
                    .map(p -> new PullRequestResult(
                            PullRequestResult.Outcome.CREATED, p.id(), p.url(), source, destination))
                    .orElseThrow(() -> e);
        }
        if (r.status() == 201 || r.status() == 200) {
            return of(
                    RestCalls.json(r),
                    r.status() == 201 ? PullRequestResult.Outcome.CREATED : PullRequestResult.Outcome.REUSED,
                    source,
                    destination);
        }
        BitbucketApiException failure = rest.http().toException(r);
        if (r.status() == 400
                && failure.bitbucketMessage()
                        .map(m -> m.toLowerCase(Locale.ROOT))
                        .filter(m -> m.contains("no changes to be pulled"))
                        .isPresent()) {
            return noChanges(source, destination);
        }
        throw failure;
    }

    static PullRequestResult noChanges(String source, String destination) {
        return new PullRequestResult(
                PullRequestResult.Outcome.NO_CHANGES, OptionalInt.empty(), Optional.empty(), source, destination);
    }

    private Optional<PullRequestResult> findOpen(String source, String destination) {
        String q = "source.branch.name=" + quoted(source) + " AND destination.branch.name=" + quoted(destination);
        URI uri = URI.create(rest.pullRequestsEndpoint() + "?q=" + RestCalls.encodeQuery(q) + "&state=OPEN&pagelen=1");
        JsonNode json = RestCalls.json(rest.http().send(Request.get(uri).build()));
        for (JsonNode pr : json.path("values")) {
            return Optional.of(of(pr, PullRequestResult.Outcome.REUSED, source, destination));
        }
        return Optional.empty();
    }

    private static PullRequestResult of(
            JsonNode pr, PullRequestResult.Outcome outcome, String source, String destination) {
        String url = pr.path("links").path("html").path("href").asText("");
        return new PullRequestResult(
                outcome,
                OptionalInt.of(pr.path("id").asInt()),
                url.isEmpty() ? Optional.empty() : Optional.of(url),
                source,
                destination);
    }

    /** A BBQL string literal. */
    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
