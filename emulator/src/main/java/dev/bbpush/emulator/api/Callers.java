package dev.bbpush.emulator.api;

import dev.bbpush.emulator.auth.AccessControl;
import dev.bbpush.emulator.auth.Principal;
import dev.bbpush.emulator.http.ApiError;
import dev.bbpush.emulator.http.Exchange;

/** Checks on the caller that several handler groups share. */
final class Callers {
    private Callers() {}

    /**
     * The authenticated principal of the request.
     *
     * @throws ApiError 401 with the same Basic challenge {@link AccessControl} sends, for anonymous callers
     */
    static Principal requireAuthenticated(Exchange ex) {
        Principal p = ex.principal();
        if (p == null || p.isAnonymous()) {
            throw new ApiError(401, "Unauthorized")
                    .noBody()
                    .header("WWW-Authenticate", AccessControl.BASIC_CHALLENGE)
                    .reason("anonymous caller on " + ex.route());
        }
        return p;
    }
}
