/**
 * The one HTTP transport, for requests the typed calls of {@code BitbucketClient} do not cover: {@link
 * dev.bbpush.client.http.HttpTransport} (from {@code BitbucketClient#http()}), immutable {@link
 * dev.bbpush.client.http.Request}s with an optional streamed {@link dev.bbpush.client.http.RequestBody}, {@link
 * dev.bbpush.client.http.Response}s with redacted {@link dev.bbpush.client.http.Headers}, the {@link
 * dev.bbpush.client.http.RetryPolicy}, and {@link dev.bbpush.client.http.HttpListener}/{@link
 * dev.bbpush.client.http.HttpEvent} to observe traffic (headers redacted, no bodies). The Apache HttpClient 5 that
 * does the work is an implementation detail: no public signature mentions it. {@code ApiErrors} (error mapping) and
 * {@code Authorizer} are public only because other bbpush packages call them; they are not API. The transport is
 * thread-safe; {@code exchange} returns any status as data and throws only {@link
 * dev.bbpush.client.error.TransportException}; {@code send} throws the typed {@link
 * dev.bbpush.client.error.BitbucketApiException} for non-2xx. Retries: retry-safe requests only, see {@link
 * dev.bbpush.client.http.RetryPolicy}.
 */
package dev.bbpush.client.http;
