/**
 * bbpush as a Model Context Protocol server ({@code bbpush mcp}): the push, plan, auth and read tools over stdio, for
 * AI agents. Built on the official MCP Java SDK; the tools call the bbpush library ({@code Pusher}, {@code Doctor},
 * {@code AuthStatus}, the credential chain) and answer with the JSON shapes of {@code push --json} and {@code auth
 * doctor --json}. Start it with {@link BbpushMcpServer}; what it may write is {@link McpServerSettings}. See
 * docs/mcp.md.
 */
package dev.bbpush.mcp;
