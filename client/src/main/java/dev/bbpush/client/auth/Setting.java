package dev.bbpush.client.auth;

import java.util.List;
import java.util.Optional;

/**
 * The settings table: each setting's flag name, config-file key and environment variables (in precedence order). The
 * providers of the {@link CredentialChain} and {@link Settings} read names from here and nowhere else.
 *
 * <p>The flag names of the <b>secret</b> settings ({@link #secret()}: API token, access token, OAuth secret) are only
 * keys of {@link CredentialFlags} for library callers: the bbpush CLI deliberately has no secret flags (command
 * lines are visible to other processes), so messages never tell a user to pass them. The non-secret flags are real
 * CLI options.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>Setting</th><th>Flag name</th><th>Config key</th><th>Environment (first wins)</th></tr>
 *   <tr><td>EMAIL</td><td>--email</td><td>email</td><td>BBPUSH_EMAIL, BITBUCKET_EMAIL, ATLASSIAN_EMAIL</td></tr>
 *   <tr><td>API_TOKEN</td><td>--api-token</td><td>api_token</td>
 *       <td>BBPUSH_API_TOKEN, BITBUCKET_API_TOKEN, ATLASSIAN_API_TOKEN</td></tr>
 *   <tr><td>ACCESS_TOKEN</td><td>--access-token</td><td>access_token</td>
 *       <td>BBPUSH_ACCESS_TOKEN, BITBUCKET_ACCESS_TOKEN</td></tr>
 *   <tr><td>OAUTH_CLIENT_ID</td><td>--oauth-client-id</td><td>oauth_client_id</td><td>BBPUSH_OAUTH_CLIENT_ID</td></tr>
 *   <tr><td>OAUTH_CLIENT_SECRET</td><td>--oauth-client-secret</td><td>oauth_client_secret</td>
 *       <td>BBPUSH_OAUTH_CLIENT_SECRET</td></tr>
 *   <tr><td>USERNAME</td><td>-</td><td>-</td><td>BITBUCKET_USERNAME</td></tr>
 *   <tr><td>APP_PASSWORD</td><td>-</td><td>-</td><td>BITBUCKET_APP_PASSWORD</td></tr>
 *   <tr><td>API_URL</td><td>--api-url</td><td>api_url</td><td>BBPUSH_API_URL</td></tr>
 *   <tr><td>OAUTH_TOKEN_URL</td><td>--oauth-token-url</td><td>oauth_token_url</td><td>BBPUSH_OAUTH_TOKEN_URL</td></tr>
 * </table>
 */
public enum Setting {
    EMAIL(
            false,
            "--email",
            "email",
            "the Atlassian account email",
            "BBPUSH_EMAIL",
            "BITBUCKET_EMAIL",
            "ATLASSIAN_EMAIL"),
    API_TOKEN(
            true,
            "--api-token",
            "api_token",
            "an Atlassian API token",
            "BBPUSH_API_TOKEN",
            "BITBUCKET_API_TOKEN",
            "ATLASSIAN_API_TOKEN"),
    ACCESS_TOKEN(
            true,
            "--access-token",
            "access_token",
            "a repository/project/workspace access token",
            "BBPUSH_ACCESS_TOKEN",
            "BITBUCKET_ACCESS_TOKEN"),
    OAUTH_CLIENT_ID(false, "--oauth-client-id", "oauth_client_id", "the OAuth consumer key", "BBPUSH_OAUTH_CLIENT_ID"),
    OAUTH_CLIENT_SECRET(
            true,
            "--oauth-client-secret",
            "oauth_client_secret",
            "the OAuth consumer secret",
            "BBPUSH_OAUTH_CLIENT_SECRET"),
    USERNAME(false, null, null, "the Bitbucket username", "BITBUCKET_USERNAME"),
    APP_PASSWORD(true, null, null, "a legacy app password", "BITBUCKET_APP_PASSWORD"),
    API_URL(false, "--api-url", "api_url", "the REST API base URL", "BBPUSH_API_URL"),
    OAUTH_TOKEN_URL(
            false, "--oauth-token-url", "oauth_token_url", "the OAuth token endpoint", "BBPUSH_OAUTH_TOKEN_URL");

    private final boolean secret;
    private final String flag;
    private final String configKey;
    private final String description;
    private final List<String> envVars;

    Setting(boolean secret, String flag, String configKey, String description, String... envVars) {
        this.secret = secret;
        this.flag = flag;
        this.configKey = configKey;
        this.description = description;
        this.envVars = List.of(envVars);
    }

    /**
     * Whether the value is a secret: masked when shown, never suggested as a command-line flag, and not accepted by the
     * bbpush CLI as one.
     */
    public boolean secret() {
        return secret;
    }

    /**
     * The flag name, if the setting has one: a {@link CredentialFlags} key, and for non-secret settings the bbpush CLI
     * option of that name.
     */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** The config-file key, if the setting has one. */
    public Optional<String> configKey() {
        return Optional.ofNullable(configKey);
    }

    /** What the value is, for messages. */
    public String description() {
        return description;
    }

    /** The environment variables, highest precedence first. */
    public List<String> envVars() {
        return envVars;
    }
}
