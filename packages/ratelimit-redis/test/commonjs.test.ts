// The CommonJS build works where CommonJS runs (workers, older tooling): a real `require()` of the package from a
// .cjs process, a Duvo call through the CommonJS client with the shared limiter against a real Redis and simulator.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startDuvoSimulator, type Simulator } from "@agentruns/simulators";
import { redisAvailable, startRedis, type RedisServer } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = path.dirname(new URL(import.meta.url).pathname);
const available = redisAvailable();
let redis: RedisServer;
let sim: Simulator;
let dir: string;
beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  sim = await startDuvoSimulator({ runs: 3, rateLimit: false });
  dir = await mkdtemp(path.join(tmpdir(), "ratelimit-cjs-"));
});
afterAll(async () => {
  await sim?.close();
  await redis?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)("the CommonJS build", () => {
  it("is required, and limits a call through Redis", async () => {
    const script = path.join(dir, "worker.cjs");
    // Resolved from this package, as a CommonJS consumer's require() would resolve them.
    const resolveFrom = (name: string) => JSON.stringify(createRequire(import.meta.url).resolve(name));
    await writeFile(
      script,
      `const { RedisRateLimiter } = require(${JSON.stringify(path.join(here, "..", "dist", "cjs", "index.js"))});
const { Duvo } = require(${resolveFrom("@agentruns/duvo")});
const { Redis } = require(${resolveFrom("ioredis")});
(async () => {
  const redis = new Redis(process.argv[2]);
  const rateLimit = new RedisRateLimiter({ redis, key: "cjs", limit: 10, windowMs: 1000 });
  const duvo = new Duvo({ apiKey: "k", baseUrl: process.argv[3], env: {}, rateLimit });
  const page = await duvo.runs.list({ limit: 1 });
  const keys = await redis.keys("agentruns:ratelimit:cjs:*");
  console.log(JSON.stringify({ items: page.data.length, keys: keys.length }));
  redis.disconnect();
})().catch((e) => { console.error(e); process.exit(1); });
`,
    );
    const { stdout } = await promisify(execFile)(process.execPath, [script, redis.url, sim.url]);
    expect(JSON.parse(stdout)).toEqual({ items: 1, keys: 1 });
  });
});
