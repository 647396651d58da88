package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The doctor's rule classes only decide: every sentence the doctor shows (verdict summaries, fixes, observations, probe
 * labels, Bitbucket's words it matches on) lives in the refusal catalogue ({@code dev.bbpush.client.internal}'s
 * {@code *Texts} classes). This reads the sources of {@code dev.bbpush.client.diagnose} and fails on any string literal
 * holding two words, outside the few value types listed with their reason.
 */
class RuleClassesHoldNoTextsTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/bbpush/client/diagnose");

    /** Two letters around a space: a phrase, not a path segment, header name or token prefix. */
    private static final Pattern WORDS = Pattern.compile("[A-Za-z] +[A-Za-z]");

    /** Files allowed to hold phrases, each with the reason: none of them words a refusal. */
    private static final Map<String, String> EXEMPT = Map.of(
            "Cause.java", "the causes' ids and titles are the keys of the catalogue (public contract)",
            "Operation.java", "the operations' ids and titles are data the scope table is keyed by",
            "Diagnosis.java", "toString() of a value type",
            "Evidence.java", "toString() of a value type",
            "Outcome.java", "the message of a programming error (reading a value of an ended run)",
            "RepositoryRef.java", "argument validation of WORKSPACE/REPO",
            "DoctorContext.java", "argument validation and the doctor's User-Agent",
            "package-info.java", "Javadoc only");

    @Test
    void ruleClassesHoldNoPhrases() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                if (EXEMPT.containsKey(file.getFileName().toString())) {
                    continue;
                }
                checked.add(file);
                for (String literal : stringLiterals(Files.readString(file, StandardCharsets.UTF_8))) {
                    if (WORDS.matcher(literal).find()) {
                        found.add(file.getFileName() + ": \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(checked)
                .as("rule classes read from %s", SOURCES.toAbsolutePath())
                .hasSizeGreaterThan(10);
        assertThat(found)
                .as("phrases in rule classes (move them into a catalogue class in dev.bbpush.client.internal)")
                .isEmpty();
    }

    @Test
    void exemptFilesExist() {
        for (String name : EXEMPT.keySet()) {
            assertThat(SOURCES.resolve(name))
                    .as("exempt file %s still exists", name)
                    .exists();
        }
    }

    @Test
    void theLiteralReaderSkipsCommentsAndCharsAndReadsEscapes() {
        String source = "// \"in a comment\"\n/* \"in a block\" */ char c = '\"'; String s = \"a \\\"b\\\" c\";"
                + " String t = \"one\";";
        assertThat(stringLiterals(source)).containsExactly("a \\\"b\\\" c", "one");
    }

    /** The string literals of a Java source, without their quotes (escapes kept as written); comments skipped. */
    static List<String> stringLiterals(String src) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                int eol = src.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i++;
                while (i < n && src.charAt(i) != '\'') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '"') {
                int start = ++i;
                while (i < n && src.charAt(i) != '"') {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                out.add(src.substring(start, Math.min(i, n)));
                i++;
            } else {
                i++;
            }
        }
        return out;
    }
}
