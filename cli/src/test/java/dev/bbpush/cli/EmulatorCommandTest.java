package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EmulatorCommandTest {
    private static final Pattern LISTENING =
            Pattern.compile("Bitbucket Cloud emulator listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    /** The demo world's rahul-api-token, read from the control API as a user would. */
    private static String rahulToken(String base) throws Exception {
        String creds = get(base + "/_emulator/credentials", null).body();
        Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"rahul-api-token\"[^}]*?\"secret\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(creds);
        assertThat(m.find()).as(creds).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String url, String auth) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertServesDemoRepository(String base) throws Exception {
        HttpResponse<String> repo =
                get(base + "/2.0/repositories/acme/infra", basic("rahul@acme.example", rahulToken(base)));
        assertThat(repo.statusCode()).isEqualTo(200);
        assertThat(repo.body()).contains("\"full_name\":\"acme/infra\"");
    }

    @Test
    void servesTheDemoWorldUntilStoppedThenExitsZero() throws Exception {
        EmulatorCommand cmd = new EmulatorCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> cl.execute("--port", "0"));
        String base = null;
        for (int i = 0; i < 600 && base == null; i++) {
            Matcher m = LISTENING.matcher(out.toString());
            if (m.find()) {
                base = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        assertThat(base).as("printed: " + out).isNotNull();
        assertThat(out.toString()).contains("API base URL: " + base + "/2.0").contains(base + "/_emulator/credentials");

        assertServesDemoRepository(base);
        cmd.stop();

        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(out.toString()).contains("Emulator stopped.");
    }

    @Test
    void badWorldIsAUsageErrorNamingTheWorld() {
        StringWriter err = new StringWriter();
        int code = Main.run(
                new String[] {
                    "emulator",
                    "--port",
                    "0",
                    "--world",
                    tmp.resolve("nope.yaml").toString()
                },
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));

        assertThat(code).isEqualTo(ExitCode.USAGE.code());
        assertThat(err.toString())
                .contains("cannot load world")
                .contains("nope.yaml")
                .contains("--world demo");
    }

    @Test
    void keepsRepositoriesInTheGivenDataDirectory() throws Exception {
        EmulatorCommand cmd = new EmulatorCommand();
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setOut(new PrintWriter(out, true));
        Path data = tmp.resolve("data");
        CompletableFuture<Integer> run =
                CompletableFuture.supplyAsync(() -> cl.execute("--port", "0", "--data", data.toString()));
        for (int i = 0; i < 600 && !out.toString().contains("Press Ctrl+C"); i++) {
            Thread.sleep(50);
        }
        cmd.stop();

        assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(data.resolve("repositories/acme/infra.git/HEAD")).exists();
    }

    @Test
    void sigtermStopsTheProcessCleanlyWithExitZero() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Output goes to a file: a pipe read while the process exits can fail with "Stream closed".
        Path log = tmp.resolve("emulator.log");
        Process p = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "emulator",
                        "--port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            for (int i = 0; i < 1200 && !Files.readString(log).contains("Press Ctrl+C"); i++) {
                assertThat(p.isAlive()).as(Files.readString(log)).isTrue();
                Thread.sleep(50);
            }
            String banner = Files.readString(log);
            Matcher m = LISTENING.matcher(banner);
            assertThat(m.find()).as(banner).isTrue();
            Matcher data = Pattern.compile("Data: (\\S+) \\(temporary").matcher(banner);
            assertThat(data.find()).as(banner).isTrue();
            Path dataDir = Path.of(data.group(1));
            assertServesDemoRepository(m.group(1));
            assertThat(dataDir).exists();

            p.destroy(); // SIGTERM

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = Files.readString(log);
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("Emulator stopped.");
            assertThat(dataDir).as("temporary data directory removed").doesNotExist();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void isASubcommandOfBbpush() {
        assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("emulator");
    }
}
