/**
 * Bitbucket Cloud's authentication and authorization, REST and Git (reference: bitbucket-cloud-auth.md; the
 * emulator's choices where it is uncertain are in docs/emulator-fidelity.md): who a request is (API tokens, app
 * passwords, access tokens, OAuth), the OAuth 2.0 endpoints under {@code /site/oauth2}, the scopes each operation
 * requires (read from Bitbucket's own OpenAPI document by {@link dev.bbpush.emulator.auth.ScopeCatalog}, never
 * retyped), repository permissions, workspace policies (IP allowlist, required two-step verification), and rate
 * limits. Every refusal has Bitbucket's status and body and is logged with the rule that fired and the credential's
 * name, never its secret. {@link dev.bbpush.emulator.auth.AccessControl} is the entry point, one per emulator;
 * thread-safe. Wiring, not API.
 */
package dev.bbpush.emulator.auth;
