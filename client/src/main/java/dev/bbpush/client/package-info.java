/**
 * The bbpush library's front door: {@link dev.bbpush.client.BitbucketClient} (built with {@code
 * BitbucketClient.builder().build()}, which takes credentials from the environment or the config file, never from
 * standard input) and its small result records {@link dev.bbpush.client.Repository}, {@link
 * dev.bbpush.client.Branch} and {@link dev.bbpush.client.User}. The main call is {@link
 * dev.bbpush.client.BitbucketClient#push(dev.bbpush.client.push.PushRequest)}. Everything here is API. A client is
 * thread-safe and holds one connection pool: build it once, share it, close it. Calls throw only the unchecked
 * families of {@link dev.bbpush.client.error.BbpushException} (Bitbucket said no; no answer arrived; the answer was
 * not the documented JSON) and {@link IllegalArgumentException}/{@link NullPointerException} for programmer errors.
 * No public signature in the library mentions a third-party type (enforced by a test).
 */
package dev.bbpush.client;
