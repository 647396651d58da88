/**
 * Not API: the MCP server's tools behind {@link dev.bbpush.mcp.BbpushMcpServer}. {@link
 * dev.bbpush.mcp.internal.Tools} declares the tools (stable names, input schemas from {@code
 * dev/bbpush/mcp/schemas/*.json}) and runs their handlers: push and plan, auth status and doctor, read file and list
 * directory, each a thin mapping onto the library exactly as the matching {@code bbpush} command does, answering with
 * the JSON shapes of {@code push --json} and {@code auth doctor --json}. Every tool call resolves the server's
 * credential chain again (environment, then config file; never a tool argument, never stdin, which carries the
 * protocol) and shares one client while the credential stays the same. A write is checked against the write policy
 * before anything is read or sent. A failure is a tool error ({@code isError: true}) with a stable cause id ({@link
 * dev.bbpush.mcp.internal.ToolCause} or the doctor's {@code Cause} ids), a summary and the exact fix, never a protocol
 * error; nothing returned holds a secret. Calls run concurrently. Types here are public only for the {@code
 * dev.bbpush.mcp} package; anything may change without notice.
 */
package dev.bbpush.mcp.internal;
