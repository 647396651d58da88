/**
 * The JSON forms of bbpush's results, as Jackson trees: what {@code bbpush push --json} and {@code bbpush auth doctor
 * --json} print and what the MCP server ({@code bbpush mcp}) returns as structured tool results. One mapping for
 * every front end, so the shapes (documented in docs/cli.md, "JSON output") cannot drift apart. Pure data mapping:
 * nothing here prints, and no value holds a secret (findings carry masked matches, credentials masked secrets).
 */
package dev.bbpush.client.json;
