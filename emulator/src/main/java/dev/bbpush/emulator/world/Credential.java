package dev.bbpush.emulator.world;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A credential the world knows. Secrets are deterministic for a world, so tests and docs can rely on
 * them; {@link #toString()} never shows them.
 *
 * @param name a stable name, e.g. {@code rahul-api-token}
 * @param kind the credential kind
 * @param owner the owning account's username (API tokens, app passwords, account passwords, OAuth
 *     consumers), or {@code null} for access tokens
 * @param resource for access tokens: {@code ws/repo} (repository), {@code ws/PROJECTKEY} (project)
 *     or {@code ws} (workspace); for OAuth consumers, the owning workspace; else {@code null}
 * @param secret the token, password or OAuth consumer secret
 * @param key the OAuth consumer key ({@code null} for other kinds)
 * @param scopes granted scopes: fine-grained for API tokens, classic for the others; an empty list
 *     on an API token means "created without scopes"
 * @param expires when it stops working, or {@code null} for never
 * @param revoked whether it has been revoked
 * @param privateConsumer for OAuth consumers: whether it is marked private (client credentials need it)
 * @param callbackUrl for OAuth consumers: the callback URL ({@code null} means none is defined)
 */
public record Credential(
        String name,
        CredentialKind kind,
        String owner,
        String resource,
        String secret,
        String key,
        List<String> scopes,
        Instant expires,
        boolean revoked,
        boolean privateConsumer,
        String callbackUrl) {

    public Credential {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(secret, "secret");
        scopes = List.copyOf(scopes);
    }

    public boolean isExpiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }

    @Override
    public String toString() {
        return "Credential[" + name + ", " + kind.wire() + "]";
    }
}
