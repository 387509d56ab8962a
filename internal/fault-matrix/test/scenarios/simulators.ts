// The simulators under hostile clients: malformed targets, oversized and abandoned uploads, garbage bytes, a flood of
// requests, and the CLI's flags and signals. The server answers or closes the socket, and stays up.
import { startDuvoSimulator } from "@agentruns/simulators";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import path from "node:path";
import { expect } from "vitest";
import { KEY, until, type Ctx, type Scenario } from "../scenario.js";

const group = "Simulators under hostile input";
const bin = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@agentruns/simulators/package.json")),
  "bin/agentruns-sim.js",
);

/** Sends raw bytes, returns the status line of the answer ("" when the socket closed without one). */
function rawExchange(url: string, bytes: string | Buffer, hangUpAfterMs?: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    let out = "";
    const socket = connect(Number(port), hostname, () => {
      socket.write(bytes);
      if (hangUpAfterMs !== undefined) setTimeout(() => socket.destroy(), hangUpAfterMs);
    });
    socket.on("data", (d) => (out += d.toString("latin1")));
    socket.on("error", () => {});
    socket.on("close", () => resolve(out.split("\r\n")[0] ?? ""));
    setTimeout(() => socket.destroy(), 3_000);
  });
}

/** The simulator still answers a normal request. */
async function alive({ duvo }: Ctx): Promise<void> {
  const res = await fetch(`${duvo.url}/v1/runs?limit=1`, { headers: { authorization: `Bearer ${KEY}` } });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

function cli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (err += c));
  const exited = once(child, "exit").then(([code]) => code as number);
  return { child, exited, out: () => out, err: () => err };
}

function rawCase(name: string, bytes: string, status: string, promise: string): Scenario {
  return {
    group,
    name,
    promise,
    async run(ctx) {
      const line = await rawExchange(ctx.duvo.url, bytes);
      expect(line).toBe(status);
      await alive(ctx);
      return `\`${status}\`; still serving`;
    },
  };
}

