package dev.bbpush.emulator.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.Http;
import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.World;
import dev.bbpush.emulator.world.WorldLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The emulator's log explains every refusal: the rule that fired and the credential's name, never the secret."
 * The emulator runs in its own JVM ({@link EmulatorProcessMain}) with the test logging configuration, its stderr
 * goes to a file, and the test reads that file after the process has ended, so nothing races and the test JVM's
 * own streams stay untouched.
 */
class RefusalLogTest {
    private static final String EMAIL = "rahul@acme.example";
    private static final String UNKNOWN_SECRET = "ATATT3xNotATokenThisEmulatorIssued0123456789";

    @TempDir
    Path tmp;

    @Test
    void everyRefusalIsLoggedWithRuleAndCredentialNameAndNoSecret() throws Exception {
        World world = WorldLoader.load("demo");
        Path log = tmp.resolve("emulator.log");
        Process emulator = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        EmulatorProcessMain.class.getName(),
                        "demo")
                .redirectError(log.toFile())
                .start();
        List<String> authorizations = new ArrayList<>();
        try {
            String base = "http://127.0.0.1:" + readPort(emulator);
            String api = base + "/2.0";
            List<Integer> statuses = new ArrayList<>();
            statuses.add(get(api + "/user", basic(authorizations, "rahul-dev", secret(world, "rahul-app-password"))));
            statuses.add(get(
                    api + "/repositories/acme/infra/commits",
                    basic(authorizations, "rahul-dev", secret(world, "rahul-api-token"))));
            statuses.add(get(api + "/user", "Bearer " + secret(world, "rahul-api-token")));
            statuses.add(get(
                    api + "/repositories/acme/infra",
                    basic(authorizations, EMAIL, secret(world, "rahul-write-only-token"))));
            statuses.add(get(api + "/repositories/acme/infra", basic(authorizations, EMAIL, UNKNOWN_SECRET)));
            statuses.add(Http.postMultipart(
                            api + "/repositories/globex/platform/src",
                            basic(authorizations, EMAIL, secret(world, "rahul-api-token")),
                            MultipartEntityBuilder.create()
                                    .addBinaryBody(
                                            "a.tf",
                                            "x".getBytes(StandardCharsets.UTF_8),
                                            ContentType.APPLICATION_OCTET_STREAM,
                                            "a.tf"))
                    .status());
            String refs = base + "/acme/infra.git/info/refs?service=git-upload-pack";
            statuses.add(get(refs, basic(authorizations, "rahul-dev", secret(world, "rahul-app-password"))));
            statuses.add(get(refs, basic(authorizations, "rahul-dev", secret(world, "rahul-account-password"))));
            statuses.add(get(refs, basic(authorizations, "alex-ops", secret(world, "alex-api-token"))));
            Credential consumer = world.credential("acme-agent").orElseThrow();
            statuses.add(get(refs, basic(authorizations, consumer.key(), consumer.secret())));
            // A token pasted into the username field.
            statuses.add(get(api + "/user", basic(authorizations, secret(world, "rahul-api-token"), "x")));
            statuses.add(get(refs, basic(authorizations, secret(world, "infra-repo-token"), "x")));
            assertThat(statuses).containsExactly(401, 401, 401, 403, 401, 403, 410, 401, 403, 401, 401, 401);
        } finally {
            emulator.getOutputStream().close();
            if (!emulator.waitFor(60, TimeUnit.SECONDS)) {
                emulator.destroyForcibly();
            }
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(text)
                .contains("REST 401 refused by rule app-password-removed for rahul-app-password")
                .contains("REST 401 refused by rule api-token-identity for rahul-api-token")
                .contains("REST 401 refused by rule api-token-as-bearer for rahul-api-token")
                .contains("REST 403 refused by rule missing-scope for rahul-write-only-token")
                .contains("REST 403 refused by rule ip-allowlist for rahul-api-token")
                .contains("Git 410 refused by rule app-password-removed for rahul-app-password")
                .contains("Git 401 refused by rule account-password for account password of rahul-dev")
                .contains("Git 403 refused by rule no-repository-access for alex-api-token")
                .contains("Git 401 refused by rule oauth-consumer-as-git-user for acme-agent");
        assertThat(text).containsPattern("REST 401 refused by rule [a-z-]+ for [^\\n]*" + EMAIL);
        for (Credential c : world.credentials()) {
            assertThat(text).as("log never shows the secret of %s", c.name()).doesNotContain(c.secret());
        }
        assertThat(text).doesNotContain(UNKNOWN_SECRET);
        for (String authorization : authorizations) {
            assertThat(text).doesNotContain(authorization.substring("Basic ".length()));
        }
    }

    private static String secret(World world, String name) {
        return world.credential(name).orElseThrow().secret();
    }

    private static String basic(List<String> sent, String user, String secret) {
        String value = Http.basic(user, secret);
        sent.add(value);
        return value;
    }

    private static int get(String url, String authorization) {
        return Http.get(url, authorization).status();
    }

    private static int readPort(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("the emulator process printed its port").isNotNull().matches("\\d+");
        return Integer.parseInt(line);
    }
}
