package dev.bbpush.emulator.world;

import java.util.Objects;

/**
 * A Bitbucket account (an Atlassian account with a Bitbucket profile).
 *
 * @param username the Bitbucket username (used for Git over HTTPS, never for REST with API tokens)
 * @param displayName the display name, also the default commit author name
 * @param email the Atlassian account email: the REST identity for API tokens
 * @param uuid the account UUID in braces, e.g. {@code {768f8c62-...}}
 * @param accountId the Atlassian account id, e.g. {@code 557058:3aae1e05-...}
 * @param twoStepVerification whether the account has Bitbucket two-step verification enabled
 * @param password the account's login password (only so the emulator can refuse it like Bitbucket does)
 */
public record Account(
        String username,
        String displayName,
        String email,
        String uuid,
        String accountId,
        boolean twoStepVerification,
        String password) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(accountId, "accountId");
    }

    /** The author string Bitbucket uses when {@code /src} gets no {@code author}. */
    public String authorRaw() {
        return displayName + " <" + email + ">";
    }

    @Override
    public String toString() {
        return "Account[" + username + "]";
    }
}
