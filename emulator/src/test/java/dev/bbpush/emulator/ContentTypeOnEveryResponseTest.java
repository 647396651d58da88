package dev.bbpush.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.api.ApiRoutes;
import dev.bbpush.emulator.auth.OAuthServlet;
import dev.bbpush.emulator.control.ControlServlet;
import dev.bbpush.emulator.http.DefaultContentType;
import dev.bbpush.emulator.http.Route;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.junit.jupiter.api.Test;

/**
 * Every answer of the emulator carries a {@code Content-Type}, as Bitbucket's always does: every REST route of the real
 * route table (called as an entitled caller, a caller without access, a caller without the scope, anonymously and with a
 * method the path does not serve), every control endpoint, every OAuth endpoint, Git smart HTTP and the root's non-Git
 * paths.
 */
@BitbucketEmulatorTest(world = "demo")
class ContentTypeOnEveryResponseTest {
    private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");
    /** Values for the route templates' variables in the demo world; others get "x" (a 404 is an answer too). */
    private static final Map<String, String> VALUES = Map.of(
            "workspace", "acme",
            "repo_slug", "infra",
            "commit", "main",
            "path", "README.md",
            "revision", "main",
            "spec", "main",
            "name", "walk",
            "email", "rahul@acme.example",
            "pull_request_id", "1");

    private final List<String> missing = new ArrayList<>();
    private final TreeSet<Integer> statuses = new TreeSet<>();

    @Test
    void everyRouteAnswersWithAContentTypeWhateverTheOutcome(Emulator bb) {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("alex (no access to acme/infra)", Http.basic("alex@acme.example", bb.secret("alex-api-token")));
        callers.put(
                "write-only token (no read scope)",
                Http.basic("rahul@acme.example", bb.secret("rahul-write-only-token")));
        callers.put("rahul", SrcCommitTest.rahul(bb));
        String rahul = callers.get("rahul");

        List<Route> routes = ApiRoutes.build(bb.context()).routes();
        assertThat(routes).hasSizeGreaterThan(25);
        for (Route route : routes) {
            String url = bb.apiUrl() + concrete(route.template());
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                if (route.method().equals("DELETE") && caller.getValue() == rahul) {
                    // A branch to delete, so the entitled DELETE answers 204.
                    call(
                            bb,
                            "POST",
                            bb.apiUrl() + "/repositories/acme/infra/refs/branches",
                            rahul,
                            "application/json",
                            "{\"name\":\"walk\",\"target\":{\"hash\":\"main\"}}",
                            "setup");
                }
                call(bb, route.method(), url, caller.getValue(), bodyType(route), body(route), caller.getKey());
            }
            call(bb, "PUT", url, rahul, null, null, "rahul, a method the path does not serve");
        }
        call(bb, "GET", bb.apiUrl() + "/no/such/endpoint", rahul, null, null, "rahul");
        // A path Jetty refuses before any servlet runs.
        call(bb, "GET", bb.apiUrl() + "/repositories/acme/%00", rahul, null, null, "rahul");

        String key = bb.credential("acme-agent").key();
        String consumer = Http.basic(key, bb.secret("acme-agent"));
        for (String endpoint : new OAuthServlet(bb.context()).endpoints()) {
            String[] mp = endpoint.split(" ", 2);
            call(bb, mp[0], bb.baseUrl() + mp[1], null, null, null, "anonymous");
            call(
                    bb,
                    mp[0],
                    bb.baseUrl() + mp[1] + "?client_id=" + key + "&response_type=code&grant_type=client_credentials",
                    consumer,
                    null,
                    null,
                    "the OAuth consumer");
        }
        call(bb, "GET", bb.baseUrl() + "/site/oauth2/nothing", null, null, null, "anonymous");

