package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Http;
import java.util.List;

/**
 * What one cell of a REST behaviour matrix expects, and the check of a response against it: the status and the
 * shape Bitbucket answers with (bitbucket-cloud-auth.md §5, §10).
 */
record RestExpect(int status, Shape shape, String text, List<String> granted, List<String> required) {

    enum Shape {
        /** 200 with a JSON object. */
        JSON_OK,
        /** 201, empty body, {@code Location} of the new commit ({@code POST …/src}). */
        COMMIT_CREATED,
        /** 201 with a JSON object (e.g. a pull request). */
        JSON_CREATED,
        /** 401, {@code WWW-Authenticate: Basic realm="Bitbucket.org HTTP"}, empty body. */
        BASIC_CHALLENGE_EMPTY,
        /** The JSON error envelope with an exact {@code error.message}. */
        ERROR_MESSAGE,
        /** A {@code text/plain} body starting with a text. */
        PLAIN_TEXT,
        /** 403 missing scopes with {@code detail.granted} and {@code detail.required}. */
        SCOPE_ERROR,
        /** 401 with the Basic challenge and the JSON token message: an expired or revoked API token. */
        BASIC_CHALLENGE_TOKEN_INVALID
    }

    static RestExpect ok() {
        return new RestExpect(200, Shape.JSON_OK, null, null, null);
    }

    static RestExpect commitCreated() {
        return new RestExpect(201, Shape.COMMIT_CREATED, null, null, null);
    }

    static RestExpect jsonCreated() {
        return new RestExpect(201, Shape.JSON_CREATED, null, null, null);
    }

    static RestExpect challenge() {
        return new RestExpect(401, Shape.BASIC_CHALLENGE_EMPTY, null, null, null);
    }

    static RestExpect expiredOrRevokedToken() {
        return new RestExpect(401, Shape.BASIC_CHALLENGE_TOKEN_INVALID, AuthMessages.TOKEN_INVALID, null, null);
    }

    static RestExpect error(int status, String message) {
        return new RestExpect(status, Shape.ERROR_MESSAGE, message, null, null);
    }

    static RestExpect plain(int status, String prefix) {
        return new RestExpect(status, Shape.PLAIN_TEXT, prefix, null, null);
    }

    static RestExpect scopes(List<String> granted, List<String> required) {
        return new RestExpect(403, Shape.SCOPE_ERROR, AuthMessages.MISSING_SCOPES, granted, required);
    }

    boolean success() {
        return status < 300;
    }

    /** Asserts that {@code r} is what this cell expects. */
    void check(Http.Response r) {
        assertThat(r.status()).as("%s", r).isEqualTo(status);
        switch (shape) {
            case JSON_OK, JSON_CREATED -> assertThat(r.json().isObject()).isTrue();
            case COMMIT_CREATED -> {
                assertThat(r.body()).isEmpty();
                assertThat(r.header("Location")).contains("/2.0/repositories/").contains("/commit/");
            }
            case BASIC_CHALLENGE_EMPTY -> {
                assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
                assertThat(r.body()).isEmpty();
            }
            case BASIC_CHALLENGE_TOKEN_INVALID -> {
                assertThat(r.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Bitbucket.org HTTP\"");
                assertThat(r.json().path("error").path("message").asText()).isEqualTo(text);
            }
            case ERROR_MESSAGE -> {
                assertThat(r.json().path("type").asText()).isEqualTo("error");
                assertThat(r.json().path("error").path("message").asText()).isEqualTo(text);
            }
            case PLAIN_TEXT -> {
                assertThat(r.header("Content-Type")).startsWith("text/plain");
                assertThat(r.text()).startsWith(text);
            }
            case SCOPE_ERROR -> {
                JsonNode error = r.json().path("error");
                assertThat(error.path("message").asText()).isEqualTo(text);
                assertThat(error.path("detail").path("granted"))
                        .extracting(JsonNode::asText)
                        .containsExactlyElementsOf(granted);
                assertThat(error.path("detail").path("required"))
                        .extracting(JsonNode::asText)
                        .containsExactlyElementsOf(required);
            }
        }
    }
}
