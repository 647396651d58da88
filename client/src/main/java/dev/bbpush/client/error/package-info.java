/**
 * The library's exceptions, all unchecked under {@link dev.bbpush.client.error.BbpushException}, in three families
 * that never mix: {@link dev.bbpush.client.error.BitbucketApiException} (Bitbucket answered non-2xx; one subclass per
 * status that needs its own handling, with the parsed {@link dev.bbpush.client.error.ErrorBody} and the headers that
 * explain a refusal), {@link dev.bbpush.client.error.TransportException} (no answer after retries; {@code
 * mayHaveReachedServer()} says whether a POST could have landed) and {@link
 * dev.bbpush.client.error.UnexpectedResponseException} (a success whose body is not the documented JSON), plus
 * {@link dev.bbpush.client.error.NoCredentialsException}. All are API. Messages say what happened, why and the fix,
 * and never contain a secret. Immutable; safe to share between threads.
 */
package dev.bbpush.client.error;
