package dev.bbpush.client.safety;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The rule table: every secret rule bbpush applies to outgoing files, with its stable id. {@code docs/safety.md}
 * documents the same table; keep both in step. The patterns target well-known token shapes (prefixes and lengths
 * published by the vendors) to keep false positives rare; everything found can be allowed per path and rule with
 * {@link SafetyOverrides#allow(String, String)}.
 */
final class SecretRules {
    /** Rule id of the Terraform-profile block (not a secret pattern, but overridable the same way). */
    public static final String TERRAFORM_PROFILE = "terraform-profile";

    private static final Predicate<String> ANY_FILE = p -> true;
    private static final Predicate<String> TFVARS =
            p -> p.toLowerCase(Locale.ROOT).endsWith(".tfvars");

    // Keys naming a secret, unless the name says it is only about one (secret_name, token_ttl, password_length...).
    private static final Pattern NOT_A_SECRET_KEY = Pattern.compile(
            "(?i).*(_name|_names|_id|_ids|_arn|_ttl|_length|_len|_path|_version|_type|_enabled|_rotation.*|_policy)");

    /** All rules, in report order. */
    public static final List<SecretRule> ALL = List.of(
            new SecretRule(
                    "private-key",
                    "PEM private key block",
                    ANY_FILE,
                    null,
                    Pattern.compile("(-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)"),
                    1,
                    16,
                    m -> true,
                    List.of("private key")),
            new SecretRule(
                    "aws-access-key-id",
                    "AWS access key id (AKIA/ASIA)",
                    ANY_FILE,
                    null,
                    Pattern.compile("(?<![A-Z0-9])((?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])"),
                    1,
                    4,
                    m -> true,
                    List.of("akia", "asia")),
            new SecretRule(
                    "aws-secret-access-key",
                    "AWS secret access key next to aws_secret_access_key/secret_key",
                    ANY_FILE,
                    null,
                    Pattern.compile("(?i)(?:aws_secret_access_key|secret_access_key|secret_key)[\"']?\\s*[:=]\\s*[\"']?"
                            + "([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])"),
                    1,
                    2,
                    m -> true,
                    List.of("secret_access_key", "secret_key")),
            new SecretRule(
                    "gcp-service-account-key",
                    "GCP service-account key (JSON with private_key)",
                    ANY_FILE,
                    Pattern.compile("\"type\"\\s*:\\s*\"service_account\""),
                    Pattern.compile("\"private_key\"\\s*:\\s*\"([^\"]{16,})"),
                    1,
                    2,
                    m -> true,
                    List.of("service_account")),
            new SecretRule(
                    "azure-storage-key",
                    "Azure storage account key (AccountKey=...)",
                    ANY_FILE,
                    null,
                    Pattern.compile("(?i)AccountKey\\s*=\\s*([A-Za-z0-9+/]{86}==)"),
                    1,
                    2,
                    m -> true,
                    List.of("accountkey")),
            new SecretRule(
                    "atlassian-api-token",
                    "Atlassian API token (ATATT3x/ATCTT3x)",
                    ANY_FILE,
                    null,
                    Pattern.compile("(?<![A-Za-z0-9_-])((?:ATATT3x|ATCTT3x)[A-Za-z0-9_\\-=]{20,})"),
                    1,
                    7,
                    m -> true,
                    List.of("atatt3x", "atctt3x")),
            new SecretRule(
                    "bitbucket-app-password",
                    "Bitbucket app password (ATBB...)",
                    ANY_FILE,
                    null,
                    Pattern.compile("(?<![A-Za-z0-9])(ATBB[A-Za-z0-9]{24,})(?![A-Za-z0-9])"),
                    1,
                    4,
                    m -> true,
                    List.of("atbb")),
            new SecretRule(
                    "github-token",
                    "GitHub token (ghp_/gho_/ghu_/ghs_/ghr_/github_pat_)",
                    ANY_FILE,
                    null,
                    Pattern.compile(
                            "(?<![A-Za-z0-9_])((?:gh[pousr]_[A-Za-z0-9]{36,255})|(?:github_pat_[A-Za-z0-9_]{22,255}))"
                                    + "(?![A-Za-z0-9_])"),
                    1,
                    4,
                    m -> true,
                    List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
            new SecretRule(
                    "tfvars-password",
                    "Password-like literal in a .tfvars file",
                    TFVARS,
                    null,
                    Pattern.compile(
                            "^\\s*\"?([A-Za-z0-9_-]*(?i:password|passwd|secret|token|api_key|apikey|private_key)"
                                    + "[A-Za-z0-9_-]*)\"?\\s*[=:]\\s*\"((?!\\$\\{)[^\"]+)\""),
                    2,
                    2,
                    m -> !NOT_A_SECRET_KEY.matcher(m.group(1)).matches(),
                    List.of("password", "passwd", "secret", "token", "api_key", "apikey", "private_key")));

    private SecretRules() {}

    /** Every rule id an override may name: the secret rules plus {@link #TERRAFORM_PROFILE}. */
    public static List<String> ids() {
        return Stream.concat(ALL.stream().map(SecretRule::id), Stream.of(TERRAFORM_PROFILE))
                .toList();
    }

    /** The rule with this id. */
    public static Optional<SecretRule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
