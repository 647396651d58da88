package dev.bbpush.client.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bbpush.client.changes.ChangeSet;
import dev.bbpush.client.changes.ContentSource;
import dev.bbpush.client.changes.FileChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretScanTest {

    private static SafetyReport scan(String path, String text) throws IOException {
        return SafetyScanner.defaults()
                .scan(ChangeSet.builder().addText(path, text).build());
    }

    static Stream<Arguments> oneSecretPerRule() {
        return Stream.of(
                Arguments.of(
                        "private-key",
                        "keys/id_rsa",
                        FakeSecrets.privateKeyHeader(),
                        FakeSecrets.privateKeyHeader() + "\nMIIEFAKE\n-----END RSA PRIVATE KEY-----\n"),
                Arguments.of(
                        "aws-access-key-id",
                        "provider.tf",
                        FakeSecrets.awsAccessKeyId(),
                        "provider \"aws\" {\n  access_key = \"" + FakeSecrets.awsAccessKeyId() + "\"\n}\n"),
                Arguments.of(
                        "aws-access-key-id",
                        "env.sh",
                        FakeSecrets.awsSessionKeyId(),
                        "export AWS_ACCESS_KEY_ID=" + FakeSecrets.awsSessionKeyId() + "\n"),
                Arguments.of(
                        "aws-secret-access-key",
                        ".aws/credentials",
                        FakeSecrets.awsSecretKey(),
                        "[default]\naws_secret_access_key = " + FakeSecrets.awsSecretKey() + "\n"),
                Arguments.of(
                        "aws-secret-access-key",
                        "provider.tf",
                        FakeSecrets.awsSecretKey(),
                        "provider \"aws\" {\n  secret_key = \"" + FakeSecrets.awsSecretKey() + "\"\n}\n"),
                Arguments.of(
                        "gcp-service-account-key",
                        "sa.json",
                        FakeSecrets.gcpPrivateKey(),
                        "{\n  \"type\": \"service_account\",\n  \"project_id\": \"fake\",\n  \"private_key\": \""
                                + FakeSecrets.gcpPrivateKey()
                                + "\",\n  \"client_email\": \"x@fake.iam.gserviceaccount.com\"\n}\n"),
                Arguments.of(
                        "azure-storage-key",
                        "backend.tf",
                        FakeSecrets.azureAccountKey(),
                        "conn = \"DefaultEndpointsProtocol=https;AccountName=fake;AccountKey="
                                + FakeSecrets.azureAccountKey() + ";EndpointSuffix=core.windows.net\"\n"),
                Arguments.of(
                        "atlassian-api-token",
                        "ci.env",
                        FakeSecrets.atlassianApiToken(),
                        "BITBUCKET_TOKEN=" + FakeSecrets.atlassianApiToken() + "\n"),
                Arguments.of(
                        "atlassian-api-token",
                        "ci.env",
                        FakeSecrets.atlassianContainerToken(),
                        "TOKEN=" + FakeSecrets.atlassianContainerToken() + "\n"),
                Arguments.of(
                        "bitbucket-app-password",
                        "ci.env",
                        FakeSecrets.bitbucketAppPassword(),
                        "BB_APP_PASSWORD=" + FakeSecrets.bitbucketAppPassword() + "\n"),
                Arguments.of(
                        "github-token",
                        "gh.tf",
                        FakeSecrets.githubToken("ghp"),
                        "token = \"" + FakeSecrets.githubToken("ghp") + "\"\n"),
                Arguments.of("github-token", "gh.tf", FakeSecrets.githubToken("gho"), FakeSecrets.githubToken("gho")),
                Arguments.of("github-token", "gh.tf", FakeSecrets.githubToken("ghu"), FakeSecrets.githubToken("ghu")),
                Arguments.of("github-token", "gh.tf", FakeSecrets.githubToken("ghs"), FakeSecrets.githubToken("ghs")),
                Arguments.of("github-token", "gh.tf", FakeSecrets.githubToken("ghr"), FakeSecrets.githubToken("ghr")),
                Arguments.of("github-token", "gh.tf", FakeSecrets.githubFineGrained(), FakeSecrets.githubFineGrained()),
                Arguments.of(
                        "tfvars-password",
                        "live/prod.tfvars",
                        "hun" + "ter2",
                        "region = \"eu-west-1\"\ndb_password = \"" + "hun" + "ter2" + "\"\n"),
                Arguments.of(
                        "tfvars-password",
                        "live/prod.auto.tfvars",
                        "s3cr3t-" + "value",
                        "api_key = \"s3cr3t-" + "value\"\n"),
                Arguments.of(
                        "tfvars-password",
                        "live/prod.tfvars",
                        "tok" + "en-value-1",
                        "\"github_token\" = \"tok" + "en-value-1\"\n"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("oneSecretPerRule")
    void eachRuleFiresWithMaskedMatchAndLineNumber(String ruleId, String path, String secret, String text)
            throws IOException {
        String content = "# header line\n\n" + text;
        int expectedLine = 3
                + (int) text.substring(0, text.indexOf(secret))
                        .chars()
                        .filter(c -> c == '\n')
                        .count();

        SafetyReport report = scan(path, content);

        assertThat(report.blocked()).isTrue();
        assertThat(report.findings())
                .filteredOn(f -> f.ruleId().equals(ruleId))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.path()).isEqualTo(path);
                    assertThat(f.line()).isEqualTo(expectedLine);
                    assertThat(f.maskedMatch()).endsWith("********").doesNotContain(secret);
                    assertThat(f.maskedMatch().length() - 8).isLessThanOrEqualTo(secret.length() / 4);
                    assertThat(secret)
                            .startsWith(
                                    f.maskedMatch().substring(0, f.maskedMatch().length() - 8));
                    assertThat(f.allowed()).isFalse();
                });
        assertThat(report.toString()).doesNotContain(secret);
    }

    @Test
    void variableReferencesAndNonSecretKeysInTfvarsAreNotFindings() throws IOException {
        SafetyReport report = scan(
                "live/prod.tfvars",
                String.join(
                        "\n",
                        "password = var.db_password",
                        "db_password = \"${var.db_password}\"",
                        "secret_name = \"prod/db\"",
                        "token_ttl = \"1h\"",
                        "password_length = 24",
                        "empty_password = \"\"",
                        "# admin_password = commented out without quotes",
                        "region = \"eu-west-1\"",
                        ""));

        assertThat(report.findings()).isEmpty();
        assertThat(report.blocked()).isFalse();
    }

    @Test
    void tfvarsRuleOnlyAppliesToTfvarsFiles() throws IOException {
        assertThat(scan("live/main.tf", "db_password = \"" + "hun" + "ter2\"\n").findings())
                .isEmpty();
    }

    @Test
    void lookalikesDoNotFire() throws IOException {
        SafetyReport report = scan(
                "notes.md",
                String.join(
                        "\n",
                        "AKIA is the prefix of AWS key ids",
                        "see ghp_ tokens in the GitHub docs",
                        "AccountKey=short",
                        "the word PRIVATE KEY alone",
                        ""));

        assertThat(report.findings()).isEmpty();
    }

    @Test
    void overrideIsPerPathAndRule() throws IOException {
        String pw = "hun" + "ter2";
        ChangeSet cs = ChangeSet.builder()
                .addText(
                        "live/test.tfvars",
                        "db_password = \"" + pw + "\"\nkey = \"" + FakeSecrets.awsAccessKeyId() + "\"\n")
                .addText("live/prod.tfvars", "db_password = \"" + pw + "\"\n")
                .build();
        SafetyScanner scanner = SafetyScanner.defaults()
                .withOverrides(SafetyOverrides.none().allow("live/test.tfvars", "tfvars-password"));

        SafetyReport report = scanner.scan(cs);

        assertThat(report.findings())
                .extracting(Finding::path, Finding::ruleId, Finding::allowed)
                .containsExactly(
                        Tuple.tuple("live/prod.tfvars", "tfvars-password", false),
                        Tuple.tuple("live/test.tfvars", "tfvars-password", true),
                        Tuple.tuple("live/test.tfvars", "aws-access-key-id", false));
        assertThat(report.blocked()).isTrue();

        SafetyReport allAllowed = scanner.withOverrides(SafetyOverrides.none()
                        .allow("live/test.tfvars", "tfvars-password")
                        .allow("/live/test.tfvars", "aws-access-key-id")
                        .allow("live/prod.tfvars", "tfvars-password"))
                .scan(cs);
        assertThat(allAllowed.blocked()).isFalse();
        assertThat(allAllowed.findings()).hasSize(3).allMatch(Finding::allowed);
    }

    @Test
    void unknownRuleIdInAnOverrideIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> SafetyOverrides.none().allow("a.tf", "all"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown safety rule 'all'")
                .hasMessageContaining("tfvars-password")
                .hasMessageContaining("terraform-profile");
    }

    @Test
    void binaryFilesAreNotScannedButReported() throws IOException {
        byte[] content = ("\0\0binary" + FakeSecrets.awsAccessKeyId()).getBytes(StandardCharsets.UTF_8);
        ChangeSet cs = ChangeSet.of(FileChange.put("img.bin", ContentSource.bytes(content)));

        SafetyReport report = SafetyScanner.defaults().scan(cs);

        assertThat(report.findings()).isEmpty();
        assertThat(report.unscanned()).containsExactly(new UnscannedFile("img.bin", UnscannedFile.Reason.BINARY));
    }

    @Test
    void onlyTheFirstMaxScanBytesAreScannedAndTruncationIsReported() throws IOException {
        String early = "key = \"" + FakeSecrets.awsAccessKeyId() + "\"\n";
        String late = "x".repeat(200) + "\n" + FakeSecrets.githubToken("ghp") + "\n";
        ChangeSet cs = ChangeSet.builder().addText("big.txt", early + late).build();

        SafetyReport report = SafetyScanner.defaults().withMaxScanBytes(100).scan(cs);

        assertThat(report.findings()).extracting(Finding::ruleId).containsExactly("aws-access-key-id");
        assertThat(report.unscanned()).containsExactly(new UnscannedFile("big.txt", UnscannedFile.Reason.TRUNCATED));
    }

    @Test
    void symlinksAreNotScanned() throws IOException {
        SafetyReport report = SafetyScanner.defaults().scan(ChangeSet.of(FileChange.symlink("a", "b")));

        assertThat(report.unscanned()).containsExactly(new UnscannedFile("a", UnscannedFile.Reason.SYMLINK));
    }

    @Test
    void findingsNeverContainTheSecretAnywhere() throws IOException {
        List<String> secrets =
                List.of(FakeSecrets.awsSecretKey(), FakeSecrets.atlassianApiToken(), FakeSecrets.azureAccountKey());
        String text = "aws_secret_access_key=" + secrets.get(0) + "\nT=" + secrets.get(1) + "\nAccountKey="
                + secrets.get(2) + "\n";

        SafetyReport report = scan("x.env", text);

        assertThat(report.findings()).hasSize(3);
        for (String s : secrets) {
            assertThat(report.toString()).doesNotContain(s).doesNotContain(s.substring(0, s.length() / 2));
        }
    }
}
