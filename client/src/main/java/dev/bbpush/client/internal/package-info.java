/**
 * Not API: helpers shared by the library's packages and by bbpush's own CLI and MCP server (URL checks and building,
 * the version, lenient JSON body parsing, the text of error messages). Public only because Java has no
 * module-private visibility here; anything may change or go without notice. Stateless and thread-safe.
 */
package dev.bbpush.client.internal;
