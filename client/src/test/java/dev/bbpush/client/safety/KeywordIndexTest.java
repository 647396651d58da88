package dev.bbpush.client.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordIndexTest {
    private static final KeywordIndex INDEX = new KeywordIndex(List.of("akia", "asia", "token", "ghp_", "private key"));

    private static List<String> found(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        BitSet s = INDEX.find(b, b.length);
        return s.stream().mapToObj(i -> INDEX.keywords().get(i)).toList();
    }

    @Test
    void findsKeywordsIgnoringAsciiCaseAnywhereInTheBytes() {
        assertThat(found("x = \"AKIAABCDEFGHIJKLMNOP\"\nmy_Token = 1")).containsExactly("akia", "token");
        assertThat(found("-----BEGIN RSA PRIVATE KEY-----")).containsExactly("private key");
        assertThat(found("ghp_")).containsExactly("ghp_"); // the whole buffer, up to its last byte
        assertThat(found("plain terraform, nothing here")).isEmpty();
    }

    @Test
    void aKeywordCutByTheLengthIsNotFound() {
        byte[] b = "tokenX".getBytes(StandardCharsets.US_ASCII);
        assertThat(INDEX.find(b, 4).cardinality()).isZero();
        assertThat(INDEX.find(b, 5).cardinality()).isEqualTo(1);
    }

    @Test
    void nonAsciiCharactersNeverSpellAnAsciiKeyword() {
        // U+212A KELVIN SIGN lower-cases to 'k' in Java's String.toLowerCase, but no rule pattern matches it
        // (ASCII-only case folding), so the prefilter must not report it either; nor may UTF-8 bytes of other letters.
        assertThat(found("a\u212Aia ТОКЕН to\u0138en")).isEmpty();
    }

    @Test
    void agreesWithAnAsciiCaseInsensitiveContainsOnRandomText() {
        Random random = new Random(42);
        String alphabet = "aAkKiIsStToOeEnNgGhHpP_ é\n";
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            String asciiLower = asciiLower(text);
            List<String> expected =
                    INDEX.keywords().stream().filter(asciiLower::contains).toList();
            assertThat(found(text)).as(text).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void refusesKeywordsItCouldNotMatch() {
        assertThatThrownBy(() -> new KeywordIndex(List.of("Token"))).hasMessageContaining("not lower-case ASCII");
        assertThatThrownBy(() -> new KeywordIndex(List.of("clé"))).hasMessageContaining("not lower-case ASCII");
        assertThatThrownBy(() -> new KeywordIndex(List.of("k"))).hasMessageContaining("shorter than two");
    }

    @Test
    void everyRuleKeywordIsLowerCaseAscii() {
        // The scanner builds its index from the rule table; a keyword it could not match would silently skip files.
        for (SecretRule rule : SecretRules.ALL) {
            new KeywordIndex(rule.keywords());
        }
        assertThat(SecretRules.ALL)
                .allSatisfy(r ->
                        assertThat(r.keywords()).allSatisfy(k -> assertThat(k).isEqualTo(k.toLowerCase(Locale.ROOT))));
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }
}
