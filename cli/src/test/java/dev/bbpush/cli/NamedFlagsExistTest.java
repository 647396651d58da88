package dev.bbpush.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.Setting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code --flag} a user is told about exists in the CLI (issue 8, item 5): the string literals of the client's,
 * the CLI's and the MCP server's main sources (the {@code Messages} catalogue, the doctor's fixes, {@code ApiErrors}, exception
 * messages, command output) and their resource files are scanned for {@code --name} tokens, and each is checked
 * against the option names of every command of the real command line (picocli's model of {@link Main}).
 */
class NamedFlagsExistTest {
    private static final Pattern FLAG = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*");
    private static final Path MCP_SOURCES = Path.of("../mcp/src/main/java");
    private static final Path MCP_RESOURCES = Path.of("../mcp/src/main/resources");
    private static final List<Path> SOURCE_ROOTS =
            List.of(Path.of("src/main/java"), Path.of("../client/src/main/java"), MCP_SOURCES);
    private static final List<Path> RESOURCE_ROOTS =
            List.of(Path.of("src/main/resources"), Path.of("../client/src/main/resources"), MCP_RESOURCES);

    /**
     * Flags of {@code bbpush push} that MCP texts name on purpose, as the CLI equivalent of a tool argument: the
     * library's push refusals say "--branch" and the MCP fix says which argument that is; tool descriptions say
     * "like --include". Any other flag in an MCP text is one the person running {@code bbpush mcp} is told to add, so
     * it must be an option of that command.
     */
    private static final Set<String> MCP_PUSH_ANALOGIES =
            Set.of("--branch", "--base", "--pr", "--to", "--include", "--exclude", "--delete");

    /** A flag token found in a message source. */
    record Named(String flag, Path file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line + " names " + flag + " in \"" + text + "\"";
        }
    }

    @Test
    void everyFlagNamedInAMessageIsAnOptionOfTheCli() throws IOException {
        Set<String> options = cliOptions();
        Set<String> settingKeys = new TreeSet<>();
        for (Setting s : Setting.values()) {
            s.flag().ifPresent(settingKeys::add);
        }
        List<Named> named = named(SOURCE_ROOTS, RESOURCE_ROOTS, settingKeys);

        assertThat(named).as("flags named in message sources").hasSizeGreaterThan(50);
        assertThat(named)
                .filteredOn(n -> !options.contains(n.flag()))
                .as("flags that the CLI does not have")
                .isEmpty();
    }

    @Test
    void everyFlagTheMcpServerTellsAboutIsAnOptionOfTheMcpCommandItself() throws IOException {
        Set<String> options = new TreeSet<>();
        CommandLine mcp = new CommandLine(
                        new Main(new CliContext(Environment.of(Map.of()), InputStream.nullInputStream())))
                .getSubcommands()
                .get("mcp");
        mcp.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));

        List<Named> named = named(List.of(MCP_SOURCES), List.of(MCP_RESOURCES), Set.of());

        assertThat(named)
                .extracting(Named::flag)
                .as("flags named in MCP texts")
                .contains("--allow-repo", "--root", "--read-only", "--conflict-timeout");
        assertThat(named)
                .filteredOn(n -> !options.contains(n.flag()) && !MCP_PUSH_ANALOGIES.contains(n.flag()))
                .as("flags in MCP refusals and fixes that 'bbpush mcp' does not have")
                .isEmpty();
        Set<String> push = new TreeSet<>();
        mcp.getParent()
                .getSubcommands()
                .get("push")
                .getCommandSpec()
                .options()
                .forEach(o -> push.addAll(List.of(o.names())));
        assertThat(push).as("the push flags MCP texts compare arguments to").containsAll(MCP_PUSH_ANALOGIES);
    }

    /** The flag tokens of the string literals under {@code sourceRoots} and the lines under {@code resourceRoots}. */
    private static List<Named> named(List<Path> sourceRoots, List<Path> resourceRoots, Set<String> settingKeys)
            throws IOException {
        List<Named> named = new ArrayList<>();
        for (Path root : sourceRoots) {
            for (Path f : files(root, ".java")) {
                for (Literal l : literals(Files.readString(f, StandardCharsets.UTF_8))) {
                    // A literal that is only a Setting's flag name is that setting's key (the settings table), not a
                    // message;
                    // messages built from it are covered below.
                    if (settingKeys.contains(l.text().strip())) {
                        continue;
                    }
                    tokens(l.text()).forEach(t -> named.add(new Named(t, f, l.line(), l.text())));
                }
            }
        }
        for (Path root : resourceRoots) {
            for (Path f : files(root, "")) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    int line = i + 1;
                    String text = lines.get(i);
                    tokens(text).forEach(t -> named.add(new Named(t, f, line, text)));
                }
            }
        }
        return named;
    }

    @Test
    void flagsTheDoctorMaySuggestPassingAreOptionsAndSecretsAreNever() {
        Set<String> options = cliOptions();
        for (Setting s : Setting.values()) {
            if (s.flag().isEmpty()) {
                continue;
            }
            if (s.secret()) {
                assertThat(options)
                        .as("secret setting %s must not be a CLI option", s)
                        .doesNotContain(s.flag().get());
            } else {
                // Fixes tell the user "Pass <flag> <value>" for non-secret settings.
                assertThat(options)
                        .as("option for setting %s", s)
                        .contains(s.flag().get());
            }
        }
    }

    @Test
    void scannerSeesFlagsInStringLiteralsAndTextBlocksButNotInCommentsOrCharLiterals() {
        String src = "class X {\n  // pass --in-comment\n  /* --in-block\n */ char q = '\"';\n"
                + "  String a = \"use --api-token \\\" here\";\n  String b = \"\"\"\n  text --in-text-block\n  \"\"\";\n}\n";

        List<Literal> literals = literals(src);

        assertThat(literals).extracting(Literal::line).containsExactly(5, 6);
        assertThat(literals.stream().flatMap(l -> tokens(l.text()).stream()).toList())
                .containsExactly("--api-token", "--in-text-block");
    }

    /** Every option name of every command and subcommand of the real {@code bbpush} command line. */
    static Set<String> cliOptions() {
        Set<String> names = new TreeSet<>();
        collect(
                new CommandLine(new Main(new CliContext(Environment.of(Map.of()), InputStream.nullInputStream()))),
                names);
        return names;
    }

    private static void collect(CommandLine cl, Set<String> names) {
        cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        cl.getSubcommands().values().forEach(sub -> collect(sub, names));
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = FLAG.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        assertThat(root).as("source root (tests run in the cli module)").isDirectory();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }

    /** A string literal (or text block) of a Java source and the line it starts on. */
    record Literal(String text, int line) {}

    /** The string literals of a Java source, skipping comments and char literals; escapes are kept as written. */
    static List<Literal> literals(String src) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(src, i, end);
                i = end;
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                out.add(new Literal(src.substring(i + 3, end), line));
                line += count(src, i, end);
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                while (i < n && src.charAt(i) != '"' && src.charAt(i) != '\n') {
                    if (src.charAt(i) == '\\' && i + 1 < n) {
                        b.append(src, i, i + 2);
                        i += 2;
                    } else {
                        b.append(src.charAt(i++));
                    }
                }
                out.add(new Literal(b.toString(), line));
                i++;
            } else {
                i++;
            }
        }
        return out;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
