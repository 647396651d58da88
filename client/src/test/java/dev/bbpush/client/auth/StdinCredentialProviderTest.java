package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.ProviderOutcome.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StdinCredentialProviderTest {
    private static final String API = "ATATT3xstdinstdinstdinstdin";
    private static final String ACCESS = "ATCTT3xstdinstdinstdinstdin";

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static ProviderOutcome resolve(String input, Optional<StdinCredentialProvider.EmailValue> email) {
        return new StdinCredentialProvider(true, in(input), () -> email).resolve();
    }

    @Test
    void apiTokenUsesTheEmailFromElsewhere() {
        ProviderOutcome o = resolve(
                API + "\n", Optional.of(new StdinCredentialProvider.EmailValue("BBPUSH_EMAIL", "rahul@acme.example")));

        ResolvedCredentials r = o.resolved().orElseThrow();
        assertThat(r.credentials()).isEqualTo(Credentials.apiToken("rahul@acme.example", API));
        assertThat(r.source().describe()).isEqualTo("stdin stdin (BBPUSH_EMAIL, --token-stdin)");
        assertThat(r.repairs()).as("a trailing newline is normal on stdin").isEmpty();
    }

    @Test
    void apiTokenWithoutEmailFailsNamingTheFix() {
        ProviderOutcome o = resolve(API, Optional.empty());

        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.reason()).contains("--email").contains("BBPUSH_EMAIL").doesNotContain(API);
    }

    @Test
    void accessTokenShapeIsBearerAccessToken() {
        ProviderOutcome o = resolve("Bearer " + ACCESS, Optional.empty());

        ResolvedCredentials r = o.resolved().orElseThrow();
        assertThat(r.credentials()).isEqualTo(Credentials.accessToken(ACCESS));
        assertThat(r.repairs()).extracting(Repair::kind).containsExactly(Repair.Kind.AUTH_SCHEME_PREFIX);
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void unknownShapeIsSentAsBearerWithANote() {
        ProviderOutcome o = resolve("some-oauth-token-value", Optional.empty());

        assertThat(o.resolved().orElseThrow().credentials().kind()).isEqualTo(CredentialKind.ACCESS_TOKEN);
        assertThat(o.notes()).singleElement().satisfies(n -> assertThat(n).contains("Bearer access token"));
    }

    @Test
    void emptyInputFails() {
        assertThat(resolve("  \n", Optional.empty()).reason()).contains("standard input was empty");
    }

    @Test
    void notRequestedIsSkippedWithoutReading() throws Exception {
        InputStream untouched = in(ACCESS);
        ProviderOutcome o = new StdinCredentialProvider(false, untouched, Optional::empty).resolve();

        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(new String(untouched.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(ACCESS);
    }
}
