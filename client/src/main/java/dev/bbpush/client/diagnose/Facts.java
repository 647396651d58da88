package dev.bbpush.client.diagnose;

import dev.bbpush.client.auth.ApiToken;
import dev.bbpush.client.auth.AppPassword;
import dev.bbpush.client.auth.CredentialKind;
import dev.bbpush.client.auth.Credentials;
import dev.bbpush.client.auth.FixedCredentials;
import dev.bbpush.client.auth.OAuthClientCredentials;
import dev.bbpush.client.auth.Secret;
import dev.bbpush.client.auth.TokenShape;

/**
 * The credential's parts as sent: kind, secret, identity, scheme, Git user. Holds the revealed secret, so {@link
 * #toString()} masks it.
 */
record Facts(CredentialKind kind, String secret, String identity, String scheme, String gitUser) {
    static Facts of(Credentials c) {
        if (c instanceof ApiToken t) {
            return new Facts(c.kind(), t.token().reveal(), t.email(), "Basic", c.gitUsername());
        }
        if (c instanceof AppPassword p) {
            return new Facts(c.kind(), p.password().reveal(), p.username(), "Basic", c.gitUsername());
        }
        if (c instanceof OAuthClientCredentials o) {
            return new Facts(c.kind(), o.clientSecret().reveal(), o.clientId(), "Bearer", c.gitUsername());
        }
        FixedCredentials f = (FixedCredentials) c;
        return new Facts(c.kind(), f.gitPassword().reveal(), "", "Bearer", c.gitUsername());
    }

    /** The secret's shape (API token, access token, …), judged from its value. */
    TokenShape shape() {
        return TokenShape.of(secret);
    }

    @Override
    public String toString() {
        return "Facts[kind=" + kind + ", secret=" + Secret.mask(secret) + ", identity=" + identity + ", scheme="
                + scheme + ", gitUser=" + gitUser + "]";
    }
}
