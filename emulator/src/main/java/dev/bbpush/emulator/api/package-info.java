/**
 * The REST API under {@code /2.0}: {@link dev.bbpush.emulator.api.ApiRoutes} is the whole route table on one screen
 * (method and OpenAPI path template to handler), and each {@code *Api} class holds the handlers of one resource
 * (repositories, branches, commits, diffstat, pull requests, user, workspaces, source). A handler checks access
 * through {@code AccessControl.requireRepository}, reads and writes repositories only through the {@code store}
 * package's values (this package imports no JGit; Checkstyle's import control enforces it), and answers with
 * Bitbucket's JSON shapes ({@link dev.bbpush.emulator.api.Representations}) or throws an {@code ApiError} with
 * Bitbucket's exact refusal and a logged reason. Wiring, not API: handlers are package-private and bound to one
 * emulator's context; they are stateless between requests and safe to call concurrently.
 */
package dev.bbpush.emulator.api;
