// A simulator left running stays within its memory: 200,000 requests of every kind (lists, reads, creates, messages,
// 404s, 400s, 429s, unknown routes, keys that change) leave its retained heap flat after the first 10,000, and each
// store of per-request state (the request log, violations, runs, messages, rate-limit keys) keeps to its bound.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDuckieSimulator, startDuvoSimulator, type DuvoSimulator } from "../src/index.js";
import { ManualClock } from "../src/clock.js";
import { RateLimiter } from "../src/rate-limit.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** The load: its own thread (so its allocations are not in this heap), 8 connections kept alive. */
const LOAD = `
const { parentPort, workerData } = require("node:worker_threads");
const http = require("node:http");
const u = new URL(workerData.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const one = (r) => new Promise((resolve, reject) => {
  const req = http.request({ host: u.hostname, port: u.port, method: r.method, path: r.path, agent,
    headers: { authorization: "Bearer " + r.key, ...(r.body ? { "content-type": "application/json" } : {}) } },
    (res) => { res.resume(); res.on("end", () => resolve(res.statusCode)); });
  req.on("error", reject);
  req.end(r.body);
});
parentPort.on("message", async ({ from, to }) => {
  const statuses = {};
  let i = from;
  const worker = async () => {
    while (i < to) {
      const n = i++;
      const s = await one(workerData.requests[n % workerData.requests.length](n));
      statuses[s] = (statuses[s] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  parentPort.postMessage(statuses);
});
`;

let sim: DuvoSimulator;
let worker: Worker;
beforeAll(async () => {
  sim = await startDuvoSimulator({ rateLimit: 120, maxRuns: 300 });
  const ids = sim.store.runs.slice(-20).map((r) => r.id);
  const agent = sim.store.world.agents[0]!.id;
  // Each request is a function of its number, so that keys, offsets and bodies vary over the run.
  const requests = [
    `(n) => ({ method: "GET", path: "/v1/runs?limit=5&offset=" + (n % 200), key: "k-" + (n % 7) })`,
    `(n) => ({ method: "GET", path: "/v1/runs/${ids[0]}", key: "k-" + (n % 5000) })`,
    `(n) => ({ method: "GET", path: "/v1/runs/${ids[1]}/messages?limit=3", key: "k-" + n })`,
    `(n) => ({ method: "GET", path: "/v1/runs/00000000-0000-4000-8000-" + String(n).padStart(12, "0"), key: "k-" + n })`,
    `(n) => ({ method: "GET", path: "/v1/runs?limit=abc&n=" + n, key: "k-1" })`,
    `(n) => ({ method: "GET", path: "/nowhere/" + n, key: "k-1" })`,
    `(n) => ({ method: "POST", path: "/v1/runs", key: "k-" + n, body: JSON.stringify({ agent_id: "${agent}", message: "run " + n }) })`,
    `(n) => ({ method: "POST", path: "/v1/runs/${ids[2]}/messages", key: "k-" + n, body: JSON.stringify({ message: "m" + n }) })`,
  ];
  worker = new Worker(
    `const requests = ${JSON.stringify(requests)}.map((f) => eval(f));\n` +
      LOAD.replace("workerData.requests", "requests").replace("workerData.requests", "requests"),
    { eval: true, workerData: { url: sim.url } },
  );
});
afterAll(async () => {
  await worker?.terminate();
  await sim?.close();
});

const load = (from: number, to: number) =>
  new Promise<Record<string, number>>((resolve) => {
    worker.once("message", resolve);
    worker.postMessage({ from, to });
  });

const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

describe("a long-running simulator", () => {
  // About 25 s alone; beside the rest of the suite on two cores it has taken over 120 s.
  it(
    "keeps its retained heap flat over 200,000 requests (growth under 1 MB after the first 10,000)",
    { timeout: 600_000 },
    async () => {
      const first = await load(0, 10_000);
      const base = heap();
      const statuses: Record<string, number> = { ...first };
      for (let at = 10_000; at < 200_000; at += 38_000) {
        for (const [s, n] of Object.entries(await load(at, Math.min(at + 38_000, 200_000))))
          statuses[s] = (statuses[s] ?? 0) + n;
      }
      const growth = heap() - base;
      console.log(
        `retained heap after 200,000 requests: ${(growth / 1024).toFixed(0)} KiB more than after 10,000`,
      );
      expect(growth).toBeLessThan(1024 * 1024);
      // Every kind of answer was part of the load.
      for (const status of ["200", "201", "400", "404", "429"])
        expect(statuses[status]).toBeGreaterThan(1_000);
      expect(Object.values(statuses).reduce((a, b) => a + b)).toBe(200_000);
      // And each store kept to its bound.
      expect(sim.requests.length).toBeLessThanOrEqual(1_000 + 62);
      expect(sim.store.runs.length).toBeLessThanOrEqual(300);
      expect(sim.store.messages(sim.store.get(sim.store.runs.at(-1)!.id)).length).toBeLessThanOrEqual(1_000);
    },
  );
});

describe("each store of per-request state has its bound", () => {
  it("runs past maxRuns forget the oldest finished run; messages past 1,000 per run drop the oldest", async () => {
    const clock = new ManualClock();
    const s = await startDuvoSimulator({ runs: 5, maxRuns: 8, clock, rateLimit: false });
    try {
      const oldest = s.store.runs[0]!.id;
      const agent = s.store.world.agents[0]!.id;
      for (let i = 0; i < 10; i++) s.store.create({ agent_id: agent }, clock.now());
      expect(s.store.runs).toHaveLength(8);
      expect(() => s.store.get(oldest)).toThrow(/not found/);
      const numbers = s.store.runs.map((r) => r.run_number);
      expect(new Set(numbers).size).toBe(numbers.length);
      const run = s.store.runs.at(-1)!;
      for (let i = 0; i < 1_005; i++) s.store.postMessage(run, `m${i}`, clock.now());
      const kept = s.store.messages(run);
      expect(kept).toHaveLength(1_000);
      expect(kept.at(-1)!.text_content).toBe("m1004");
    } finally {
      await s.close();
    }
  });

  it("violations keep the most recent maxRecordedRequests, as the request log does", async () => {
    const s = await startDuckieSimulator({ runs: 5, maxRecordedRequests: 10, rateLimit: false });
    try {
      // A run the spec does not allow (a numeric status) makes every list answer a violation.
      s.runs.push({ ...s.runs[0]!, summary: { ...s.runs[0]!.summary, status: 42 as never } });
      for (let i = 0; i < 40; i++)
        await fetch(`${s.url}/api/v1/runs?limit=100`, { headers: { authorization: `Bearer key-${i}` } });
      expect(s.requests.length).toBeLessThanOrEqual(11);
      expect(s.violations.length).toBeGreaterThan(0);
      expect(s.violations.length).toBeLessThanOrEqual(11);
    } finally {
      await s.close();
    }
  });

  it("rate-limit counts keep at most 10,000 keys a window, the oldest forgotten first", () => {
    const limiter = new RateLimiter(2);
    limiter.hit("first", 0);
    limiter.hit("first", 0);
    expect(limiter.hit("first", 0).exceeded).toBe(true);
    for (let i = 0; i < 10_000; i++) limiter.hit(`key-${i}`, 0);
    expect(limiter.hit("first", 0).exceeded).toBe(false);
  });
});
