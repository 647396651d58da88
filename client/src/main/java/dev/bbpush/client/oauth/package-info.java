/**
 * OAuth 2.0 client credentials for a Bitbucket consumer: fetching, caching, renewing and rotating the access token,
 * used by {@code BitbucketClient} when its credential is {@link dev.bbpush.client.auth.OAuthClientCredentials}. Not
 * API: callers pass the credential to {@code BitbucketClient.builder().credentials(...)} and never touch this
 * package; it is public only because the client and the doctor live in other packages. Thread-safe: concurrent
 * callers share one token request. A refused token request throws {@link
 * dev.bbpush.client.error.AuthenticationException} or {@link dev.bbpush.client.error.BitbucketApiException} naming
 * the consumer key (never the secret) and the fix.
 */
package dev.bbpush.client.oauth;
