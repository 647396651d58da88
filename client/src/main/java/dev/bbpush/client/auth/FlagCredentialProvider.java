package dev.bbpush.client.auth;

import java.util.Objects;

/**
 * Credentials from command-line flags: {@code --email} + {@code --api-token}, else {@code --access-token}, else
 * {@code --oauth-client-id} + {@code --oauth-client-secret}.
 */
public final class FlagCredentialProvider implements CredentialProvider {
  private final CredentialFlags flags;

  public FlagCredentialProvider(CredentialFlags flags) {
    this.flags = Objects.requireNonNull(flags, "flags");
  }

  @Override
  public String name() {
    return "flags";
  }

  @Override
  public ProviderOutcome resolve() {
    return CredentialGroups.assemble(name(), CredentialSource.Type.FLAG, "",
        CredentialGroups.standardGroups(s -> s.flag().orElseThrow()), flags::byFlag,
        "no credential flags given (--api-token with --email, --access-token, --oauth-client-id with "
            + "--oauth-client-secret)");
  }
}
