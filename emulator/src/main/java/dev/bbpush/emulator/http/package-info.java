/**
 * The REST plumbing shared by every handler: {@link dev.bbpush.emulator.http.ApiServlet} matches a request against the
 * {@link dev.bbpush.emulator.http.Router} (most specific template wins; 405 when only another method matches, 404
 * with the closest route in the log otherwise), runs authentication and authorization, then the handler, and renders
 * every {@link dev.bbpush.emulator.http.ApiError} as Bitbucket's error envelope, so nothing a client sends yields a
 * stack trace. {@link dev.bbpush.emulator.http.Exchange} is one request being handled; {@code Page}, {@code Links} and
 * {@code Json} give Bitbucket's pagination, URLs and JSON. Wiring, not API; safe for concurrent requests.
 */
package dev.bbpush.emulator.http;
