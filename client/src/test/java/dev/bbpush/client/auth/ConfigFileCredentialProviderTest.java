package dev.bbpush.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bbpush.client.auth.ProviderOutcome.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileCredentialProviderTest {
    private static final String API = "ATATT3xconfigconfigconfigconfig";

    @TempDir
    Path home;

    private Path write(String content, String mode) throws IOException {
        Path file = home.resolve(".config/bbpush/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private ProviderOutcome resolve(Map<String, String> env) {
        return new ConfigFileCredentialProvider(Environment.of(env)).resolve();
    }

    @Test
    void readsKeyValueFileUnderHome() throws IOException {
        Path file = write("# bbpush\n\nemail = rahul@acme.example\napi_token = '" + API + "'\n", "rw-------");

        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.status()).isEqualTo(Status.FOUND);
        ResolvedCredentials r = o.resolved().orElseThrow();
        assertThat(r.credentials()).isEqualTo(Credentials.apiToken("rahul@acme.example", API));
        assertThat(r.source().describe()).isEqualTo("config file " + file + " (email, api_token)");
        assertThat(r.repairs()).extracting(Repair::kind).contains(Repair.Kind.SURROUNDING_QUOTES);
    }

    @Test
    void xdgConfigHomeWinsOverHome() throws IOException {
        Path xdg = home.resolve("xdg");
        Files.createDirectories(xdg.resolve("bbpush"));
        Path file = xdg.resolve("bbpush/config");
        Files.writeString(file, "access_token = ATCTT3xxdgxdgxdgxdgxdgxdgxdg\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        ProviderOutcome o = resolve(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", xdg.toString()));

        assertThat(o.resolved().orElseThrow().credentials().kind()).isEqualTo(CredentialKind.ACCESS_TOKEN);
    }

    @Test
    void fileReadableByOthersIsRefusedWithTheFix() throws IOException {
        Path file = write("email = rahul@acme.example\napi_token = " + API + "\n", "rw-r--r--");

        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.reason())
                .contains("other users can read it")
                .contains("chmod 600 " + file)
                .doesNotContain(API);
    }

    @Test
    void groupReadableFileIsRefusedToo() throws IOException {
        write("access_token = ATCTT3xgroupgroupgroupgroup\n", "rw-r-----");

        assertThat(resolve(Map.of("HOME", home.toString())).status()).isEqualTo(Status.FAILED);
    }

    @Test
    void missingFileIsSkipped() {
        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.status()).isEqualTo(Status.SKIPPED);
        assertThat(o.reason()).contains("no file at");
    }

    @Test
    void halfConfiguredFileNamesTheMissingKey() throws IOException {
        write("api_token = " + API + "\n", "rw-------");

        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.status()).isEqualTo(Status.FAILED);
        assertThat(o.reason()).contains("api_token is set but email is not: set email");
    }

    @Test
    void unknownKeysAndBadLinesAreNoted() throws IOException {
        write("access_token = ATCTT3xnotesnotesnotesnotes\ncolour = blue\njust words\n", "rw-------");

        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.notes())
                .anySatisfy(n -> assertThat(n).contains("unknown key 'colour'"))
                .anySatisfy(n -> assertThat(n).contains("expected 'key = value'"));
    }

    @Test
    void strayLineWithATokenBeforeItsEqualsSignIsNotEchoedInNotes() throws IOException {
        String stray = "ATATT3xStrayStrayStrayStrayStray";
        write("access_token = ATCTT3xnotesnotesnotesnotes\napi_token: " + stray + "=XXXX\n", "rw-------");

        ProviderOutcome o = resolve(Map.of("HOME", home.toString()));

        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("line 2: unknown key (not shown"));
        assertThat(String.join("\n", o.notes())).doesNotContain("ATATT3xStray").doesNotContain("api_token:");
        assertThat(o.resolved().orElseThrow().toString()).doesNotContain("ATATT3xStray");
    }
}
