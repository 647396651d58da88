package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.auth.ProviderOutcome.Status;
import dev.bbpush.client.error.NoCredentialsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The standard chain: flags → environment → config file → stdin, with every source's outcome reported. */
class CredentialChainTest {
    private static final String FLAG_TOKEN = "ATATT3xflagflagflagflagflag";
    private static final String ENV_TOKEN = "ATCTT3xenvenvenvenvenvenvenv";
    private static final String FILE_TOKEN = "ATCTT3xfilefilefilefilefile";
    private static final String STDIN_TOKEN = "ATCTT3xstdinstdinstdinstdin";

    @TempDir
    Path home;

    private InputStream stdin(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private void configFile(String content, String mode) throws IOException {
        Path file = home.resolve(".config/bbpush/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    private Map<String, String> env(String... kv) {
        Map<String, String> m = new HashMap<>(Map.of("HOME", home.toString()));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void flagsBeatEnvironmentBeatsConfigFileAndEveryOutcomeIsReported() throws IOException {
        configFile("access_token = " + FILE_TOKEN + "\n", "rw-------");
        CredentialFlags flags = CredentialFlags.builder()
                .email("rahul@acme.example")
                .set(Setting.API_TOKEN, FLAG_TOKEN)
                .tokenStdin(true)
                .build();

        CredentialResolution r = CredentialChain.standard(
                        flags, Environment.of(env("BBPUSH_ACCESS_TOKEN", ENV_TOKEN)), stdin(STDIN_TOKEN))
                .resolveAll();

        assertThat(r.chosen().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.FLAG);
        assertThat(r.chosen().orElseThrow().source().names()).containsExactly("--email", "--api-token");
        assertThat(r.outcomes())
                .extracting(ProviderOutcome::provider)
                .containsExactly("flags", "environment", "config file", "stdin");
        assertThat(r.outcomes())
                .extracting(ProviderOutcome::status)
                .containsExactly(Status.FOUND, Status.FOUND, Status.FOUND, Status.SKIPPED);
        assertThat(r.outcomes().get(3).reason()).contains("not read").contains("flags");
    }

    @Test
    void environmentBeatsConfigFile() throws IOException {
        configFile("access_token = " + FILE_TOKEN + "\n", "rw-------");

        CredentialResolution r = CredentialChain.standard(
                        CredentialFlags.none(), Environment.of(env("BBPUSH_ACCESS_TOKEN", ENV_TOKEN)), stdin(""))
                .resolveAll();

        assertThat(r.chosen().orElseThrow().credentials()).isEqualTo(Credentials.accessToken(ENV_TOKEN));
    }

    @Test
    void configFileIsUsedWhenNothingHigherIsSet() throws IOException {
        configFile("access_token = " + FILE_TOKEN + "\n", "rw-------");

        CredentialResolution r = CredentialChain.standard(CredentialFlags.none(), Environment.of(env()), stdin(""))
                .resolveAll();

        assertThat(r.chosen().orElseThrow().credentials()).isEqualTo(Credentials.accessToken(FILE_TOKEN));
    }

    @Test
    void stdinIsLastAndTakesTheEmailFromTheEnvironment() {
        CredentialResolution r = CredentialChain.standard(
                        CredentialFlags.builder().tokenStdin(true).build(),
                        Environment.of(env("BBPUSH_EMAIL", "rahul@acme.example")),
                        stdin("ATATT3xpipedpipedpipedpiped\n"))
                .resolveAll();

        ResolvedCredentials c = r.chosen().orElseThrow();
        assertThat(c.source().type()).isEqualTo(CredentialSource.Type.STDIN);
        assertThat(c.credentials())
                .isEqualTo(Credentials.apiToken("rahul@acme.example", "ATATT3xpipedpipedpipedpiped"));
        assertThat(r.outcomes().get(1).status()).isEqualTo(Status.SKIPPED);
    }

    /** One row: where the email and the token are set, and what must be sent and reported. */
    record EmailCase(
            String name,
            String flagEmail,
            Map<String, String> env,
            String config,
            String expectedEmail,
            CredentialSource.Type expectedType,
            String expectedEmailName) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<EmailCase> emailCases() {
        String token = "ATATT3xtabletabletabletable";
        return Stream.of(
                new EmailCase(
                        "--email with an environment token",
                        "me@x.example",
                        Map.of("BBPUSH_API_TOKEN", token),
                        null,
                        "me@x.example",
                        CredentialSource.Type.ENVIRONMENT,
                        "--email"),
                new EmailCase(
                        "--email beats the environment's email",
                        "me@x.example",
                        Map.of("BBPUSH_API_TOKEN", token, "BBPUSH_EMAIL", "rahul-dev"),
                        null,
                        "me@x.example",
                        CredentialSource.Type.ENVIRONMENT,
                        "--email"),
                new EmailCase(
                        "--email with a BITBUCKET_API_TOKEN",
                        "me@x.example",
                        Map.of("BITBUCKET_API_TOKEN", token),
                        null,
                        "me@x.example",
                        CredentialSource.Type.ENVIRONMENT,
                        "--email"),
                new EmailCase(
                        "config email with an environment token",
                        null,
                        Map.of("BBPUSH_API_TOKEN", token),
                        "email = file@x.example\n",
                        "file@x.example",
                        CredentialSource.Type.ENVIRONMENT,
                        "config: email"),
                new EmailCase(
                        "environment email beats config email",
                        null,
                        Map.of("BBPUSH_API_TOKEN", token, "ATLASSIAN_EMAIL", "env@x.example"),
                        "email = file@x.example\n",
                        "env@x.example",
                        CredentialSource.Type.ENVIRONMENT,
                        "ATLASSIAN_EMAIL"),
                new EmailCase(
                        "environment email with a config token",
                        null,
                        Map.of("BBPUSH_EMAIL", "env@x.example"),
                        "api_token = " + token + "\n",
                        "env@x.example",
                        CredentialSource.Type.CONFIG_FILE,
                        "BBPUSH_EMAIL"),
                new EmailCase(
                        "--email beats the config email for a config token",
                        "me@x.example",
                        Map.of(),
                        "email = file@x.example\napi_token = " + token + "\n",
                        "me@x.example",
                        CredentialSource.Type.CONFIG_FILE,
                        "--email"),
                new EmailCase(
                        "config email and token",
                        null,
                        Map.of(),
                        "email = file@x.example\napi_token = " + token + "\n",
                        "file@x.example",
                        CredentialSource.Type.CONFIG_FILE,
                        "email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emailCases")
    void apiTokenEmailComesFromFlagThenEnvironmentThenConfigWhateverSuppliesTheToken(EmailCase c) throws IOException {
        if (c.config() != null) {
            configFile(c.config(), "rw-------");
        }
        Map<String, String> env = env();
        env.putAll(c.env());

        CredentialResolution r = CredentialChain.standard(
                        CredentialFlags.builder().email(c.flagEmail()).build(), Environment.of(env), stdin(""))
                .resolveAll();

        ResolvedCredentials chosen = r.chosen().orElseThrow(() -> new AssertionError(r.failureMessage()));
        assertThat(chosen.credentials())
                .isEqualTo(Credentials.apiToken(c.expectedEmail(), "ATATT3xtabletabletabletable"));
        assertThat(chosen.source().type()).isEqualTo(c.expectedType());
        assertThat(chosen.source().names().get(0)).endsWith(c.expectedEmailName());
        assertThat(new Settings(CredentialFlags.builder().email(c.flagEmail()).build(), Environment.of(env))
                        .get(Setting.EMAIL)
                        .orElseThrow()
                        .value())
                .as("the doctor's email is the one sent")
                .isEqualTo(c.expectedEmail());
    }

    @Test
    void refusedConfigFileAsOnlySourceFailsClearly() throws IOException {
        configFile("access_token = " + FILE_TOKEN + "\n", "rw-r--r--");
        CredentialChain chain = CredentialChain.standard(CredentialFlags.none(), Environment.of(env()), stdin(""));

        CredentialResolution r = chain.resolveAll();

        assertThat(r.chosen()).isEmpty();
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.provider()).isEqualTo("config file"));
        assertThatThrownBy(r::credentialsOrThrow)
                .isInstanceOf(NoCredentialsException.class)
                .hasMessageContaining("config file: FAILED")
                .hasMessageContaining("chmod 600")
                .hasMessageContaining("BBPUSH_API_TOKEN")
                .hasMessageNotContaining(FILE_TOKEN);
        assertThat(chain.resolve().status()).isEqualTo(Status.FAILED);
    }

    @Test
    void halfConfiguredEnvironmentDoesNotBlockALowerSourceButIsReported() throws IOException {
        configFile("access_token = " + FILE_TOKEN + "\n", "rw-------");

        CredentialResolution r = CredentialChain.standard(
                        CredentialFlags.none(),
                        Environment.of(env("BBPUSH_API_TOKEN", "ATATT3xhalfhalfhalfhalfhalf")),
                        stdin(""))
                .resolveAll();

        assertThat(r.chosen().orElseThrow().source().type()).isEqualTo(CredentialSource.Type.CONFIG_FILE);
        assertThat(r.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("set BBPUSH_EMAIL"));
    }

    @Test
    void nothingAnywhereListsEverySourceAndTheFix() {
        CredentialResolution r = CredentialChain.standard(CredentialFlags.none(), Environment.of(env()), stdin(""))
                .resolveAll();

        assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.status()).isEqualTo(Status.SKIPPED));
        assertThat(r.failureMessage())
                .contains("1. flags: SKIPPED")
                .contains("2. environment: SKIPPED")
                .contains("3. config file: SKIPPED")
                .contains("4. stdin: SKIPPED — --token-stdin not given")
                .contains("Set BBPUSH_EMAIL and BBPUSH_API_TOKEN");
    }

    @Test
    void settingsFollowTheSamePrecedence() throws IOException {
        configFile("api_url = http://127.0.0.1:1/2.0\n", "rw-r--r--");
        Settings fromFile = new Settings(CredentialFlags.none(), Environment.of(env()));
        Settings fromEnv =
                new Settings(CredentialFlags.none(), Environment.of(env("BBPUSH_API_URL", "http://localhost/2.0")));
        Settings fromFlag = new Settings(
                CredentialFlags.builder().apiUrl("https://x.example/2.0").build(),
                Environment.of(env("BBPUSH_API_URL", "http://localhost/2.0")));

        assertThat(fromFile.apiUrl().orElseThrow().source()).endsWith("config: api_url");
        assertThat(fromEnv.apiUrl().orElseThrow())
                .isEqualTo(new Settings.Value("http://localhost/2.0", "BBPUSH_API_URL"));
        assertThat(fromFlag.apiUrl().orElseThrow().source()).isEqualTo("--api-url");
        assertThatThrownBy(() -> fromFlag.get(Setting.API_TOKEN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagsToStringMasksSecrets() {
        CredentialFlags flags = CredentialFlags.builder()
                .email("rahul@acme.example")
                .set(Setting.API_TOKEN, FLAG_TOKEN)
                .build();

        assertThat(flags.toString())
                .contains("rahul@acme.example")
                .contains("ATATT3x****")
                .doesNotContain(FLAG_TOKEN);
    }
}
