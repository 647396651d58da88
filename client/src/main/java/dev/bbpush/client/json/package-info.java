/**
 * The JSON forms of bbpush's results, as Jackson trees: what {@code bbpush push --json} and {@code bbpush auth doctor
 * --json} print and what the MCP server ({@code bbpush mcp}) returns as structured tool results. One mapping for
 * every front end, so the shapes (documented in docs/cli.md, "JSON output") cannot drift apart. Pure data mapping:
 * nothing here prints, and no value holds a secret (findings carry masked matches, credentials masked secrets).
 *
 * <p>Not API: these mappers return Jackson trees so the CLI and the MCP server can compose them into larger
 * documents byte-for-byte as before, and so this package is the one place where the library's public classes
 * mention a third-party type; the public-surface test exempts it by name. Library callers who want JSON should map
 * the result records themselves. Stateless and thread-safe.
 */
package dev.bbpush.client.json;