export const simulators: Scenario[] = [
  rawCase(
    "GET /v1/runs/% (malformed percent-encoding)",
    `GET /v1/runs/% HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\nconnection: close\r\n\r\n`,
    "HTTP/1.1 400 Bad Request",
    "400 in the provider's error shape",
  ),
  rawCase(
    "invalid request target",
    "GET http://[::1 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    "HTTP/1.1 400 Bad Request",
    "400",
  ),
  rawCase(
    "target with an out-of-range port (`//x:99999`)",
    "GET //x:99999 HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n",
    "HTTP/1.1 400 Bad Request",
    "400",
  ),
  rawCase(
    "declared body over the limit",
    `POST /v1/runs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-type: application/json\r\ncontent-length: 99999999\r\n\r\n{`,
    "HTTP/1.1 413 Payload Too Large",
    "413 before reading the body",
  ),
  rawCase(
    "header block over Node's 16 KiB limit",
    `GET /v1/runs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\nx-pad: ${"a".repeat(20_000)}\r\nconnection: close\r\n\r\n`,
    "HTTP/1.1 431 Request Header Fields Too Large",
    "431, socket closed",
  ),
  rawCase(
    "garbage bytes instead of HTTP",
    "\u0000\u0001\u0002 not http at all \r\n\r\n",
    "HTTP/1.1 400 Bad Request",
    "400, socket closed",
  ),
  {
    group,
    name: "body streamed past the limit without a length (chunked)",
    promise: "413 once the limit is crossed; the simulator keeps serving",
    async run(ctx) {
      const sim = await startDuvoSimulator({ runs: 1, maxBodyBytes: 1024 });
      try {
        const chunk = "x".repeat(600);
        const res = await rawExchange(
          sim.url,
          `POST /v1/runs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n` +
            `258\r\n${chunk}\r\n258\r\n${chunk}\r\n0\r\n\r\n`,
        );
        expect(res).toBe("HTTP/1.1 413 Payload Too Large");
        const ok = await fetch(`${sim.url}/v1/runs?limit=1`, { headers: { authorization: `Bearer ${KEY}` } });
        expect(ok.status).toBe(200);
      } finally {
        await sim.close();
      }
      await alive(ctx);
      return "413; still serving";
    },
  },
  {
    group,
    name: "client disconnects mid-upload",
    promise: "no crash, no answer owed; the next request is served",
    async run(ctx) {
      const line = await rawExchange(
        ctx.duvo.url,
        `POST /v1/runs HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${KEY}\r\ncontent-type: application/json\r\ncontent-length: 5000\r\n\r\n{"agent_id":`,
        50,
      );
      expect(line).toBe("");
      await alive(ctx);
      return "socket dropped; still serving";
    },
  },
  {
    group,
    name: "request log under a flood of 3,000 requests",
    promise: "`requests` stays bounded by maxRecordedRequests",
    async run() {
      const sim = await startDuvoSimulator({ runs: 1, maxRecordedRequests: 100, rateLimit: false });
      try {
        for (let batch = 0; batch < 30; batch++) {
          await Promise.all(
            Array.from({ length: 100 }, () =>
              fetch(`${sim.url}/v1/runs?limit=1`, { headers: { authorization: `Bearer ${KEY}` } }).then((r) =>
                r.arrayBuffer(),
              ),
            ),
          );
        }
        expect(sim.requests.length).toBeLessThanOrEqual(106);
        expect(sim.requests.length).toBeGreaterThanOrEqual(100);
      } finally {
        await sim.close();
      }
      return "at most 106 kept of 3,000";
    },
  },
  {
    group,
    name: "creates and messages without end",
    promise: "runs past maxRuns forget the oldest finished one (404); a run keeps its last 1,000 messages",
    async run() {
      const sim = await startDuvoSimulator({ runs: 2, maxRuns: 50, rateLimit: false });
      const auth = { authorization: `Bearer ${KEY}`, "content-type": "application/json" };
      try {
        const first = sim.store.runs[0]!.id;
        let last = "";
        for (let i = 0; i < 120; i++) {
          const r = await fetch(`${sim.url}/v1/runs`, {
            method: "POST",
            headers: auth,
            body: JSON.stringify({ agent_id: sim.store.world.agents[0]!.id }),
          });
          last = ((await r.json()) as { run: { id: string } }).run.id;
        }
        for (let i = 0; i < 1_010; i++)
          await fetch(`${sim.url}/v1/runs/${last}/messages`, {
            method: "POST",
            headers: auth,
            body: JSON.stringify({ message: `m${i}` }),
          }).then((r) => r.arrayBuffer());
        const gone = await fetch(`${sim.url}/v1/runs/${first}`, { headers: auth });
        const messages = (await (
          await fetch(`${sim.url}/v1/runs/${last}/messages?limit=1`, { headers: auth })
        ).json()) as { total: number };
        expect(gone.status).toBe(404);
        expect(sim.store.runs).toHaveLength(50);
        expect(messages.total).toBe(1_000);
        return `122 runs, 50 kept (the oldest finished one 404); 1,010 messages, ${messages.total} kept`;
      } finally {
        await sim.close();
      }
    },
  },
  {
    group,
    name: "CLI: SIGTERM during an upload",
    promise: "exits 0 after closing the connection",
    async run() {
      const run = cli(["duvo", "--port", "0", "--runs", "3", "--quiet"]);
      await until(() => run.out().includes("listening"), 10_000);
      const url = /listening on (\S+)/.exec(run.out())![1]!;
      const { hostname, port } = new URL(url);
      const socket = connect(Number(port), hostname, () =>
        socket.write(`POST /v1/runs HTTP/1.1\r\nhost: x\r\ncontent-length: 1000\r\n\r\n{`),
      );
      socket.on("error", () => {});
      await new Promise((r) => setTimeout(r, 100));
      run.child.kill("SIGTERM");
      const code = await run.exited;
      socket.destroy();
      expect(code).toBe(0);
      expect(run.err()).toBe("");
      return "exit 0, nothing on stderr";
    },
  },
  {
    group,
    name: "CLI: port already in use",
    promise: "one line on stderr and exit 1, no stack trace",
    async run() {
      const busy = createServer().listen(0, "127.0.0.1");
      await once(busy, "listening");
      const { port } = busy.address() as { port: number };
      const run = cli(["duvo", "--port", String(port)]);
      const code = await run.exited;
      busy.close();
      expect(code).toBe(1);
      expect(run.err().trim()).toBe(
        `agentruns-sim: port ${port} is already in use on 127.0.0.1; pick another with --port (0 picks a free one)`,
      );
      return "exit 1: `port N is already in use on 127.0.0.1; pick another with --port`";
    },
  },
  ...(
    [
      [["--port", "99999"], '--port must be a whole number from 0 to 65535, got "99999"'],
      [["--runs", "99999999999"], '--runs must be a whole number from 0 to 100000, got "99999999999"'],
      [["--seed", "1e3"], '--seed must be a whole number from 0 to 4294967295, got "1e3"'],
    ] as const
  ).map(([args, message]): Scenario => ({
    group,
    name: `CLI: ${args.join(" ")}`,
    promise: "usage error in one line, exit 2",
    async run() {
      const run = cli(["duvo", ...args]);
      expect(await run.exited).toBe(2);
      expect(run.err().trim()).toBe(`agentruns-sim: ${message}`);
      return `exit 2: \`${message}\``;
    },
  })),
  {
    group,
    name: "CLI: --host that is not an address of this machine",
    promise: "one line on stderr and exit 1",
    async run() {
      const run = cli(["duvo", "--host", "203.0.113.7"]);
      expect(await run.exited).toBe(1);
      expect(run.err().trim()).toBe("agentruns-sim: 203.0.113.7 is not an address of this machine (--host)");
      return "exit 1: `203.0.113.7 is not an address of this machine`";
    },
  },
];
