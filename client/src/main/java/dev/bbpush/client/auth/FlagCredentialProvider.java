package dev.bbpush.client.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Credentials from {@link CredentialFlags}, keyed by {@link Setting#flag()}: email + API token, else access token,
 * else OAuth consumer key + secret. For library callers with their own command line: the bbpush CLI takes no secret
 * on the command line, so from the CLI this source never finds a credential.
 */
final class FlagCredentialProvider implements CredentialProvider {
    private final CredentialFlags flags;
    private final Supplier<Optional<StdinCredentialProvider.EmailValue>> email;

    /** Takes the email for an API token from {@code --email} only. */
    public FlagCredentialProvider(CredentialFlags flags) {
        this(flags, EmailLookup.flagsOnly(flags));
    }

    /**
     * @param email finds the email for an API token with the name it came from (the standard chain: {@code --email},
     *     then the environment, then the config file)
     */
    public FlagCredentialProvider(CredentialFlags flags, Supplier<Optional<StdinCredentialProvider.EmailValue>> email) {
        this.flags = Objects.requireNonNull(flags, "flags");
        this.email = Objects.requireNonNull(email, "email");
    }

    @Override
    public String name() {
        return "flags";
    }

    @Override
    public ProviderOutcome resolve() {
        return CredentialGroups.assemble(
                name(),
                CredentialSource.Type.FLAG,
                "",
                CredentialGroups.standardGroups(s -> s.flag().orElseThrow()),
                flags::byFlag,
                email,
                // The CLI takes no secret on the command line; only library callers set secret "flags"
                // (CredentialFlags).
                "no credential given by flags");
    }
}
