package dev.bbpush.emulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.git.GitCli;
import dev.bbpush.emulator.http.Json;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import dev.bbpush.emulator.world.Credential;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hc.client5.http.classic.methods.HttpDelete;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The control API under /_emulator/, over real HTTP. */
@BitbucketEmulatorTest(world = "demo")
class ControlApiTest {
    @TempDir
    Path tmp;

    private static String control(Emulator bb, String path) {
        return bb.baseUrl() + "/_emulator/" + path;
    }

    private static String rahul(Emulator bb) {
        return Http.basic("rahul@acme.example", bb.secret("rahul-api-token"));
    }

    private static Http.Response getInfra(Emulator bb) {
        return Http.get(bb.apiUrl() + "/repositories/acme/infra", rahul(bb));
    }

    private static JsonNode addFault(Emulator bb, String json) {
        Http.Response r = Http.postJson(control(bb, "faults"), null, json);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0);
    }

    private static Http.Response delete(String url) {
        return Http.send(new HttpDelete(url));
    }

    private static JsonNode lastRequest(Emulator bb) {
        JsonNode all = Http.get(control(bb, "requests"), null).json();
        return all.get(all.size() - 1);
    }

    // --- world and credentials ---

    @Test
    void worldSummaryDescribesAccountsWorkspacesAndRepositoriesWithoutSecrets(Emulator bb) {
        Http.Response r = Http.get(control(bb, "world"), null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode w = r.json();
        assertThat(w.path("name").asText()).isEqualTo("demo");
        assertThat(w.path("accounts").findValuesAsText("username")).contains("rahul-dev", "alex-ops");
        JsonNode globex = w.path("workspaces").get(1);
        assertThat(globex.path("slug").asText()).isEqualTo("globex");
        assertThat(globex.path("policies").path("ip_allowlist").get(0).asText()).isEqualTo("203.0.113.0/24");
        assertThat(w.path("repositories").findValuesAsText("full_name"))
                .contains("acme/infra", "acme/empty", "globex/platform");
        assertThat(w.path("repositories").get(0).path("clone_url").asText()).isEqualTo(bb.gitUrl("acme", "infra"));
        assertThat(w.path("settings").path("app_passwords").asText()).isEqualTo("removed");
        for (Credential c : bb.world().credentials()) {
            assertThat(r.text()).as(c.name()).doesNotContain(c.secret());
        }
    }

    @Test
    void credentialsListEverySecretWithKindOwnerAndScopes(Emulator bb) {
        Http.Response r = Http.get(control(bb, "credentials"), null);

        assertThat(r.status()).isEqualTo(200);
        JsonNode creds = r.json();
        assertThat(creds).hasSize(bb.world().credentials().size());
        for (JsonNode c : creds) {
            Credential expected = bb.credential(c.path("name").asText());
            assertThat(c.path("secret").asText()).isEqualTo(expected.secret());
            assertThat(c.path("kind").asText()).isEqualTo(expected.kind().wire());
            assertThat(c.path("scopes")).hasSize(expected.scopes().size());
            assertThat(c.has("owner") && c.has("resource") && c.has("key") && c.has("expires"))
                    .isTrue();
        }
        JsonNode token = find(creds, "rahul-api-token");
        assertThat(token.path("owner").asText()).isEqualTo("rahul-dev");
        assertThat(token.path("kind").asText()).isEqualTo("api_token");
        assertThat(find(creds, "acme-agent").path("key").asText()).isNotBlank();
        assertThat(Instant.parse(
                        find(creds, "rahul-expired-token").path("expires").asText()))
                .isNotNull();
    }

    private static JsonNode find(JsonNode creds, String name) {
        for (JsonNode c : creds) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no credential " + name);
    }

    // --- reset ---

    @Test
    void resetReseedsRepositoriesAndClearsJournalFaultsAndClock(Emulator bb) throws IOException {
        try (Repository db = new FileRepositoryBuilder()
                .setGitDir(bb.context().store().pathOf("acme", "infra").toFile())
                .build()) {
            RefUpdate ru = db.updateRef("refs/heads/feature");
            ru.setNewObjectId(db.resolve("refs/heads/main"));
            assertThat(ru.update()).isEqualTo(RefUpdate.Result.NEW);
        }
        getInfra(bb);
        addFault(bb, "{\"path\":\"/nothing-matches-this\",\"action\":\"status\",\"status\":500}");
        Http.postJson(control(bb, "clock"), null, "{\"now\":\"2030-01-01T00:00:00Z\"}");

        Http.Response r = Http.postJson(control(bb, "reset"), null, "{}");

        assertThat(r.status()).isEqualTo(204);
        try (Repository db = new FileRepositoryBuilder()
                .setGitDir(bb.context().store().pathOf("acme", "infra").toFile())
                .build()) {
            assertThat(db.exactRef("refs/heads/feature")).isNull();
            assertThat(db.exactRef("refs/heads/main")).isNotNull();
        }
        assertThat(Http.get(control(bb, "requests"), null).json()).isEmpty();
        assertThat(Http.get(control(bb, "faults"), null).json()).isEmpty();
        Instant now = Instant.parse(
                Http.get(control(bb, "clock"), null).json().path("now").asText());
        assertThat(Duration.between(Instant.now(), now).abs()).isLessThan(Duration.ofMinutes(5));
    }

    // --- journal ---

    @Test
    void journalRecordsRequestsWithMaskedAuthorization(Emulator bb) {
        Http.get(bb.apiUrl() + "/repositories/acme?pagelen=1", rahul(bb));

        JsonNode e = lastRequest(bb);
        assertThat(e.path("method").asText()).isEqualTo("GET");
        assertThat(e.path("path").asText()).isEqualTo("/2.0/repositories/acme");
        assertThat(e.path("query").asText()).isEqualTo("pagelen=1");
        assertThat(e.path("status").asInt()).isEqualTo(200);
        assertThat(e.path("headers").path("Authorization").asText()).isEqualTo("Basic rahul@acme.example:****");
        assertThat(e.path("remoteAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(e.path("durationMs").asLong()).isNotNegative();
        assertThat(e.path("fault").isNull()).isTrue();
    }

    @Test
    void journalRecordsGitRequestsAndNotControlRequests(Emulator bb) {
        Http.get(bb.baseUrl() + "/acme/infra.git/info/refs?service=git-upload-pack", null);
        Http.get(control(bb, "world"), null);

        JsonNode all = Http.get(control(bb, "requests"), null).json();
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("path").asText()).isEqualTo("/acme/infra.git/info/refs");
        assertThat(all.get(0).path("status").asInt()).isEqualTo(401);
    }

    @Test
    void journalNeverContainsASecret(Emulator bb) {
        for (Credential c : bb.world().credentials()) {
            String s = c.secret();
            Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic("rahul@acme.example", s));
            Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic(s, "x"));
            Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.bearer(s));
            Http.get(bb.apiUrl() + "/repositories/acme/infra?access_token=" + s, null);
            Http.get(bb.baseUrl() + "/acme/infra.git/info/refs?service=git-upload-pack", Http.basic("x-token-auth", s));
            Http.postForm(
                    bb.baseUrl() + "/site/oauth2/access_token",
                    Http.basic(c.key() == null ? "k" : c.key(), s),
                    "grant_type=client_credentials&client_secret=" + s);
        }
        // Secrets the world does not know: a token typed into the username, and a percent-encoded parameter name.
        String stranger = "ATATT3xFfGF0notAWorldSecret0123456789";
        Http.get(bb.apiUrl() + "/repositories/acme/infra", Http.basic(stranger, "x"));
        Http.get(bb.apiUrl() + "/repositories/acme/infra?access%5Ftoken=" + stranger + "Q", null);
        Http.get(bb.apiUrl() + "/repositories/acme/infra?%61ccess_token=" + stranger + "R", null);

        Http.Response journal = Http.get(control(bb, "requests"), null);
        assertThat(journal.json().size()).isEqualTo(6 * bb.world().credentials().size() + 3);
        for (Credential c : bb.world().credentials()) {
            assertThat(journal.text()).as(c.name()).doesNotContain(c.secret());
        }
        assertThat(journal.text()).doesNotContain(stranger);
        // Known identities stay readable: they show which identity form a client sent.
        assertThat(journal.text()).contains("Basic rahul@acme.example:****", "Basic x-token-auth:****");
    }

    @Test
    void clockAdvanceThatWouldOverflowIs400AndLeavesTheClockWorking(Emulator bb) {
        Http.Response r = Http.postJson(control(bb, "clock"), null, "{\"advanceSeconds\": 9223372036854775000}");

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").has("advanceSeconds")).isTrue();
        assertThat(Http.get(control(bb, "clock"), null).status()).isEqualTo(200);
        assertThat(getInfra(bb).status()).isEqualTo(200);
    }

    @Test
    void bodyThatIsNotUtf8JsonIs400(Emulator bb) {
        Http.Response r = Http.postRaw(control(bb, "clock"), null, "application/json", new byte[] {
            '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'
        });

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
    }

    @Test
    void journalKeepsTheLastThousandRequests(Emulator bb) {
        for (int i = 0; i < Journal.CAPACITY + 5; i++) {
            Http.get(bb.apiUrl() + "/repositories/acme/infra?i=" + i, null);
        }

        JsonNode all = Http.get(control(bb, "requests"), null).json();
        assertThat(all).hasSize(Journal.CAPACITY);
        assertThat(all.get(0).path("query").asText()).isEqualTo("i=5");
        assertThat(Http.get(control(bb, "requests?limit=2"), null).json()).hasSize(2);
    }

    @Test
    void deletingRequestsClearsTheJournal(Emulator bb) {
        getInfra(bb);

        assertThat(delete(control(bb, "requests")).status()).isEqualTo(204);

        assertThat(Http.get(control(bb, "requests"), null).json()).isEmpty();
        assertThat(bb.journal().entries()).isEmpty();
    }

    // --- faults ---

    @Test
    void statusFaultAnswersWithBitbucketEnvelopeThenExpires(Emulator bb) {
        addFault(
                bb,
                "{\"method\":\"GET\",\"path\":\"^/2.0/repositories/acme/infra$\",\"action\":\"status\",\"status\":503,\"count\":1}");

        Http.Response first = getInfra(bb);
        Http.Response second = getInfra(bb);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.json().path("type").asText()).isEqualTo("error");
        assertThat(first.json().path("error").path("message").asText()).isEqualTo("Service Unavailable");
        assertThat(second.status()).isEqualTo(200);
        assertThat(Http.get(control(bb, "faults"), null).json()).isEmpty();
        assertThat(bb.journal().entries().get(0).fault()).isEqualTo("status");
    }

    @Test
    void statusFaultSendsTheGivenBody(Emulator bb) {
        addFault(
                bb,
                "{\"path\":\"/repositories/acme/infra\",\"action\":\"status\",\"status\":500,\"body\":\"upstream exploded\"}");

        Http.Response r = getInfra(bb);

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.text()).isEqualTo("upstream exploded");
        assertThat(getInfra(bb).status()).as("no count: unlimited").isEqualTo(500);
    }

    @Test
    void faultForAnotherMethodDoesNotApply(Emulator bb) {
        addFault(
                bb, "{\"method\":\"POST\",\"path\":\"/repositories/acme/infra\",\"action\":\"status\",\"status\":500}");

        assertThat(getInfra(bb).status()).isEqualTo(200);
    }

    @Test
    void rateLimitFaultAnswers429WithRetryAfter(Emulator bb) {
        addFault(bb, "{\"path\":\"/repositories/\",\"action\":\"rate-limit\",\"retryAfter\":30,\"count\":2}");

        Http.Response r = getInfra(bb);

        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("30");
        assertThat(r.json().path("error").path("message").asText())
                .isEqualTo("Rate limit for this resource has been exceeded");
        JsonNode remaining = Http.get(control(bb, "faults"), null).json().get(0);
        assertThat(remaining.path("remaining").asInt()).isEqualTo(1);
        assertThat(remaining.path("count").asInt()).isEqualTo(2);
    }

    @Test
    void latencyFaultStillHandlesTheRequest(Emulator bb) {
        addFault(bb, "{\"path\":\"/repositories/acme/infra\",\"action\":\"latency\",\"latencyMs\":50,\"count\":1}");

        Http.Response r = getInfra(bb);

        assertThat(r.status()).isEqualTo(200);
        assertThat(lastRequest(bb).path("fault").asText()).isEqualTo("latency");
    }

    @Test
    void resetBeforeFaultBreaksTheConnectionWithoutHandling(Emulator bb) {
        addFault(bb, "{\"path\":\"/repositories/acme/infra\",\"action\":\"reset-before\",\"count\":1}");

        assertThatThrownBy(() -> getInfra(bb)).isInstanceOf(UncheckedIOException.class);

        JsonNode e = lastRequest(bb);
        assertThat(e.path("fault").asText()).isEqualTo("reset-before");
        assertThat(e.path("status").asInt()).isZero();
        assertThat(getInfra(bb).status()).isEqualTo(200);
    }

    @Test
    void commitThenResetAppliesThePushButTheClientSeesAFailure(Emulator bb) throws IOException {
        GitCli git = new GitCli(Files.createDirectories(tmp.resolve("home")));
        String url = "http://rahul-dev:" + bb.secret("rahul-api-token") + "@127.0.0.1:" + bb.port() + "/acme/infra.git";
        Path work = tmp.resolve("infra");
        git.run(tmp, "clone", url, work.toString()).assertOk();
        Files.writeString(work.resolve("pushed.txt"), "applied\n");
        git.run(work, "add", "pushed.txt").assertOk();
        git.run(work, "commit", "-q", "-m", "Push under fault").assertOk();
        ObjectId local = ObjectId.fromString(
                git.run(work, "rev-parse", "HEAD").assertOk().stdout().trim());
        addFault(
                bb,
                "{\"method\":\"POST\",\"path\":\"/git-receive-pack$\",\"action\":\"commit-then-reset\",\"count\":1}");

        GitCli.Result push = git.run(work, "push", "origin", "main");

        assertThat(push.exitCode()).as(push.stderr()).isNotZero();
        try (Repository db = new FileRepositoryBuilder()
                .setGitDir(bb.context().store().pathOf("acme", "infra").toFile())
                .build()) {
            assertThat(db.resolve("refs/heads/main")).as("the push was applied").isEqualTo(local);
        }
        // libcurl resends a request whose reused connection died without a response; the resend finds the
        // branch already moved, which is exactly the ambiguity this fault exists to exercise.
        JsonNode faulted = null;
        for (JsonNode e : Http.get(control(bb, "requests"), null).json()) {
            if ("commit-then-reset".equals(e.path("fault").asText())) {
                faulted = e;
            }
        }
        assertThat(faulted).isNotNull();
        assertThat(faulted.path("path").asText()).isEqualTo("/acme/infra.git/git-receive-pack");
        assertThat(faulted.path("status").asInt()).isEqualTo(200);
    }

    @Test
    void commitThenResetGivesAnHttpClientNoStatus(Emulator bb) {
        addFault(
                bb,
                "{\"method\":\"GET\",\"path\":\"^/2.0/repositories/acme/infra$\",\"action\":\"commit-then-reset\"}");

        assertThatThrownBy(() -> getInfra(bb)).isInstanceOf(UncheckedIOException.class);

        assertThat(lastRequest(bb).path("status").asInt()).isEqualTo(200);
    }

    @Test
    void faultsDoNotApplyToTheControlApi(Emulator bb) {
        addFault(bb, "{\"path\":\".*\",\"action\":\"status\",\"status\":500}");

        assertThat(Http.get(control(bb, "faults"), null).status()).isEqualTo(200);
        assertThat(getInfra(bb).status()).isEqualTo(500);
    }

    @Test
    void faultsCanBeListedAndDeleted(Emulator bb) {
        JsonNode one = addFault(bb, "{\"path\":\"/a\",\"action\":\"status\",\"status\":500}");
        addFault(bb, "{\"path\":\"/b\",\"action\":\"reset-before\"}");

        assertThat(Http.get(control(bb, "faults"), null).json()).hasSize(2);
        assertThat(delete(control(bb, "faults/" + one.path("id").asInt())).status())
                .isEqualTo(204);
        assertThat(Http.get(control(bb, "faults"), null).json()).hasSize(1);
        assertThat(delete(control(bb, "faults")).status()).isEqualTo(204);
        assertThat(Http.get(control(bb, "faults"), null).json()).isEmpty();
        assertThat(delete(control(bb, "faults/999")).status()).isEqualTo(404);
    }

    @Test
    void arrayOfFaultsIsAddedWhole(Emulator bb) {
        Http.Response r = Http.postJson(
                control(bb, "faults"),
                null,
                "[{\"path\":\"/a\",\"action\":\"latency\",\"latencyMs\":1},{\"path\":\"/b\",\"action\":\"rate-limit\"}]");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json()).hasSize(2);
    }

    @Test
    void invalidFaultIs400NamingTheField(Emulator bb) {
        Http.Response noAction = Http.postJson(control(bb, "faults"), null, "{\"path\":\"/x\"}");
        Http.Response badRegex =
                Http.postJson(control(bb, "faults"), null, "{\"path\":\"(\",\"action\":\"status\",\"status\":500}");
        Http.Response badStatus = Http.postJson(control(bb, "faults"), null, "{\"path\":\"/x\",\"action\":\"status\"}");
        Http.Response badJson = Http.postJson(control(bb, "faults"), null, "{nope");
        Http.Response halfBad = Http.postJson(
                control(bb, "faults"),
                null,
                "[{\"path\":\"/a\",\"action\":\"rate-limit\"},{\"path\":\"/b\",\"action\":\"explode\"}]");

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.json().path("error").path("fields").has("action")).isTrue();
        assertThat(badRegex.json().path("error").path("fields").has("path")).isTrue();
        assertThat(badStatus.json().path("error").path("fields").has("status")).isTrue();
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(halfBad.status()).isEqualTo(400);
        assertThat(Http.get(control(bb, "faults"), null).json()).isEmpty();
    }

    @Test
    void faultsCanBeScriptedInProcess(Emulator bb) {
        bb.faults()
                .add(Json.obj()
                        .put("path", "/repositories/acme/infra")
                        .put("action", "status")
                        .put("status", 502)
                        .put("count", 1));

        assertThat(getInfra(bb).status()).isEqualTo(502);
        assertThat(getInfra(bb).status()).isEqualTo(200);
    }

    // --- clock ---

    @Test
    void clockCanBeSetAndAdvanced(Emulator bb) {
        Http.Response set = Http.postJson(control(bb, "clock"), null, "{\"now\":\"2026-12-01T00:00:00Z\"}");
        Http.Response advanced = Http.postJson(control(bb, "clock"), null, "{\"advanceSeconds\":86400}");

        assertThat(set.status()).isEqualTo(200);
        Instant afterSet = Instant.parse(set.json().path("now").asText());
        assertThat(Duration.between(Instant.parse("2026-12-01T00:00:00Z"), afterSet))
                .isLessThan(Duration.ofMinutes(1));
        Instant afterAdvance = Instant.parse(
                Http.get(control(bb, "clock"), null).json().path("now").asText());
        assertThat(Duration.between(Instant.parse("2026-12-02T00:00:00Z"), afterAdvance))
                .isLessThan(Duration.ofMinutes(1))
                .isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(advanced.status()).isEqualTo(200);
        assertThat(bb.clock().now()).isAfter(Instant.parse("2026-12-02T00:00:00Z"));
    }

    @Test
    void clockRejectsABadInstant(Emulator bb) {
        Http.Response r = Http.postJson(control(bb, "clock"), null, "{\"now\":\"tomorrow\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").path("fields").has("now")).isTrue();
    }

    @Test
    void unknownControlEndpointIs404(Emulator bb) {
        assertThat(Http.get(control(bb, "nope"), null).status()).isEqualTo(404);
    }

    @Test
    void onlyLoopbackAddressesAreControlCallers() {
        assertThat(ControlServlet.isLoopback("127.0.0.1")).isTrue();
        assertThat(ControlServlet.isLoopback("127.0.0.42")).isTrue();
        assertThat(ControlServlet.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(ControlServlet.isLoopback("203.0.113.7")).isFalse();
        assertThat(ControlServlet.isLoopback("10.1.2.3")).isFalse();
    }
}
