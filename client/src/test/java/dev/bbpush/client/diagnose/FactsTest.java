package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.Secret;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link Facts} holds the revealed secret; its {@code toString()} must never show it. */
class FactsTest {
    private static final String API_TOKEN = "ATATT3xFfGF0" + "a".repeat(170) + "=1A2B3C4D";
    private static final String ACCESS_TOKEN = "ATCTT3xFfGN0" + "b".repeat(170) + "=5E6F7A8B";
    private static final String APP_PASSWORD = "ATBBq8Xk2mFvR7tYwZpLnC4sHdJ9";
    private static final String CONSUMER_SECRET = "Zx7Qm2Kp9Wv4Ls8Nt3Rb6Yc1Hd5Jf0Ga";

    static Stream<Arguments> credentials() {
        return Stream.of(
                Arguments.of(Credentials.apiToken("rahul@acme.example", API_TOKEN), API_TOKEN),
                Arguments.of(Credentials.accessToken(ACCESS_TOKEN), ACCESS_TOKEN),
                Arguments.of(Credentials.appPassword("rahul-dev", APP_PASSWORD), APP_PASSWORD),
                Arguments.of(
                        Credentials.oauthClientCredentials("zfGQOIN84Gj2sdTdKG", CONSUMER_SECRET), CONSUMER_SECRET));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void toStringMasksTheSecretButKeepsTheOtherParts(Credentials credentials, String secret) {
        Facts facts = Facts.of(credentials);

        assertThat(facts.secret()).isEqualTo(secret);
        assertThat(facts.toString())
                .doesNotContain(secret)
                .doesNotContain(secret.substring(8))
                .contains("secret=" + Secret.mask(secret))
                .contains("kind=" + credentials.kind())
                .contains("scheme=" + facts.scheme());
    }
}
