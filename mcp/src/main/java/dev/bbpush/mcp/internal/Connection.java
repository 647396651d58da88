package dev.bbpush.mcp.internal;

import dev.bbpush.client.BitbucketClient;
import dev.bbpush.client.auth.CredentialChain;
import dev.bbpush.client.auth.CredentialFlags;
import dev.bbpush.client.auth.CredentialProvider;
import dev.bbpush.client.auth.CredentialResolution;
import dev.bbpush.client.auth.Environment;
import dev.bbpush.client.auth.ProviderOutcome;
import dev.bbpush.client.auth.Setting;
import dev.bbpush.client.auth.Settings;
import dev.bbpush.client.diagnose.DoctorContext;
import dev.bbpush.client.error.NoCredentialsException;
import java.io.InputStream;
import java.net.URI;
import java.util.Objects;

/**
 * The server's one way to Bitbucket: the credential chain of the CLI without flags or stdin (stdin carries the
 * protocol), i.e. the environment, then the config file ({@link CredentialChain#standard}); the API URL and OAuth
 * token URL from the same settings. One {@link BitbucketClient} (one connection pool) is made on first use and shared
 * by every tool call; a failed resolution is not kept, so fixing the config file helps without a restart.
 */
final class Connection implements AutoCloseable {
  /** A credential resolution and the client made with it. */
  record Session(CredentialResolution resolution, BitbucketClient client) {}

  private final Environment env;
  private Session session;

  Connection(Environment env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** Every source's outcome and the chosen credential (reads the environment and the config file again). */
  CredentialResolution resolve() {
    return CredentialChain.standard(CredentialFlags.none(), env, InputStream.nullInputStream()).resolveAll();
  }

  /**
   * The shared client, made on first use.
   *
   * @throws NoCredentialsException when no source supplies a credential (the message tells each source's outcome)
   * @throws ToolFailure {@link ToolCause#INVALID_CONFIGURATION} when the configured API URL is not a valid https (or
   *     loopback http) URL
   */
  synchronized Session session() {
    if (session == null) {
      session = configured(this::newSession);
    }
    return session;
  }

  private Session newSession() {
    CredentialResolution r = resolve();
    if (r.chosen().isEmpty()) {
      throw new NoCredentialsException(r.failureMessage());
    }
    BitbucketClient.Builder b = BitbucketClient.builder().apiUrl(apiUrl()).credentials(new CredentialProvider() {
      @Override
      public String name() {
        return "credential chain";
      }

      @Override
      public ProviderOutcome resolve() {
        return ProviderOutcome.found(name(), r.chosen().get());
      }
    });
    settings().oauthTokenUrl().map(v -> URI.create(v.value())).ifPresent(b::oauthTokenUrl);
    return new Session(r, b.build());
  }

  /** The doctor's context for {@code resolution}: API URL, OAuth token URL and email from the settings. */
  DoctorContext.Builder doctor(CredentialResolution resolution) {
    return configured(() -> {
      DoctorContext.Builder b = DoctorContext.builder()
          .apiUrl(apiUrl())
          .resolution(resolution)
          .email(settings().get(Setting.EMAIL).map(Settings.Value::value).orElse(null));
      settings().oauthTokenUrl().map(v -> URI.create(v.value())).ifPresent(b::oauthTokenUrl);
      return b;
    });
  }

  /**
   * Runs {@code step}, turning a refused setting (an API or token URL that is not https, or not a URL) into a
   * failure that names the variable: the agent cannot fix it, the person configuring the server can.
   */
  private static <T> T configured(java.util.function.Supplier<T> step) {
    try {
      return step.get();
    } catch (IllegalArgumentException e) {
      throw new ToolFailure(ToolCause.INVALID_CONFIGURATION,
          "The server's Bitbucket settings are not usable: " + e.getMessage(),
          "The person who configured the MCP server fixes BBPUSH_API_URL / BBPUSH_OAUTH_TOKEN_URL in its "
              + "environment (or api_url / oauth_token_url in the config file) and restarts it.");
    }
  }

  /** {@code BBPUSH_API_URL}, config {@code api_url}, else Bitbucket Cloud's. */
  URI apiUrl() {
    return settings().apiUrl().map(v -> URI.create(v.value().strip())).orElse(BitbucketClient.DEFAULT_API_URL);
  }

  private Settings settings() {
    return new Settings(CredentialFlags.none(), env);
  }

  @Override
  public synchronized void close() {
    if (session != null) {
      session.client().close();
    }
  }
}
