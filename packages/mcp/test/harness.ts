// The tests' MCP clients: the official SDK's Client over stdio (the real bin) or streamable HTTP, against the three
// simulators on loopback.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startSimulator } from "@agentruns/simulators";

export const BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "bin",
  "agentruns-mcp.js",
);

export const KEYS = {
  DUVO_API_KEY: "duvo-secret-key-123",
  AVIDO_API_KEY: "avido-secret-key-456",
  AVIDO_APPLICATION_ID: "app-test",
  DUCKIE_API_KEY: "duckie-secret-key-789",
};

/** An env with nothing of the machine's agentruns settings: no config file, no profile, no keys. */
export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(DUVO|AVIDO|DUCKIE|AGENTRUNS)_/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, AGENTRUNS_CONFIG: "/nonexistent/agentruns-config.json", ...extra };
}

export async function simulators(duvoAgents: Record<string, object> = {}) {
  const [duvo, avido, duckie] = await Promise.all([
    startSimulator("duvo", { runs: 60, rateLimit: false, defaultAgent: { stepMs: 100 }, agents: duvoAgents }),
    startSimulator("avido", { runs: 60, rateLimit: false }),
    startSimulator("duckie", { runs: 60, rateLimit: false }),
  ]);
  return {
    duvo,
    avido,
    duckie,
    env: cleanEnv({
      ...KEYS,
      DUVO_BASE_URL: duvo.url,
      AVIDO_BASE_URL: avido.url,
      DUCKIE_BASE_URL: duckie.url,
    }),
    close: () => Promise.all([duvo.close(), avido.close(), duckie.close()]),
  };
}

/** A connected client over stdio, and what the server wrote on stderr. */
export async function stdioClient(args: string[], env: Record<string, string>) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, ...args],
    env,
    stderr: "pipe",
  });
  let stderr = "";
  transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: "agentruns-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, transport, stderr: () => stderr, close: () => client.close() };
}

/** A connected client over streamable HTTP. */
export async function httpClient(url: string, headers: Record<string, string> = {}) {
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  const client = new Client({ name: "agentruns-test", version: "1.0.0" });
  await client.connect(transport);
  return { client, close: () => client.close() };
}

/** The text of a tool result's contents, joined. */
export const textOf = (result: object): string =>
  (((result as { content?: unknown }).content ?? []) as { type: string; text?: string }[])
    .filter((c) => c.type === "text")
    .map((c) => c.text)
    .join("\n");
