package dev.bbpush.client.error;

import java.util.List;

/**
 * 403 "Your credentials lack one or more required privilege scopes.": the credential is valid but lacks scopes
 * (reference: bitbucket-cloud-auth.md §4.5). {@link #required()} and {@link #granted()} come from
 * {@code error.detail.required}/{@code .granted}.
 */
public class MissingScopesException extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public MissingScopesException(String message, ApiFailure failure) {
        super(message, failure);
    }

    /** The scopes the endpoint needs. */
    public List<String> required() {
        return error().required();
    }

    /** The scopes the credential holds. */
    public List<String> granted() {
        return error().granted();
    }

    /** {@code required} minus {@code granted}. */
    public List<String> missing() {
        return required().stream().filter(s -> !granted().contains(s)).toList();
    }
}
