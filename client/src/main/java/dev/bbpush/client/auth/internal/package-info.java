/**
 * Not API: OAuth 2.0 client credentials for a Bitbucket consumer, {@link
 * dev.bbpush.client.auth.internal.ClientCredentialsAuthorizer} fetching, caching, renewing and rotating the access
 * token, used by {@code BitbucketClient} when its credential is {@link dev.bbpush.client.auth.OAuthClientCredentials}
 * and by the doctor. Callers pass the credential to {@code BitbucketClient.builder().credentials(...)} and never touch
 * this package; it is public only because the client and the doctor live in other packages, and {@code internal}
 * because it is not part of the library's surface. Thread-safe: concurrent callers share one token request. A refused
 * token request throws {@link dev.bbpush.client.error.AuthenticationException} or {@link
 * dev.bbpush.client.error.BitbucketApiException} naming the consumer key (never the secret) and the fix.
 */
package dev.bbpush.client.auth.internal;
