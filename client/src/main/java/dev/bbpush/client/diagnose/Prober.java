package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.error.TransportException;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.internal.RunTexts;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes the doctor's requests: one attempt each (no retries, so the count is exact), at most {@link
 * DoctorContext#MAX_REQUESTS} per run, GET only except the OAuth token request, each recorded as {@link Evidence}
 * with secrets scrubbed. Sends {@code Authorization} only when the caller passes one, and the caller passes the
 * credential only to the API and Git origins.
 */
final class Prober {
    private final HttpTransport transport;
    private final int budget;
    private final List<Evidence> evidence;
    private final Redactor redactor;
    private int used;

    /** A prober sending through {@code transport} (shared by a {@link DoctorSession}; not closed here). */
    Prober(HttpTransport transport, List<Evidence> evidence, Redactor redactor) {
        this.transport = transport;
        this.budget = DoctorContext.MAX_REQUESTS;
        this.evidence = evidence;
        this.redactor = redactor;
    }

    /** The outcome of one request: Bitbucket's answer, or why none arrived. */
    record Result(Optional<Answer> answer, Optional<Response> response, Optional<TransportException> failure) {
        static Result of(Response r) {
            return new Result(Optional.of(Answer.of(r)), Optional.of(r), Optional.empty());
        }

        static Result failed(TransportException e) {
            return new Result(Optional.empty(), Optional.empty(), Optional.of(e));
        }
    }

    /** Whether {@code n} more requests fit in the budget. */
    boolean canSend(int n) {
        return used + n <= budget;
    }

    int used() {
        return used;
    }

    /** GET with an optional {@code Authorization}; empty when the budget is spent. */
    Optional<Result> get(URI uri, Secret authorization, String purpose) {
        Request.Builder b = Request.get(uri).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization.reveal());
        }
        return sendOnce(b.noRetry().build(), purpose);
    }

    /**
     * Sends a request built elsewhere (the OAuth token request of {@link
     * dev.bbpush.client.auth.internal.ClientCredentialsAuthorizer#clientCredentialsRequest()}: it mints a token and changes no
     * repository data), once; empty when the budget is spent.
     */
    Optional<Result> send(Request request, String purpose) {
        return sendOnce(request.newBuilder().noRetry().build(), purpose);
    }

    private Optional<Result> sendOnce(Request request, String purpose) {
        if (!canSend(1)) {
            evidence.add(new Evidence.Observation(
                    RunTexts.notSent(budget, request.method(), request.uri().toString(), purpose)));
            return Optional.empty();
        }
        used++;
        try {
            Result result = Result.of(transport.exchange(request));
            record(result.answer().orElseThrow(), purpose);
            return Optional.of(result);
        } catch (TransportException e) {
            evidence.add(new Evidence.Exchange(
                    request.method(),
                    request.uri().toString(),
                    Optional.empty(),
                    Map.of(),
                    "",
                    redactor.scrub(RunTexts.noResponse(purpose, Transports.describe(e)))));
            return Optional.of(Result.failed(e));
        }
    }

    /** Records an answer as evidence (also used for the failure {@link Doctor#explain} is given). */
    void record(Answer a, String note) {
        Map<String, String> headers = new LinkedHashMap<>();
        a.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Location")) {
                headers.put(k, redactor.scrub(v));
            }
        });
        a.header("Location").ifPresent(v -> headers.put("Location", redactor.scrub(v)));
        evidence.add(new Evidence.Exchange(
                a.method(),
                a.uri().toString(),
                Optional.of(a.status()),
                headers,
                redactor.scrub(message(a)),
                redactor.scrub(note)));
    }

    /** Bitbucket's words: the JSON/OAuth message, or the first lines of a plain-text body (Git's remote lines). */
    static String message(Answer a) {
        String text = a.text().strip();
        if (text.isEmpty()) {
            return "";
        }
        if (text.startsWith("{")) {
            return a.message();
        }
        if (text.startsWith("<")) {
            return RunTexts.htmlPage(text.length());
        }
        List<String> lines = text.lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .limit(3)
                .toList();
        String joined = String.join(" | ", lines);
        return joined.length() > 400 ? joined.substring(0, 400) + "…" : joined;
    }
}
