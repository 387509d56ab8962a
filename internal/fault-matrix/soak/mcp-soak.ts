// The MCP server under mixed load for a long time, as a service sees it: the real `agentruns-mcp --http` bin in a
// process of its own against the three simulators, with a fixed number of clients that each open a session, list
// tools, call tools (lists, list walks with `next`, gets, creates and waits), and then close it or drop it without a
// word. It reports the server's resident memory over time, every error, and the longest answer.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { startSimulator } from "@agentruns/simulators";
import { mcpEnv } from "../test/mcp.js";

export interface SoakOptions {
  /** How long the load runs. */
  readonly durationMs: number;
  /** Clients at once, each opening and dropping sessions one after another. */
  readonly clients: number;
  /** When to sample the server's memory, in ms from the start (the end is always sampled). */
  readonly samplesAtMs: readonly number[];
}

export interface SoakResult {
  readonly durationMs: number;
  readonly clients: number;
  readonly sessions: number;
  readonly sessionsDropped: number;
  readonly toolCalls: number;
  readonly errors: readonly string[];
  readonly longestAnswerMs: number;
  /** The server's resident memory at each sample, in MB. */
  readonly rssMb: readonly { readonly atMs: number; readonly mb: number }[];
}

const BIN = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@agentruns/mcp/package.json")),
  "bin/agentruns-mcp.js",
);
const FAST_AGENT = "16fd2706-8baf-433b-82eb-8c7fada847da";

/** The resident memory of process `pid`, in MB (Linux). */
const rssOf = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

export async function soak(options: SoakOptions): Promise<SoakResult> {
  const sims = await Promise.all([
    startSimulator("duvo", { rateLimit: false, defaultAgent: { stepMs: 50, asks: "none" } }),
    startSimulator("avido", { rateLimit: false }),
    startSimulator("duckie", { rateLimit: false }),
  ]);
  const [duvo, avido, duckie] = sims;
  const env = mcpEnv({
    DUVO_API_KEY: "soak-duvo-key",
    DUVO_BASE_URL: duvo.url,
    AVIDO_API_KEY: "soak-avido-key",
    AVIDO_APPLICATION_ID: "soak-app",
    AVIDO_BASE_URL: avido.url,
    DUCKIE_API_KEY: "soak-duckie-key",
    DUCKIE_BASE_URL: duckie.url,
  });
  const server = spawn(process.execPath, [BIN, "--http", "--port", "0", "--poll-interval", "0.05"], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    server.stderr.on("data", (d: Buffer) => {
      stderr += d;
      const m = /on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    server.once("exit", (code) => reject(new Error(`agentruns-mcp exited ${code}: ${stderr}`)));
  });
  const started = Date.now();
  const rssMb: { atMs: number; mb: number }[] = [{ atMs: 0, mb: rssOf(server.pid!) }];
  const timers = options.samplesAtMs.map((at) =>
    setTimeout(() => rssMb.push({ atMs: at, mb: rssOf(server.pid!) }), at),
  );
  const errors: string[] = [];
  let sessions = 0;
  let dropped = 0;
  let toolCalls = 0;
  let longest = 0;
  const timed = async <T>(what: string, p: Promise<T>): Promise<T | undefined> => {
    const t = Date.now();
    try {
      return await p;
    } catch (e) {
      errors.push(`${what}: ${(e as Error).message}`.slice(0, 300));
      return undefined;
    } finally {
      longest = Math.max(longest, Date.now() - t);
    }
  };
  const call = async (client: Client, name: string, args: Record<string, unknown>) => {
    toolCalls++;
    const r = await timed(name, client.callTool({ name, arguments: args }));
    if (r?.isError) errors.push(`${name}: ${JSON.stringify(r.content).slice(0, 300)}`);
    return r;
  };
  /** One session: list tools, call a mix, then close it or (every third) drop its connections without a word. */
  const session = async (n: number) => {
    const transport = new StreamableHTTPClientTransport(new URL(url));
    const client = new Client({ name: "soak", version: "1" });
    if (
      !(await timed(
        "connect",
        client.connect(transport).then(() => true),
      ))
    )
      return;
    sessions++;
    await timed("tools/list", client.listTools());
    const page = await call(client, "duckie_runs_list", { limit: 20 });
    const next = (page?.structuredContent as { next?: string } | undefined)?.next;
    if (next) await call(client, "duckie_runs_list", { limit: 20, next });
    await call(client, "avido_runs_list", { limit: 10 });
    const runs = await call(client, "duvo_runs_list", { limit: 5, offset: n % 200 });
    const id = (runs?.structuredContent as { items?: { id: string }[] } | undefined)?.items?.[0]?.id;
    if (id) await call(client, "duvo_runs_get", { run_id: id });
    if (n % 4 === 0) {
      const created = await call(client, "duvo_runs_create", { agent_id: FAST_AGENT, message: `soak ${n}` });
      const runId = (created?.structuredContent as { run?: { id: string } } | undefined)?.run?.id;
      if (runId) await call(client, "duvo_runs_wait", { run_id: runId, timeout_seconds: 30 });
    }
    if (n % 3 === 0) {
      // Dropped: the connections close with no DELETE; the server's idle expiry and cap must clean up.
      dropped++;
      await client.close();
    } else {
      await timed("DELETE", transport.terminateSession());
      await client.close();
    }
  };
  let next = 0;
  await Promise.all(
    Array.from({ length: options.clients }, async () => {
      while (Date.now() - started < options.durationMs) await session(next++);
    }),
  );
  timers.forEach(clearTimeout);
  rssMb.push({ atMs: Date.now() - started, mb: rssOf(server.pid!) });
  server.kill("SIGTERM");
  await Promise.all(sims.map((s) => s.close()));
  return {
    durationMs: Date.now() - started,
    clients: options.clients,
    sessions,
    sessionsDropped: dropped,
    toolCalls,
    errors,
    longestAnswerMs: longest,
    rssMb: rssMb.map((s) => ({ atMs: s.atMs, mb: Math.round(s.mb * 10) / 10 })),
  };
}
