package dev.bbpush.client.diagnose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.error.ApiFailure;
import dev.bbpush.client.error.ErrorBody;
import dev.bbpush.client.http.Response;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bitbucket's answer to one request, normalized from a {@link Response} (the doctor's own probes) or an {@link
 * ApiFailure} (a failure handed to {@link Doctor#explain}): status, the headers that explain refusals, and the body.
 */
record Answer(String method, URI uri, int status, Map<String, String> headers, ErrorBody body, JsonNode json) {
    /** Response headers that explain refusals (reference: bitbucket-cloud-auth.md §4.6, §7), canonical spelling. */
    static final List<String> EVIDENCE_HEADERS = List.of(
            "WWW-Authenticate",
            "X-Credential-Type",
            "X-OAuth-Scopes",
            "X-Accepted-OAuth-Scopes",
            "Retry-After",
            "X-RateLimit-Limit",
            "X-RateLimit-Remaining",
            "X-RateLimit-Reset",
            "X-RateLimit-Resource",
            "X-RateLimit-NearLimit",
            "Proxy-Authenticate",
            "Location");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Answer of(Response r) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : EVIDENCE_HEADERS) {
            r.header(name).ifPresent(v -> kept.put(name, v));
        }
        JsonNode json = null;
        if (r.isSuccessful()) {
            try {
                json = MAPPER.readTree(r.body());
            } catch (IOException e) {
                json = null;
            }
        }
        return new Answer(r.method(), r.uri(), r.status(), kept, ErrorBody.parse(r.body()), json);
    }

    static Answer of(ApiFailure f) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : EVIDENCE_HEADERS) {
            f.header(name).ifPresent(v -> kept.put(name, v));
        }
        return new Answer(f.method(), f.uri(), f.status(), kept, f.error(), null);
    }

    Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A 2xx with a JSON object body: what every REST endpoint the doctor calls answers. */
    boolean isJsonSuccess() {
        return isSuccess() && json != null && json.isObject();
    }

    /** Bitbucket's message, or empty. */
    String message() {
        return body.message().orElse("");
    }

    /** The whole body as text (clipped), for matching plain-text and Git answers. */
    String text() {
        return body.text();
    }

    boolean textContains(String needle) {
        return text().toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    /** The credential type Bitbucket reported ({@code X-Credential-Type}): proof that it authenticated the request. */
    Optional<String> credentialType() {
        return header("X-Credential-Type").filter(v -> !v.isBlank());
    }

    /** The granted scopes ({@code X-OAuth-Scopes}, else a scope error's {@code detail.granted}); empty if unknown. */
    Optional<List<String>> grantedScopes() {
        Optional<String> h = header("X-OAuth-Scopes");
        if (h.isPresent()) {
            return Optional.of(List.of(h.get().split("\\s*,\\s*")).stream()
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList());
        }
        return body.granted().isEmpty() && body.required().isEmpty() ? Optional.empty() : Optional.of(body.granted());
    }

    boolean isGit() {
        String p = uri.getPath() == null ? "" : uri.getPath();
        return p.contains(".git/") || p.endsWith(".git");
    }

    boolean isTokenEndpoint() {
        String p = uri.getPath() == null ? "" : uri.getPath();
        return p.endsWith("/site/oauth2/access_token");
    }

    /** The path below the API base, e.g. {@code /repositories/acme/infra}, or the whole path when not under it. */
    String apiPath(URI apiUrl) {
        String p = uri.getPath() == null ? "" : uri.getPath();
        String base = apiUrl.getPath() == null ? "" : apiUrl.getPath();
        return !base.isEmpty() && p.startsWith(base) ? p.substring(base.length()) : p;
    }
}
