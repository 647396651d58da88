/**
 * One commit per push, exactly once, plus pull requests. API: {@link dev.bbpush.client.push.PushRequest} (what to
 * push where; pass it to {@code BitbucketClient#push}), {@link dev.bbpush.client.push.PushResult} with its {@link
 * dev.bbpush.client.push.PushPlan} and {@link dev.bbpush.client.push.PullRequestResult}, {@link
 * dev.bbpush.client.push.PullRequestSpec}, progress as {@link dev.bbpush.client.push.PushEvent}s to a {@link
 * dev.bbpush.client.push.PushListener}, and one exception per outcome a caller handles differently ({@link
 * dev.bbpush.client.push.SafetyBlockedException}: nothing was sent; {@link
 * dev.bbpush.client.push.PushConflictException}, {@link dev.bbpush.client.push.BranchBusyException}, {@link
 * dev.bbpush.client.push.PushRefusedException}: nothing was committed; {@link
 * dev.bbpush.client.push.PushOutcomeUnknownException}: run it again; {@link
 * dev.bbpush.client.push.PullRequestFailedException}: the push landed). {@link dev.bbpush.client.push.Pusher} is the
 * engine behind {@code BitbucketClient#push}. Planning, the commit protocol with its wire format (the streamed
 * {@code POST /src} multipart body and its meta fields), the change-id trailer, the Git tree reader and the REST calls
 * are package-private. A push is stateless and thread-safe; calling it again with the same
 * request after any failure is safe. See docs/push.md.
 */
package dev.bbpush.client.push;
