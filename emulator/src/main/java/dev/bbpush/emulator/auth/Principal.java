package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.world.Account;
import dev.bbpush.emulator.world.Credential;
import java.util.List;
import java.util.Optional;

/**
 * Who a request acts as, after authentication.
 *
 * @param type the credential type, which is also the {@code X-Credential-Type} header value
 * @param credential the world credential used ({@code null} when anonymous; for OAuth access tokens,
 *     the consumer)
 * @param account the account acted as ({@code null} for anonymous, access tokens and client-credentials
 *     OAuth tokens, which act as an {@code app_user})
 * @param scopes the granted scopes (fine-grained for API tokens, classic otherwise)
 * @param rateBucket the key of the rate-limit bucket this request counts against
 */
public record Principal(Type type, Credential credential, Account account, List<String> scopes, String rateBucket) {

  public Principal {
    scopes = List.copyOf(scopes);
  }

  public static Principal anonymous(String clientAddress) {
    return new Principal(Type.ANONYMOUS, null, null, List.of(), "anonymous:" + clientAddress);
  }

  public boolean isAnonymous() {
    return type == Type.ANONYMOUS;
  }

  public Optional<Account> accountOpt() {
    return Optional.ofNullable(account);
  }

  /** A name for logs: the credential's name, never its secret. */
  public String describe() {
    return credential == null ? type.header() : credential.name() + " (" + type.header() + ")";
  }

  /**
   * Credential types. {@link #header()} is the {@code X-Credential-Type} value: Bitbucket's observed
   * values for API and access tokens; for OAuth and app passwords no value has been captured, so the
   * emulator's choice is documented in {@code docs/emulator-fidelity.md}.
   */
  public enum Type {
    ANONYMOUS("anonymous"),
    API_TOKEN("api_token"),
    APP_PASSWORD("app_password"),
    REPO_ACCESS_TOKEN("repo_access_token"),
    PROJECT_ACCESS_TOKEN("project_access_token"),
    WORKSPACE_ACCESS_TOKEN("workspace_access_token"),
    OAUTH_TOKEN("oauth2");

    private final String header;

    Type(String header) {
      this.header = header;
    }

    public String header() {
      return header;
    }

    /** Whether the credential uses the fine-grained ({@code read:repository:bitbucket}) scope family. */
    public boolean fineGrainedScopes() {
      return this == API_TOKEN;
    }

    public boolean isAccessToken() {
      return this == REPO_ACCESS_TOKEN || this == PROJECT_ACCESS_TOKEN || this == WORKSPACE_ACCESS_TOKEN;
    }
  }
}
