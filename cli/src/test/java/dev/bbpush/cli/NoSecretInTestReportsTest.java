package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.emulator.world.Credential;
import dev.bbpush.emulator.world.World;
import dev.bbpush.emulator.world.WorldLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The last line of defence for "secrets never leak": every test report and captured test output of the build
 * (emulator and client run before this module; the emulator logs each refusal) is searched for the secrets of the
 * demo world and of every test world. A token in a log line, an exception message or a test name fails the build.
 */
class NoSecretInTestReportsTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void noWorldSecretAppearsInAnyTestReportOrOutput() throws IOException {
        Map<String, String> secrets = secrets();
        List<Path> reports = reports();
        assertThat(reports)
                .as("the emulator's and the client's reports exist (run the whole build)")
                .isNotEmpty();

        List<String> leaks = new ArrayList<>();
        for (Path report : reports) {
            String text = Files.readString(report, StandardCharsets.ISO_8859_1);
            secrets.forEach((secret, name) -> {
                if (text.contains(secret)) {
                    leaks.add(ROOT.relativize(report) + " contains the secret of " + name);
                }
            });
        }
        assertThat(leaks).isEmpty();
    }

    /** Secret to "world/credential", for every credential whose secret is long enough to be unmistakable. */
    private static Map<String, String> secrets() throws IOException {
        List<World> worlds = new ArrayList<>();
        worlds.add(WorldLoader.builtIn("demo"));
        for (String module : List.of("emulator", "client", "cli")) {
            Path dir = ROOT.resolve(module).resolve("src/test/resources/worlds");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".yaml")
                                    || p.toString().endsWith(".json"))
                            .toList()) {
                        worlds.add(WorldLoader.fromFile(f));
                    }
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (World w : worlds) {
            for (Credential c : w.credentials()) {
                if (c.secret().length() >= 12) {
                    out.put(c.secret(), w.name() + "/" + c.name());
                }
            }
        }
        return out;
    }

    private static List<Path> reports() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : List.of("emulator", "client", "cli")) {
            Path dir = ROOT.resolve(module).resolve("target/surefire-reports");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(p -> p.toString().endsWith(".txt")
                                    || p.toString().endsWith(".xml"))
                            .forEach(out::add);
                }
            }
        }
        return out;
    }
}
