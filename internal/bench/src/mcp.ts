// The MCP server's costs, side by side in one run: a tool call (official client → server → Duvo client → loopback
// API) against the same call made with the Duvo client directly, and the time from spawn to a ready stdio server
// against a bare `node` answering the same pipe.
import { spawn } from "node:child_process";
import path from "node:path";
import { createRequire } from "node:module";
import { Duvo } from "@agentruns/duvo";
import { createServer, PROVIDERS } from "@agentruns/mcp";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { interleaved, type Ratio } from "./rounds.js";

const RUN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const require = createRequire(import.meta.url);

/** Per-call time of duvo_runs_get through MCP ÷ duvo.runs.get, interleaved rounds. */
export async function toolCallOverhead(url: string, rounds: number, calls: number): Promise<Ratio[]> {
  const options = { apiKey: "bench-key", baseUrl: url, env: {} };
  const duvo = new Duvo(options);
  const tools = PROVIDERS.find((p) => p.id === "duvo")!;
  const server = createServer({ providers: [{ tools, options }], mode: "tools" });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(clientSide);
  try {
    return await interleaved(
      [
        { name: "duvo.runs.get (the client)", run: () => duvo.runs.get(RUN) },
        {
          name: "duvo_runs_get (MCP tool, in-process transport)",
          run: async () => {
            const r = await client.callTool({ name: "duvo_runs_get", arguments: { run_id: RUN } });
            if (r.isError) throw new Error(JSON.stringify(r.content));
          },
        },
      ],
      { rounds, calls, warmup: 50 },
    );
  } finally {
    await client.close();
    await server.close();
  }
}

/** Milliseconds from spawn to the answer of `initialize` on stdout. */
function untilAnswer(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const init = `${JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } },
  })}\n`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "ignore"] });
    child.once("error", reject);
    child.stdout.once("data", () => {
      resolve(performance.now() - t0);
      child.stdin.end();
      child.kill();
    });
    child.stdin.write(init);
  });
}

/** Start-up of `agentruns-mcp` (stdio) and of a bare node, `rounds` interleaved runs each: medians in ms. */
export async function startUp(
  rounds: number,
): Promise<{ mcp: number; node: number; spread: [number, number] }> {
  const bin = path.join(
    path.dirname(require.resolve("@agentruns/mcp/package.json")),
    "bin",
    "agentruns-mcp.js",
  );
  const env = {
    ...process.env,
    DUVO_API_KEY: "k",
    AVIDO_API_KEY: "k",
    AVIDO_APPLICATION_ID: "a",
    DUCKIE_API_KEY: "k",
    AGENTRUNS_CONFIG: "/nonexistent",
  };
  const bare = ["-e", "process.stdin.once('data', () => process.stdout.write('{}\\n'))"];
  const mcp: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < rounds; i++) {
    mcp.push(await untilAnswer([bin], env));
    node.push(await untilAnswer(bare, env));
  }
  const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
  const m = sorted(mcp);
  return {
    mcp: m[m.length >> 1]!,
    node: sorted(node)[node.length >> 1]!,
    spread: [m[Math.floor(m.length / 4)]!, m[Math.floor((3 * m.length) / 4)]!],
  };
}