        String advertisement = bb.gitUrl("acme", "infra") + "/info/refs?service=git-upload-pack";
        String gitRahul = Http.basic("x-bitbucket-api-token-auth", bb.secret("rahul-api-token"));
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            call(bb, "GET", advertisement, caller.getValue(), null, null, caller.getKey());
        }
        call(bb, "GET", advertisement, gitRahul, null, null, "rahul as Git user");
        call(
                bb,
                "POST",
                bb.gitUrl("acme", "infra") + "/git-upload-pack",
                gitRahul,
                "application/x-git-upload-pack-request",
                "",
                "rahul as Git user");
        call(
                bb,
                "GET",
                bb.gitUrl("acme", "nothing") + "/info/refs?service=git-upload-pack",
                rahul,
                null,
                null,
                "rahul");
        call(bb, "GET", bb.baseUrl() + "/repositories/acme/infra", rahul, null, null, "rahul");
        call(bb, "GET", bb.baseUrl() + "/nothing/here", null, null, null, "anonymous");

        // Last: the control API's POST /reset starts the world over.
        ControlServlet control = new ControlServlet(bb.context(), bb.journal(), bb.faults(), bb::reset);
        for (String endpoint : control.endpoints()) {
            String[] mp = endpoint.split(" ", 2);
            String url = bb.baseUrl() + mp[1].replace("{id}", "999999");
            call(
                    bb,
                    mp[0],
                    url,
                    null,
                    mp[0].equals("POST") ? "application/json" : null,
                    mp[0].equals("POST") ? "{}" : null,
                    "loopback");
        }
        call(bb, "GET", bb.baseUrl() + "/_emulator/nothing", null, null, null, "loopback");

        assertThat(missing).as("responses without a Content-Type").isEmpty();
        // The walk reached the answers that have no body or no JSON: created, deleted, redirected, refused.
        assertThat(statuses).contains(200, 201, 204, 302, 400, 401, 403, 404, 405);
    }

    @Test
    void emptyAnswersAreTypedAsBitbucketsDefaultAndJsonAndGitKeepTheirOwnTypes(Emulator bb) {
        String rahul = SrcCommitTest.rahul(bb);

        Http.Response created =
                Http.postForm(bb.apiUrl() + "/repositories/acme/infra/src", rahul, "message=m&%2Fa.txt=a");
        Http.Response redirect = Http.get(bb.apiUrl() + "/repositories/acme/infra/src", rahul);
        Http.Response challenge = Http.get(bb.apiUrl() + "/user", null);
        Http.Response user = Http.get(bb.apiUrl() + "/user", rahul);
        // Git over HTTPS takes an API token with the username x-bitbucket-api-token-auth.
        Http.Response git = Http.get(
                bb.gitUrl("acme", "infra") + "/info/refs?service=git-upload-pack",
                Http.basic("x-bitbucket-api-token-auth", bb.secret("rahul-api-token")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).isEmpty();
        assertThat(created.header("Content-Type")).isEqualTo(DefaultContentType.EMPTY_BODY);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Content-Type")).isEqualTo(DefaultContentType.EMPTY_BODY);
        assertThat(challenge.status()).isEqualTo(401);
        assertThat(challenge.header("Content-Type")).isEqualTo(DefaultContentType.EMPTY_BODY);
        assertThat(user.header("Content-Type")).startsWith("application/json");
        assertThat(git.header("Content-Type")).isEqualTo("application/x-git-upload-pack-advertisement");
    }

    private void call(
            Emulator bb, String method, String url, String authorization, String contentType, String body, String who) {
        BasicClassicHttpRequest req = new BasicClassicHttpRequest(method, url);
        if (authorization != null) {
            req.setHeader("Authorization", authorization);
        }
        if (body != null) {
            req.setEntity(new StringEntity(body, ContentType.parse(contentType).withCharset(StandardCharsets.UTF_8)));
        }
        Http.Response r = Http.send(req);
        statuses.add(r.status());
        String type = r.header("Content-Type");
        if (type == null || type.isBlank()) {
            missing.add(method + " " + url.substring(bb.baseUrl().toString().length()) + " as " + who + " -> "
                    + r.status());
        }
    }

    private static String concrete(String template) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(VALUES.getOrDefault(m.group(1), "x")));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** POST …/src gets a one-file commit (201); other POSTs an empty JSON object. */
    private static String body(Route route) {
        if (!route.method().equals("POST")) {
            return null;
        }
        return route.template().endsWith("/src") ? "message=walk&%2Fwalk.txt=walk" : "{}";
    }

    private static String bodyType(Route route) {
        if (!route.method().equals("POST")) {
            return null;
        }
        return route.template().endsWith("/src") ? "application/x-www-form-urlencoded" : "application/json";
    }
}
