package dev.bbpush.client.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.CredentialSource;
import dev.bbpush.client.auth.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fix lines are worded for the credential's source and never suggest a secret on the command line. */
class FixesTest {
    private static Fixes from(CredentialSource.Type type, String location, String... names) {
        return new Fixes(new CredentialSource(type, location, List.of(names)));
    }

    @Test
    void environmentCredentialsGetExportLines() {
        Fixes f = from(CredentialSource.Type.ENVIRONMENT, "", "BITBUCKET_USERNAME", "BITBUCKET_APP_PASSWORD");

        assertThat(f.set(Setting.EMAIL, "you@example.com")).isEqualTo("export BBPUSH_EMAIL='you@example.com'");
        assertThat(f.unsetLegacy()).isEqualTo("unset BITBUCKET_USERNAME BITBUCKET_APP_PASSWORD");
    }

    @Test
    void configFileCredentialsGetTheKeyInTheFile() {
        Fixes f = from(CredentialSource.Type.CONFIG_FILE, "/home/u/.config/bbpush/config", "email", "api_token");

        assertThat(f.set(Setting.EMAIL, "you@example.com"))
                .isEqualTo("In /home/u/.config/bbpush/config set:  email = you@example.com");
    }

    @Test
    void secretsAreNeverSuggestedAsFlags() {
        for (CredentialSource.Type t : CredentialSource.Type.values()) {
            Fixes f = from(t, "stdin");
            assertThat(f.set(Setting.API_TOKEN, "<t>")).doesNotContain("--api-token");
            assertThat(f.set(Setting.ACCESS_TOKEN, "<t>")).doesNotContain("--access-token");
            assertThat(f.set(Setting.OAUTH_CLIENT_SECRET, "<t>")).doesNotContain("--oauth-client-secret");
        }
        assertThat(from(CredentialSource.Type.STDIN, "stdin").set(Setting.API_TOKEN, "<the new token>"))
                .contains("--token-stdin");
        assertThat(from(CredentialSource.Type.FLAG, "").set(Setting.EMAIL, "you@example.com"))
                .isEqualTo("Pass --email you@example.com");
    }
}
