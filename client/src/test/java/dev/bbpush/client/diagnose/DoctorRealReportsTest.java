package dev.bbpush.client.diagnose;

import static dev.bbpush.client.diagnose.DoctorAssertions.assertBoundedAndReadOnly;
import static dev.bbpush.client.diagnose.DoctorAssertions.assertNoSecret;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.error.BitbucketApiException;
import dev.bbpush.client.http.ApiErrors;
import dev.bbpush.client.http.HttpTransport;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.Response;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays real, resolved user reports of Bitbucket Cloud authentication failures ({@code doctor-cases/cases.yaml},
 * sources in each case) against the emulator and checks that the doctor names the cause the resolution points to.
 * Each case is one test; {@link #summary} logs a table (case, expected, actual) and the hit rate. The goal set for
 * the doctor: the right cause on at least 95% of the reports, and {@code unknown} wherever that is the honest answer.
 */
@BitbucketEmulatorTest(world = "worlds/doctor-reports.yaml")
class DoctorRealReportsTest {
    private static final Logger LOG = LoggerFactory.getLogger(DoctorRealReportsTest.class);
    private static final String EMAIL = "rahul@acme.example";
    private static final String USERNAME = "rahul-dev";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(secret|key):([a-z0-9-]+)}|\\{email}|\\{username}");
    /** Outcome per case id, for the summary (cases run in declaration order). */
    private static final Map<String, String[]> RESULTS = new LinkedHashMap<>();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = DoctorRealReportsTest.class.getResourceAsStream("/doctor-cases/cases.yaml")) {
            JsonNode all = new YAMLMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : all) {
                out.add(Arguments.of(
                        Named.of(c.path("id").asText() + " (" + c.path("expect").asText() + ")", c)));
            }
            return out.stream();
        }
    }

    @Test
    void everyCauseOfTheCatalogueIsCoveredOrListedAsUncovered() throws IOException {
        Set<Cause> covered = EnumSet.noneOf(Cause.class);
        cases().forEach(a -> covered.add(Cause.byId(((JsonNode) ((Named<?>) a.get()[0]).getPayload())
                        .path("expect")
                        .asText())
                .orElseThrow()));
        // No public report found for these; DoctorDemoWorldTest and DoctorPoliciesWorldTest cover them.
        Set<Cause> uncovered = EnumSet.of(
                Cause.OK,
                Cause.NO_CREDENTIALS,
                Cause.ACCESS_TOKEN_WRONG_RESOURCE,
                Cause.NO_WRITE_PERMISSION,
                Cause.TOKEN_EXPIRED_OR_REVOKED,
                Cause.TLS_OR_PROXY_FAILURE);
        for (Cause c : Cause.values()) {
            assertThat(covered.contains(c) || uncovered.contains(c))
                    .as("cause %s has a report or is listed", c.id())
                    .isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void doctorNamesTheCauseTheReportWasResolvedWith(JsonNode c, Emulator bb) throws Exception {
        Cause expected = Cause.byId(c.path("expect").asText())
                .orElseThrow(() -> new IllegalArgumentException("unknown cause id in " + c.path("id")));
        JsonNode setup = c.path("setup");
        Diagnosis d = replay(setup, bb);
        RESULTS.put(
                c.path("id").asText(), new String[] {expected.id(), d.cause().id(), d.summary()});

        if (c.has("knownMiss")) {
            // A miss with a stated reason (cases.yaml): pin what the doctor says, and that it names the real cause.
            assertThat(d.cause().id())
                    .as(c.path("knownMiss").path("why").asText())
                    .isEqualTo(c.path("knownMiss").path("actual").asText());
            assertThat(d.summary())
                    .contains(c.path("knownMiss").path("mentions").asText());
        } else {
            assertThat(d.cause())
                    .as("%s (%s): %s", c.path("id").asText(), c.path("source").asText(), d.summary())
                    .isEqualTo(expected);
        }
        if (expected == Cause.UNKNOWN) {
            assertThat(d.ok()).isFalse();
            assertThat(d.exchanges()).as("raw evidence for an unknown verdict").isNotEmpty();
        }
        assertBoundedAndReadOnly(bb);
        assertNoSecret(d, secretsOf(setup, bb).toArray(String[]::new));
    }

    @AfterAll
    static void summary() {
        StringBuilder table = new StringBuilder("\nDoctor replay of real reports\n")
                .append(String.format(Locale.ROOT, "%-34s %-34s %-34s %s%n", "case", "expected", "actual", "hit"));
        int hits = 0;
        for (Map.Entry<String, String[]> e : RESULTS.entrySet()) {
            boolean hit = e.getValue()[0].equals(e.getValue()[1]);
            hits += hit ? 1 : 0;
            table.append(String.format(
                    Locale.ROOT,
                    "%-34s %-34s %-34s %s%n",
                    e.getKey(),
                    e.getValue()[0],
                    e.getValue()[1],
                    hit ? "yes" : "MISS"));
        }
        table.append(String.format(
                Locale.ROOT,
                "hit rate: %d/%d = %.1f%%%n",
                hits,
                RESULTS.size(),
                RESULTS.isEmpty() ? 0.0 : 100.0 * hits / RESULTS.size()));
        LOG.info(table.toString());
        assertThat(RESULTS.isEmpty() || hits * 100 >= 95 * RESULTS.size())
                .as("hit rate at least 95%%: %d/%d", hits, RESULTS.size())
                .isTrue();
    }

    // ---------------------------------------------------------------- replay

    private static Diagnosis replay(JsonNode setup, Emulator bb) throws Exception {
        for (JsonNode f : setup.path("faults")) {
            bb.faults().add(f);
        }
        String apiUrl = switch (setup.path("apiUrl").asText("default")) {
            case "default" -> bb.apiUrl();
            case "no-2.0" -> bb.baseUrl().toString().replaceAll("/$", "");
            case "data-center" -> bb.baseUrl().toString().replaceAll("/$", "") + "/rest/api/1.0";
            default -> throw new IllegalArgumentException("apiUrl " + setup.path("apiUrl"));
        };
        DoctorContext.Builder ctx = DoctorContext.builder().apiUrl(apiUrl);
        Credentials credentials = null;
        if (setup.has("env")) {
            Map<String, String> env = new LinkedHashMap<>();
            setup.path("env")
                    .fields()
                    .forEachRemaining(e -> env.put(e.getKey(), fill(e.getValue().asText(), bb)));
            CredentialResolution res = CredentialChain.standard(
                            CredentialFlags.none(), Environment.of(env), new ByteArrayInputStream(new byte[0]))
                    .resolveAll();
            ctx.resolution(res);
        } else {
            credentials = credentials(setup.path("credential"), bb);
            ctx.credentials(credentials);
        }
        if (setup.has("repository")) {
            ctx.repository(new RepositoryRef(
                    setup.path("repository").asText().split("/", 2)[0],
                    setup.path("repository").asText().split("/", 2)[1]));
        }
        if (setup.has("operations")) {
            Set<Operation> ops = EnumSet.noneOf(Operation.class);
            for (JsonNode o : setup.path("operations")) {
                ops.add(
                        switch (o.asText()) {
                            case "read" -> Operation.READ;
                            case "push" -> Operation.PUSH;
                            case "pull-request" -> Operation.PULL_REQUEST;
                            default -> throw new IllegalArgumentException("operation " + o);
                        });
            }
            ctx.operations(ops);
        }
        ctx.git(setup.path("git").asBoolean(false))
                .probeVariants(setup.path("probeVariants").asBoolean(false));
        if (setup.has("email")) {
            ctx.email(fill(setup.path("email").asText(), bb));
        }
        if (setup.has("checkUrl")) {
            ctx.checkUrl(URI.create(apiUrl + setup.path("checkUrl").asText()));
        }
        if (setup.has("clockAdvanceHours")) {
            bb.clock().advance(Duration.ofHours(setup.path("clockAdvanceHours").asLong()));
            ctx.clock(Clock.fixed(bb.clock().now(), ZoneOffset.UTC));
        }
        if (setup.has("explain")) {
            BitbucketApiException failure = toolFailure(setup.path("explain"), setup, credentials, apiUrl, bb);
            bb.journal().clear();
            return Doctor.explain(failure, ctx.build());
        }
        bb.journal().clear();
        return Doctor.diagnose(ctx.build());
    }

    /** The credential as the reporter configured it. */
    private static Credentials credentials(JsonNode spec, Emulator bb) throws Exception {
        String name = spec.path("secret").asText();
        String secret = damage(bb.secret(name), spec.path("damage").asText(""));
        String identity = switch (spec.path("identity").asText("")) {
            case "email" -> EMAIL;
            case "username" -> USERNAME;
            case "consumer-key" -> bb.credential(name).key();
            case "" -> "";
            default -> spec.path("identity").asText();
        };
        return switch (spec.path("kind").asText()) {
            case "apiToken" -> Credentials.apiToken(identity, secret);
            case "appPassword" -> Credentials.appPassword(identity, secret);
            case "accessToken" -> Credentials.accessToken(secret);
            case "oauthClientCredentials" ->
                Credentials.oauthClientCredentials(bb.credential(name).key(), secret);
            case "oauthAccessToken" -> Credentials.oauthAccessToken(mintToken(bb, name));
            case "oauthUserToken" -> Credentials.oauthAccessToken(userToken(bb, name));
            default -> throw new IllegalArgumentException("credential kind " + spec.path("kind"));
        };
    }

    private static String damage(String secret, String how) {
        return switch (how) {
            case "" -> secret;
            case "trailing-newline" -> secret + "\n";
            case "quotes" -> "\"" + secret + "\"";
            case "truncated" -> secret.substring(0, Math.min(80, secret.length()));
            default -> throw new IllegalArgumentException("damage " + how);
        };
    }

    /** The request the reporter's tool made, and Bitbucket's refusal of it. */
    private static BitbucketApiException toolFailure(
            JsonNode ex, JsonNode setup, Credentials c, String apiUrl, Emulator bb) throws Exception {
        try (HttpTransport http =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            Response r = switch (ex.path("surface").asText("rest")) {
                case "rest" -> {
                    Request.Builder b =
                            Request.get(URI.create(apiUrl + ex.path("path").asText()));
                    switch (ex.path("auth").asText("credential")) {
                        case "credential" -> b.header("Authorization", restAuthorization(c, bb));
                        case "raw-secret" ->
                            b.header(
                                    "Authorization",
                                    bb.secret(setup.path("credential")
                                            .path("secret")
                                            .asText()));
                        case "none" -> {}
                        default -> throw new IllegalArgumentException("auth " + ex.path("auth"));
                    }
                    yield http.exchange(b.build());
                }
                case "git" -> {
                    String[] repo = ex.path("path").asText().split("/", 2);
                    String user = fill(ex.path("gitUser").asText(), bb);
                    String password =
                            bb.secret(setup.path("credential").path("secret").asText());
                    yield http.exchange(
                            Request.get(URI.create(bb.gitUrl(repo[0], repo[1]) + "/info/refs?service=git-upload-pack"))
                                    .header("Authorization", basic(user, password))
                                    .build());
                }
                case "token" ->
                    reusedRefreshToken(
                            http, bb, setup.path("credential").path("secret").asText());
                default -> throw new IllegalArgumentException("surface " + ex.path("surface"));
            };
            assertThat(r.status()).as("the tool's request failed as reported").isGreaterThanOrEqualTo(400);
            return ApiErrors.toException(r, Clock.systemUTC());
        }
    }

    private static String restAuthorization(Credentials c, Emulator bb) throws Exception {
        if (c instanceof FixedCredentials f) {
            return f.authorizationHeader().reveal();
        }
        if (c instanceof OAuthClientCredentials o) {
            try (HttpTransport http = HttpTransport.builder().build()) {
                Response r = http.exchange(Request.postForm(
                                URI.create(bb.baseUrl() + "/site/oauth2/access_token"), "grant_type=client_credentials")
                        .header(
                                "Authorization",
                                basic(o.clientId(), o.clientSecret().reveal()))
                        .build());
                return "Bearer " + JSON.readTree(r.body()).path("access_token").asText();
            }
        }
        throw new IllegalArgumentException("no REST authorization for " + c.kind());
    }

    private static String mintToken(Emulator bb, String consumer) throws Exception {
        try (HttpTransport http = HttpTransport.builder().build()) {
            Response r = http.exchange(Request.postForm(
                            URI.create(bb.baseUrl() + "/site/oauth2/access_token"), "grant_type=client_credentials")
                    .header("Authorization", basic(bb.credential(consumer).key(), bb.secret(consumer)))
                    .build());
            return JSON.readTree(r.body()).path("access_token").asText();
        }
    }

    /** A user's OAuth token from the authorization-code grant (the emulator approves the consumer's owner). */
    private static String userToken(Emulator bb, String consumer) throws Exception {
        try (HttpTransport http =
                HttpTransport.builder().retryPolicy(RetryPolicy.none()).build()) {
            String key = bb.credential(consumer).key();
            Response authorize = http.exchange(Request.get(URI.create(
                            bb.baseUrl() + "/site/oauth2/authorize?client_id=" + key + "&response_type=code"))
                    .build());
            String location = authorize.header("Location").orElseThrow();
            String code = location.substring(location.indexOf("code=") + 5).split("&")[0];
            Response r = http.exchange(Request.postForm(
                            URI.create(bb.baseUrl() + "/site/oauth2/access_token"),
                            "grant_type=authorization_code&code=" + code)
                    .header("Authorization", basic(key, bb.secret(consumer)))
                    .build());
            return JSON.readTree(r.body()).path("access_token").asText();
        }
    }

    /** A refresh token used twice: refresh tokens rotate, so the second use is refused (auth.md §2.5). */
    private static Response reusedRefreshToken(HttpTransport http, Emulator bb, String consumer) throws Exception {
        String key = bb.credential(consumer).key();
        String auth = basic(key, bb.secret(consumer));
        URI tokenUrl = URI.create(bb.baseUrl() + "/site/oauth2/access_token");
        Response authorize = http.exchange(Request.get(
                        URI.create(bb.baseUrl() + "/site/oauth2/authorize?client_id=" + key + "&response_type=code"))
                .build());
        String location = authorize.header("Location").orElseThrow();
        String code = location.substring(location.indexOf("code=") + 5).split("&")[0];
        Response first = http.exchange(Request.postForm(tokenUrl, "grant_type=authorization_code&code=" + code)
                .header("Authorization", auth)
                .build());
        String refresh = JSON.readTree(first.body()).path("refresh_token").asText();
        http.exchange(Request.postForm(tokenUrl, "grant_type=refresh_token&refresh_token=" + refresh)
                .header("Authorization", auth)
                .build());
        return http.exchange(Request.postForm(tokenUrl, "grant_type=refresh_token&refresh_token=" + refresh)
                .header("Authorization", auth)
                .build());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String fill(String text, Emulator bb) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = m.group().equals("{email}")
                    ? EMAIL
                    : m.group().equals("{username}")
                            ? USERNAME
                            : m.group(1).equals("secret")
                                    ? bb.secret(m.group(2))
                                    : bb.credential(m.group(2)).key();
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static List<String> secretsOf(JsonNode setup, Emulator bb) {
        List<String> out = new ArrayList<>();
        if (setup.path("credential").has("secret")) {
            out.add(bb.secret(setup.path("credential").path("secret").asText()));
        }
        setup.path("env").fields().forEachRemaining(e -> {
            Matcher m = PLACEHOLDER.matcher(e.getValue().asText());
            while (m.find()) {
                if ("secret".equals(m.group(1))) {
                    out.add(bb.secret(m.group(2)));
                }
            }
        });
        return out;
    }
}
