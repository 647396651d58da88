package dev.bbpush.client.diagnose;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One fact the doctor relied on: a request it made (or the failed request it was asked to explain) with Bitbucket's
 * raw answer, or a local observation. Never holds a secret: URLs carry none, header values are the ones that explain
 * refusals (never {@code Authorization}), and every text passed through the doctor's redaction.
 */
public sealed interface Evidence permits Evidence.Exchange, Evidence.Observation {

    /** One line for people, e.g. {@code GET https://api.bitbucket.org/2.0/user -> 401}. */
    String describe();

    /**
     * An HTTP exchange.
     *
     * @param method the request method
     * @param url the request URL
     * @param status the HTTP status, empty when no response arrived
     * @param headers the response headers that explain refusals ({@code WWW-Authenticate}, {@code X-Credential-Type},
     *     {@code X-OAuth-Scopes}, {@code X-Accepted-OAuth-Scopes}, {@code Retry-After}, {@code X-RateLimit-*}), in
     *     their canonical spelling
     * @param message Bitbucket's message (JSON {@code error.message}, OAuth {@code error_description}, or the plain-text
     *     body, at most a few lines); empty for an empty body
     * @param note what this request was for, or why it failed when no response arrived (e.g. {@code TLS handshake
     *     failed: ...})
     */
    record Exchange(
            String method,
            String url,
            Optional<Integer> status,
            Map<String, String> headers,
            String message,
            String note)
            implements Evidence {
        public Exchange {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(status, "status");
            headers = Collections.unmodifiableMap(new TreeMap<>(headers));
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public String describe() {
            return method + " " + url + " -> " + status.map(String::valueOf).orElse("no response");
        }
    }

    /**
     * Something the doctor saw locally: a token's shape, where a value came from, a paste repair, the API URL's form.
     *
     * @param text the observation
     */
    record Observation(String text) implements Evidence {
        public Observation {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return text;
        }
    }
}
