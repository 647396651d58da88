/**
 * Credentials and where they come from. API: the sealed {@link dev.bbpush.client.auth.Credentials} values (API
 * token, access token, OAuth access token, OAuth client credentials, legacy app password) with their {@link
 * dev.bbpush.client.auth.Secret}s; the sources ({@link dev.bbpush.client.auth.CredentialChain#standard} is the one
 * statement of precedence: flags, environment, config file, stdin; {@link
 * dev.bbpush.client.auth.CredentialChain#standard(dev.bbpush.client.auth.Environment)} is the library default without
 * flags and stdin) and the story of a resolution as data ({@link dev.bbpush.client.auth.CredentialResolution},
 * {@link dev.bbpush.client.auth.ProviderOutcome}, {@link dev.bbpush.client.auth.Repair}). The environment is read
 * only through {@link dev.bbpush.client.auth.Environment}. Values are immutable and thread-safe; a chain is safe to
 * share but the stdin source reads its stream once. Configuration problems never throw: they are FAILED outcomes
 * naming the fix, and {@link dev.bbpush.client.error.NoCredentialsException} is thrown only by callers that need a
 * credential (e.g. {@code BitbucketClient.Builder#build()}). {@code toString()} never shows a secret.
 */
package dev.bbpush.client.auth;
