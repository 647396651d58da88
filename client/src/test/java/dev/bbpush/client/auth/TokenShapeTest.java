package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one token-shape classifier: every shape bbpush tells apart, from the value alone. */
class TokenShapeTest {
    private static final String API_TOKEN = "ATATT3xFfGF0" + "a".repeat(170) + "=1A2B3C4D";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ATATT3xFfGF0short, API_TOKEN",
        "ATCTT3xFfGN0bbbbbbbbbbbbbbbbbbbbbb, ACCESS_TOKEN",
        "ATBBq8Xk2mFvR7tYwZpLnC4sHdJ9, APP_PASSWORD",
        "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9.c2ln, OAUTH_ACCESS_TOKEN",
        "abc.def.ghi, OTHER",
        "Zx7Qm2Kp9Wv4Ls8Nt3Rb6Yc1Hd5Jf0Ga, OAUTH_CONSUMER_SECRET",
        "Zx7Qm2Kp9Wv4Ls8Nt3Rb6Yc1Hd5Jf0G, OTHER",
        "hunter2-account-password, OTHER",
        "atatt3xlowercase, OTHER",
    })
    void classifiesEachShapeBitbucketIssues(String secret, TokenShape expected) {
        assertThat(TokenShape.of(secret)).isEqualTo(expected);
        assertThat(TokenShape.of(Secret.of(secret))).isEqualTo(expected);
    }

    @Test
    void anApiTokenShorterThanAnyBitbucketIssuesLooksTruncated() {
        assertThat(TokenShape.looksTruncated(API_TOKEN)).isFalse();
        assertThat(TokenShape.looksTruncated(API_TOKEN.substring(0, 149))).isTrue();
        assertThat(TokenShape.looksTruncated("ATCTT3x" + "b".repeat(20))).isFalse();
    }

    @ParameterizedTest(name = "identity {0}: email={1}, consumer key={2}, secret-like={3}")
    @CsvSource({
        "rahul@acme.example, true, false, false",
        "rahul-dev, false, false, false",
        "zfGQOIN84Gj2sdTdKG, false, true, false",
        "ATBBq8Xk2mFvR7tYwZpLnC4sHdJ9, false, false, true",
        "ATCTT3xshort, false, false, true",
        "ATATT3xshort, false, false, true",
    })
    void judgesIdentities(String identity, boolean email, boolean consumerKey, boolean secretLike) {
        assertThat(TokenShape.isEmail(identity)).isEqualTo(email);
        assertThat(TokenShape.looksLikeConsumerKey(identity)).isEqualTo(consumerKey);
        assertThat(TokenShape.looksLikeSecret(identity)).isEqualTo(secretLike);
    }

    @Test
    void anIdentityLongerThanAnyNameLooksLikeASecret() {
        assertThat(TokenShape.looksLikeSecret("x".repeat(64))).isFalse();
        assertThat(TokenShape.looksLikeSecret("x".repeat(65))).isTrue();
    }

    @Test
    void readsTheExpiryOfAJwtStyleTokenOnly() {
        String payload = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"exp\":1767225600}".getBytes(StandardCharsets.UTF_8));
        assertThat(TokenShape.jwtExpiry("eyJhbGciOiJub25lIn0." + payload + ".sig"))
                .contains(Instant.ofEpochSecond(1767225600));
        assertThat(TokenShape.jwtExpiry("eyJhbGciOiJub25lIn0.bm90LWpzb24.sig")).isEmpty();
        assertThat(TokenShape.jwtExpiry(API_TOKEN)).isEmpty();
    }
}
