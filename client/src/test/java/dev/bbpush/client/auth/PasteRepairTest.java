package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Repair.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PasteRepairTest {
    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("ATATT3xabc", "ATATT3xabc", List.of()),
                Arguments.of("  ATATT3xabc\n", "ATATT3xabc", List.of(Kind.SURROUNDING_WHITESPACE)),
                Arguments.of("\"ATATT3xabc\"", "ATATT3xabc", List.of(Kind.SURROUNDING_QUOTES)),
                Arguments.of("'ATATT3xabc'", "ATATT3xabc", List.of(Kind.SURROUNDING_QUOTES)),
                Arguments.of("`ATATT3xabc`", "ATATT3xabc", List.of(Kind.SURROUNDING_QUOTES)),
                Arguments.of("ATATT3x\nabc\r\n", "ATATT3xabc", List.of(Kind.SURROUNDING_WHITESPACE, Kind.LINE_BREAKS)),
                Arguments.of("Bearer ATCTT3xabc", "ATCTT3xabc", List.of(Kind.AUTH_SCHEME_PREFIX)),
                Arguments.of("basic ATATT3xabc", "ATATT3xabc", List.of(Kind.AUTH_SCHEME_PREFIX)),
                Arguments.of(
                        " 'Bearer ATCTT3xabc' ",
                        "ATCTT3xabc",
                        List.of(Kind.SURROUNDING_WHITESPACE, Kind.SURROUNDING_QUOTES, Kind.AUTH_SCHEME_PREFIX)),
                Arguments.of("\"ab'", "\"ab'", List.of()));
    }

    @ParameterizedTest
    @MethodSource("secrets")
    void repairsPastedSecretsAndReportsEachRepair(String raw, String expected, List<Kind> kinds) {
        PasteRepair.Cleaned c = PasteRepair.secret("BBPUSH_API_TOKEN", raw);

        assertThat(c.value()).isEqualTo(expected);
        assertThat(c.repairs()).extracting(Repair::kind).containsExactlyElementsOf(kinds);
        assertThat(c.repairs()).allSatisfy(r -> assertThat(r.describe()).startsWith("BBPUSH_API_TOKEN: "));
        assertThat(c.toString()).doesNotContain(expected.length() > 4 ? expected : "\u0000");
    }

    @ParameterizedTest
    @MethodSource("emails")
    void repairsPastedEmails(String raw, String expected) {
        assertThat(PasteRepair.email("BBPUSH_EMAIL", raw).value()).isEqualTo(expected);
    }

    static Stream<Arguments> emails() {
        return Stream.of(
                Arguments.of("rahul@acme.example", "rahul@acme.example"),
                Arguments.of("mailto:rahul@acme.example", "rahul@acme.example"),
                Arguments.of(" \"rahul@acme.example\"\n", "rahul@acme.example"));
    }
}
