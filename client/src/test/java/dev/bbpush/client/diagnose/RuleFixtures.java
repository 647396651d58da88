package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.error.ErrorBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Answers and runs for the rule-table tests: an {@link Answer} is built directly (status, headers, body), the way
 * {@link Answer#of} builds it from a response, and a rule is applied to a fresh {@link RunState}. The API URL is a
 * closed loopback port, and every table asserts that its rule sent no request: the rules under table test are pure.
 */
final class RuleFixtures {
    static final String API = "http://127.0.0.1:9/2.0";
    static final String EMAIL = "rahul@acme.example";
    static final String USERNAME = "rahul-dev";
    static final String CONSUMER_KEY = "zfGQOIN84Gj2sdTdKG";
    /** The shapes Bitbucket issues (reference: bitbucket-cloud-auth.md §2); values made up. */
    static final String API_TOKEN = "ATATT3xFfGF0" + "k".repeat(170) + "=1A2B3C4D";

    static final String SHORT_API_TOKEN = "ATATT3xFfGF0" + "k".repeat(60);
    static final String ACCESS_TOKEN = "ATCTT3xFfGN0" + "q".repeat(170) + "=5E6F7A8B";
    static final String APP_PASSWORD = "ATBBq8Xk2mFvR7tYwZpLnC4sHdJ9E1F2";
    static final String CONSUMER_SECRET = "Zx7Qm2Kp9Wv4Ls8Nt3Rb6Yc1Hd5Jf0Ga";
    static final String BASIC_CHALLENGE = "Basic realm=\"Bitbucket.org HTTP\"";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RuleFixtures() {}

    static DoctorContext.Builder context(Credentials credentials) {
        return DoctorContext.builder().apiUrl(API).credentials(credentials);
    }

    /** Applies {@code rule} to a fresh run of {@code context}; asserts the rule sent no request. */
    static <T> T apply(DoctorContext.Builder context, Function<RunState, T> rule) {
        DoctorContext ctx = context.build();
        try (DoctorSession session = new DoctorSession(ctx)) {
            RunState run = new RunState(ctx, session);
            T result = rule.apply(run);
            assertThat(run.evidence).noneMatch(Evidence.Exchange.class::isInstance);
            return result;
        }
    }

    /** One row of a rule table: a context and an answer in, a cause and a text the verdict must contain out. */
    record Row(DoctorContext.Builder context, Answer answer, Cause cause, String text) {}

    static Arguments row(String name, DoctorContext.Builder context, AnswerBuilder answer, Cause cause, String text) {
        return Arguments.of(Named.of(name, new Row(context, answer.build(), cause, text)));
    }

    /** Asserts the verdict's cause and that its summary or fix contains the row's text. */
    static void assertVerdict(Verdict v, Row row) {
        assertThat(v.cause()).isEqualTo(row.cause());
        assertThat(v.summary() + "\n" + v.fix()).contains(row.text());
    }

    /** Bitbucket's JSON error envelope with {@code message}. */
    static String error(String message) {
        return "{\"type\": \"error\", \"error\": {\"message\": \"" + message + "\"}}";
    }

    static AnswerBuilder rest(int status, String path) {
        return new AnswerBuilder("GET", URI.create(API + path), status);
    }

    static AnswerBuilder git(int status, String repository) {
        return new AnswerBuilder(
                "GET",
                URI.create("http://127.0.0.1:9/" + repository + ".git/info/refs?service=git-upload-pack"),
                status);
    }

    static AnswerBuilder tokenEndpoint(int status) {
        return new AnswerBuilder("POST", URI.create("http://127.0.0.1:9/site/oauth2/access_token"), status);
    }

    /** An answer as {@link Answer#of} would normalize it. */
    static final class AnswerBuilder {
        private final String method;
        private final URI uri;
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body = "";

        AnswerBuilder(String method, URI uri, int status) {
            this.method = method;
            this.uri = uri;
            this.status = status;
        }

        AnswerBuilder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        AnswerBuilder body(String body) {
            this.body = body;
            return this;
        }

        AnswerBuilder with(UnaryOperator<AnswerBuilder> more) {
            return more.apply(this);
        }

        Answer build() {
            try {
                boolean json = status >= 200 && status < 300 && body.strip().startsWith("{");
                return new Answer(
                        method,
                        uri,
                        status,
                        Map.copyOf(headers),
                        ErrorBody.parse(body.getBytes(StandardCharsets.UTF_8)),
                        json ? JSON.readTree(body) : null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String toString() {
            return method + " " + uri.getPath() + " -> " + status + " " + headers + " " + body;
        }
    }
}
