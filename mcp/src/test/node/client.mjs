// Drives a bbpush MCP server with the official TypeScript SDK's stdio client, as an MCP host would.
// Input (environment): MCP_SERVER (JSON: {"command", "args": [...], "env": {...}}) and MCP_REPO (e.g. acme/infra).
// Output: one JSON object on stdout with what each step answered; McpNodeClientTest asserts on it (and on what
// really landed in the emulator). Exit 0 when every step ran, 1 on a client or protocol failure.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const server = JSON.parse(process.env.MCP_SERVER);
const repo = process.env.MCP_REPO;
const transport = new StdioClientTransport({
  command: server.command,
  args: server.args,
  env: server.env,
  stderr: "pipe",
});
let stderr = "";
transport.stderr?.on("data", (chunk) => { stderr += chunk; });

const client = new Client({ name: "bbpush-node-test", version: "1.0.0" });
const report = {};
try {
  await client.connect(transport);
  report.server = client.getServerVersion();
  report.tools = (await client.listTools()).tools.map((t) => t.name);
  const push = {
    repository: repo,
    branch: "node/agent",
    message: "Pushed by the TypeScript MCP client",
    files: [
      { path: "node/main.tf", text: "# from node\n" },
      { path: "node/run.sh", text: "#!/bin/sh\n", executable: true },
    ],
  };
  const first = await client.callTool({ name: "push_files", arguments: push });
  const second = await client.callTool({ name: "push_files", arguments: push });
  const refused = await client.callTool({
    name: "push_files",
    arguments: { ...push, repository: "acme/not-allowed" },
  });
  const read = await client.callTool({
    name: "read_file",
    arguments: { repository: repo, branch: "node/agent", path: "node/main.tf" },
  });
  const steps = { first, second, refused, read };
  for (const [name, r] of Object.entries(steps)) {
    report[name] = { isError: r.isError === true, structured: r.structuredContent, text: r.content?.[0]?.text };
  }
  await client.close();
} catch (e) {
  report.failure = String(e && e.stack ? e.stack : e);
  report.stderr = stderr;
  process.stdout.write(JSON.stringify(report) + "\n");
  process.exit(1);
}
process.stdout.write(JSON.stringify(report) + "\n");
