package dev.bbpush.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.http.Request;
import dev.bbpush.client.http.RetryPolicy;
import dev.bbpush.emulator.Emulator;
import dev.bbpush.emulator.control.Fault;
import dev.bbpush.emulator.junit.BitbucketEmulatorTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Drives every failure path once with real secrets and checks that no exception message, {@code toString()} or listener
 * event contains a secret (or the base64 of a Basic credential).
 */
@BitbucketEmulatorTest(world = "demo")
class NoSecretLeakTest {

    @Test
    void noMessageToStringOrEventContainsASecret(Emulator bb) {
        String apiToken = bb.secret("rahul-api-token");
        String oauthSecret = "oauthsecretoauthsecretoauthsecret";
        String accessToken = "ATCTT3xleakleakleakleakleakleak";
        String appPassword = bb.secret("rahul-app-password");
        List<String> secrets = List.of(
                apiToken,
                oauthSecret,
                accessToken,
                appPassword,
                base64("rahul-dev:" + appPassword),
                base64("rahul-dev:" + apiToken),
                base64("rahul@acme.example:" + apiToken),
                base64("key:" + oauthSecret));
        List<String> shown = new ArrayList<>();
        RecordingListener listener = new RecordingListener();
        RetryPolicy fast = RetryPolicy.builder().sleeper(d -> {}).build();

        // 401 from the emulator: API token sent with the username.
        try (BitbucketClient c = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .retryPolicy(fast)
                .credentials(Credentials.apiToken("rahul-dev", apiToken))
                .build()) {
            shown.add(c.toString());
            collect(shown, () -> c.repository("acme", "infra"));
            shown.add(c.http()
                    .exchange(Request.get(c.endpoint("repositories", "acme", "infra"))
                            .build())
                    .toString());
        }

        // Refusals and failures from the emulator's fault API, with a Bearer token.
        bb.faults()
                .add(
                        Fault.onAnyMethod("^/2.0/repositories/acme/infra$")
                                .times(1)
                                .respond(
                                        403,
                                        "{\"type\":\"error\",\"error\":{\"message\":\"Your credentials lack one or more required privilege scopes.\","
                                                + "\"detail\":{\"granted\":[],\"required\":[\"write:repository:bitbucket\"]}}}"));
        bb.faults().add(Fault.on("POST", "/refs/branches$").times(1).resetBefore());
        bb.faults()
                .add(Fault.onAnyMethod("^/2.0/repositories/acme/infra$")
                        .times(1)
                        .rateLimit(Duration.ofSeconds(9999)));
        try (BitbucketClient c = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .credentials(Credentials.accessToken(accessToken))
                .build()) {
            shown.add(c.toString());
            shown.add(c.gitCredentials().toString());
            collect(shown, () -> c.repository("acme", "infra"));
            collect(shown, () -> c.createBranch("acme", "infra", "x", "main"));
            collect(shown, () -> c.repository("acme", "infra"));
        }
        // The emulator's token endpoint refusing a wrong consumer secret; an API token sent as Bearer; an app password.
        try (BitbucketClient c = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .credentials(Credentials.oauthClientCredentials("key", oauthSecret))
                .build()) {
            shown.add(c.toString());
            collect(shown, c::currentUser);
        }
        try (BitbucketClient c = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .credentials(Credentials.accessToken(apiToken))
                .build()) {
            collect(shown, () -> c.repository("acme", "infra"));
        }
        try (BitbucketClient c = BitbucketClient.builder()
                .apiUrl(bb.apiUrl())
                .listener(listener)
                .credentials(Credentials.appPassword("rahul-dev", appPassword))
                .build()) {
            collect(shown, () -> c.repository("acme", "infra"));
        }

        // Credential chain stories.
        Map<String, String> env = Map.of(
                "BBPUSH_API_TOKEN",
                apiToken,
                "BITBUCKET_ACCESS_TOKEN",
                "\"" + accessToken + "\"",
                "BBPUSH_OAUTH_CLIENT_SECRET",
                oauthSecret);
        var resolution = CredentialChain.standard(
                        CredentialFlags.builder().tokenStdin(true).build(),
                        Environment.of(env),
                        new ByteArrayInputStream(apiToken.getBytes(StandardCharsets.UTF_8)))
                .resolveAll();
        shown.add(resolution.toString());
        resolution.outcomes().forEach(o -> shown.add(o.describe()));
        shown.add(CredentialChain.standard(
                        CredentialFlags.none(),
                        Environment.of(Map.of("BBPUSH_API_TOKEN", apiToken)),
                        new ByteArrayInputStream(new byte[0]))
                .resolveAll()
                .failureMessage());
        shown.add(Environment.of(env).toString());

        listener.events().forEach(e -> shown.add(e.toString()));

        assertThat(shown).hasSizeGreaterThan(20);
        for (String s : shown) {
            for (String secret : secrets) {
                assertThat(s).as("shown text must not contain a secret").doesNotContain(secret);
            }
        }
    }

    private static void collect(List<String> shown, Runnable call) {
        try {
            call.run();
            shown.add("no exception");
        } catch (RuntimeException e) {
            shown.add(e.getMessage());
            shown.add(e.toString());
        }
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
