package dev.bbpush.cli;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The credential options every command that talks to Bitbucket shares ({@code @Mixin}). No option takes a secret:
 * command lines are visible to other processes, so secrets come from the environment, the config file or
 * {@code --token-stdin} (precedence: {@link CredentialChain#standard}).
 */
public final class CredentialOptions {
    @Option(
            names = "--email",
            paramLabel = "EMAIL",
            description =
                    "Atlassian account email for an API token (else BBPUSH_EMAIL, BITBUCKET_EMAIL, config 'email').")
    String email;

    @Option(
            names = "--api-url",
            paramLabel = "URL",
            description =
                    "REST API base URL (else BBPUSH_API_URL, config 'api_url'; default https://api.bitbucket.org/2.0).")
    String apiUrl;

    @Option(
            names = "--oauth-token-url",
            paramLabel = "URL",
            description =
                    "OAuth token endpoint for OAuth consumers (else BBPUSH_OAUTH_TOKEN_URL, config 'oauth_token_url'; "
                            + "default derived from the API URL).")
    String oauthTokenUrl;

    @Option(
            names = "--token-stdin",
            description = "Read the token from standard input (ATATT… API token with the email, ATCTT… access token).")
    boolean tokenStdin;

    @Option(
            names = "--oauth-client-id",
            paramLabel = "KEY",
            description = "OAuth consumer key (overrides BBPUSH_OAUTH_CLIENT_ID); the secret comes from "
                    + "BBPUSH_OAUTH_CLIENT_SECRET.")
    String oauthClientId;

    /** The parsed flags for the credential chain. */
    public CredentialFlags flags() {
        return CredentialFlags.builder()
                .email(email)
                .apiUrl(apiUrl)
                .set(Setting.OAUTH_TOKEN_URL, oauthTokenUrl)
                .tokenStdin(tokenStdin)
                .build();
    }

    /**
     * The environment as the chain should see it: {@code --oauth-client-id} stands in for {@code
     * BBPUSH_OAUTH_CLIENT_ID}, so it pairs with the secret from {@code BBPUSH_OAUTH_CLIENT_SECRET}.
     */
    public Environment environment(CliContext ctx) {
        if (oauthClientId == null || oauthClientId.isBlank()) {
            return ctx.env();
        }
        Environment base = ctx.env();
        String id = oauthClientId;
        return new Environment() {
            @Override
            public Optional<String> get(String name) {
                return Setting.OAUTH_CLIENT_ID.envVars().contains(name) ? Optional.of(id) : base.get(name);
            }

            @Override
            public Optional<Path> homeDirectory() {
                return base.homeDirectory();
            }
        };
    }

    /** Every credential source's outcome and the chosen credential. Reads stdin only with {@code --token-stdin}. */
    public CredentialResolution resolve(CliContext ctx) {
        return CredentialChain.standard(flags(), environment(ctx), ctx.stdin()).resolveAll();
    }

    /** Non-secret settings with the chain's precedence. */
    public Settings settings(CliContext ctx) {
        return new Settings(flags(), environment(ctx));
    }

    /** The API URL: {@code --api-url}, {@code BBPUSH_API_URL}, config {@code api_url}, else Bitbucket Cloud's. */
    public URI apiUrl(CliContext ctx) {
        return settings(ctx).apiUrl().map(v -> URI.create(v.value())).orElse(BitbucketClient.DEFAULT_API_URL);
    }

    /** The OAuth token endpoint when configured ({@code BBPUSH_OAUTH_TOKEN_URL}, config {@code oauth_token_url}). */
    public Optional<URI> oauthTokenUrl(CliContext ctx) {
        return settings(ctx).oauthTokenUrl().map(v -> URI.create(v.value()));
    }

    /** The Atlassian email when configured anywhere (flag, environment, config file). */
    public Optional<String> email(CliContext ctx) {
        return settings(ctx).get(Setting.EMAIL).map(Settings.Value::value);
    }
}
