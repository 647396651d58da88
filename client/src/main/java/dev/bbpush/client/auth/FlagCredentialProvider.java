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
        // The CLI takes no secret on the command line; only library callers set secret "flags" (CredentialFlags).
        "no credential given by flags");
  }
}
