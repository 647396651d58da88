package dev.bbpush.client.auth;

import java.util.List;
import java.util.Objects;

/**
 * A credential together with its story: where it came from, which paste repairs it needed, and notes (shadowed
 * values, suspicious shapes). Holds no unmasked secret in {@code toString()}.
 *
 * @param credentials the credential
 * @param source where it came from
 * @param repairs paste damage fixed on the way
 * @param notes warnings worth showing, e.g. a lower-precedence value that was ignored
 */
public record ResolvedCredentials(
        Credentials credentials, CredentialSource source, List<Repair> repairs, List<String> notes) {
    public ResolvedCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(source, "source");
        repairs = List.copyOf(repairs);
        notes = List.copyOf(notes);
    }

    /** A credential set in code. */
    public static ResolvedCredentials explicit(Credentials credentials) {
        return new ResolvedCredentials(
                credentials, new CredentialSource(CredentialSource.Type.EXPLICIT, "", List.of()), List.of(), List.of());
    }
}
