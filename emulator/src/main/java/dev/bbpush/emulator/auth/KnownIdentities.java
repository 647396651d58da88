package dev.bbpush.emulator.auth;

import dev.bbpush.emulator.world.World;

/**
 * Which Basic usernames logs and the journal may show in clear: identities the world knows (an account's username or
 * email, an OAuth consumer key) and Bitbucket's fixed Git users. Anything else may be a secret pasted into the username
 * field, and is masked.
 */
public final class KnownIdentities {
    private KnownIdentities() {}

    /** True when {@code user} is a known identity of {@code world} and safe to show in clear. */
    public static boolean isKnown(World world, String user) {
        return user.equals("x-bitbucket-api-token-auth")
                || user.equals("x-token-auth")
                || world.account(user).isPresent()
                || world.accountByEmail(user).isPresent()
                || world.consumerByKey(user).isPresent();
    }
}
