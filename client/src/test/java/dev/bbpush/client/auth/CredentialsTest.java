package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final String API_TOKEN = "ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789=DEADBEEF";
    private static final String ACCESS_TOKEN = "ATCTT3xFfGF0abcdefghijklmnopqrstuvwxyz0123456789=DEADBEEF";

    @Test
    void apiTokenIsBasicEmailColonTokenWithStaticGitUser() {
        ApiToken c = Credentials.apiToken("rahul@acme.example", API_TOKEN);

        assertThat(c.kind()).isEqualTo(CredentialKind.API_TOKEN);
        assertThat(c.authorizationHeader().reveal())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString(("rahul@acme.example:" + API_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(c.gitUsername()).isEqualTo("x-bitbucket-api-token-auth");
        assertThat(c.gitPassword().reveal()).isEqualTo(API_TOKEN);
    }

    @Test
    void accessAndOAuthTokensAreBearerWithXTokenAuth() {
        assertThat(Credentials.accessToken(ACCESS_TOKEN).authorizationHeader().reveal())
                .isEqualTo("Bearer " + ACCESS_TOKEN);
        assertThat(Credentials.accessToken(ACCESS_TOKEN).gitUsername()).isEqualTo("x-token-auth");
        assertThat(Credentials.oauthAccessToken("tok").authorizationHeader().reveal())
                .isEqualTo("Bearer tok");
        assertThat(Credentials.oauthAccessToken("tok").gitUsername()).isEqualTo("x-token-auth");
        assertThat(Credentials.oauthClientCredentials("key", "secret").gitUsername())
                .isEqualTo("x-token-auth");
    }

    @Test
    void appPasswordIsBasicUsernameAndGitUsername() {
        AppPassword c = Credentials.appPassword("rahul-dev", "ATBBabcdefghijklmnop0123456789AB");

        assertThat(c.kind()).isEqualTo(CredentialKind.APP_PASSWORD);
        assertThat(c.authorizationHeader().reveal()).startsWith("Basic ");
        assertThat(c.gitUsername()).isEqualTo("rahul-dev");
    }

    @Test
    void toStringAndDescribeMaskEverySecret() {
        Credentials[] all = {
            Credentials.apiToken("rahul@acme.example", API_TOKEN),
            Credentials.accessToken(ACCESS_TOKEN),
            Credentials.oauthAccessToken("oauthtoken0123456789abcdef"),
            Credentials.oauthClientCredentials("consumerkey", "consumersecret0123456789abcdef"),
            Credentials.appPassword("rahul-dev", "ATBBabcdefghijklmnop0123456789AB"),
        };
        for (Credentials c : all) {
            assertThat(c.toString())
                    .doesNotContain(
                            API_TOKEN,
                            ACCESS_TOKEN,
                            "oauthtoken0123456789abcdef",
                            "consumersecret0123456789abcdef",
                            "ATBBabcdefghijklmnop0123456789AB")
                    .contains("****");
            assertThat(c.describe()).contains("****");
        }
        assertThat(Credentials.apiToken("rahul@acme.example", API_TOKEN).toString())
                .contains("ATATT3x****");
        assertThat(Credentials.accessToken(ACCESS_TOKEN).describe()).isEqualTo("access token ATCTT3x****");
    }

    @Test
    void secretMasksByOneRule() {
        assertThat(Secret.of(API_TOKEN).masked()).isEqualTo("ATATT3x****");
        assertThat(Secret.of("ATBBabcdefghijklmnop0123456789AB").masked()).isEqualTo("ATBB****");
        assertThat(Secret.mask("Basic cmFodWxAYWNtZS5leGFtcGxlOnRva2Vu")).isEqualTo("Basic ****");
        assertThat(Secret.mask("Bearer " + ACCESS_TOKEN)).isEqualTo("Bearer ATCTT3x****");
        assertThat(Secret.of("short").masked()).isEqualTo("****");
        assertThat(Secret.of("abcdefghijklmnopqrstuvwxyz").masked()).isEqualTo("abc****");
        assertThat(Secret.of(API_TOKEN).toString()).isEqualTo("ATATT3x****");
        assertThat(Secret.of("x")).isEqualTo(Secret.of("x")).isNotEqualTo(Secret.of("y"));
    }

    @Test
    void factoriesRejectBadArgumentsNamingThem() {
        assertThatThrownBy(() -> Credentials.apiToken(null, API_TOKEN))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("email");
        assertThatThrownBy(() -> Credentials.apiToken(" ", API_TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email is blank");
        assertThatThrownBy(() -> Credentials.accessToken("a\nb"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("token contains a line break");
        assertThatThrownBy(() -> Secret.of("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gitCredentialsMaskThePassword() {
        assertThat(new GitCredentials("x-token-auth", Secret.of(ACCESS_TOKEN)).toString())
                .isEqualTo("GitCredentials[username=x-token-auth, password=ATCTT3x****]");
    }
}
