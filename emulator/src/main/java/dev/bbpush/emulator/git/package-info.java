/**
 * Git smart HTTP at {@code /{workspace}/{repo}.git}: JGit's {@code GitServlet} with upload-pack and receive-pack,
 * behind a filter that authenticates, rate-limits and authorizes every request with Bitbucket's Git rules and renders
 * refusals as Bitbucket does (a Basic challenge on 401, {@code text/plain} bodies git prints as {@code remote:}
 * lines). Repositories come only from the {@code store} (resolved by workspace and slug, never opened from a path);
 * a push holds the store's write lock of its repository while it moves refs, so it never interleaves with a REST
 * commit. Uses JGit's transport API, which is why it is the one package outside {@code store} that imports JGit.
 * Wiring, not API.
 */
package dev.bbpush.emulator.git;
