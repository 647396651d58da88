/**
 * Not API: helpers shared by the library's packages and by bbpush's own CLI and MCP server (URL checks and building,
 * the version, lenient JSON body parsing, and the refusal catalogue: {@code RefusalTexts} and one {@code *Texts}
 * class per cause family hold every text of error messages and of the auth doctor, keyed by cause id). Public only
 * because Java has no module-private visibility here; anything may change or go without notice. Stateless and
 * thread-safe.
 */
package dev.bbpush.client.internal;
