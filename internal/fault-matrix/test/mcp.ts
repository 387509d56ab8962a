// The MCP server as the fault matrix drives it, on both of its transports: the real `agentruns-mcp` bin over stdio,
// and the HTTP transport in this process; each connected with the official client, recording every message it
// receives and every line the server logs.
import { createRequire } from "node:module";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { main } from "@agentruns/mcp";

const BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@agentruns/mcp/package.json")),
  "bin/agentruns-mcp.js",
);

export type McpTransportName = "stdio" | "HTTP";

export interface McpSession {
  readonly client: Client;
  /** Every message the client received. */
  readonly seen: unknown[];
  /** What the server logged. */
  logs(): string;
  close(): Promise<void>;
}

/** An env with the given settings and none of the machine's agentruns settings. */
export function mcpEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(DUVO|AVIDO|DUCKIE|AGENTRUNS)_/.test(k)) env[k] = v;
  return { ...env, AGENTRUNS_CONFIG: "/nonexistent/agentruns-config.json", ...extra };
}

function record(transport: Transport): unknown[] {
  const seen: unknown[] = [];
  const deliver = transport.onmessage!;
  transport.onmessage = (message, extra) => void (seen.push(message), deliver(message, extra));
  return seen;
}

/** An MCP server with `args`, on `over`, and a client connected to it. */
export async function mcpSession(
  over: McpTransportName,
  args: string[],
  env: Record<string, string>,
): Promise<McpSession> {
  const client = new Client({ name: "fault-matrix", version: "1" });
  if (over === "stdio") {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, ...args],
      env,
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d: Buffer) => (stderr += d));
    await client.connect(transport);
    return { client, seen: record(transport), logs: () => stderr, close: () => client.close() };
  }
  const lines: string[] = [];
  const started = await main(["--http", "--port", "0", ...args], { env, stderr: (l) => void lines.push(l) });
  const url = /on (http:\/\/\S+)/.exec(lines.join("\n"))![1]!;
  const transport = new StreamableHTTPClientTransport(new URL(url));
  await client.connect(transport);
  return {
    client,
    seen: record(transport),
    logs: () => lines.join("\n"),
    close: async () => {
      await client.close();
      await started.stop?.();
    },
  };
}

/** Starts an HTTP server with `args` alone (no client); resolves with its URL and a stop function. */
export async function mcpHttp(args: string[], env: Record<string, string>) {
  const lines: string[] = [];
  const started = await main(["--http", "--port", "0", ...args], { env, stderr: (l) => void lines.push(l) });
  return { url: /on (http:\/\/\S+)/.exec(lines.join("\n"))![1]!, stop: () => started.stop!() };
}
