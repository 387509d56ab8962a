// The README's example runs as published (built dist, imported by package name) against the Duvo simulator and a
// real Redis, and prints what the README shows.
import { startDuvoSimulator, type Simulator } from "@agentruns/simulators";
import {
  readmeExamplePairs,
  redisAvailable,
  runExample,
  startRedis,
  type RedisServer,
} from "@agentruns/testkit";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";

const dir = path.resolve(import.meta.dirname, "..");
let sim: Simulator;
const available = redisAvailable();
let redis: RedisServer;
beforeAll(async () => {
  if (!available) return;
  [sim, redis] = await Promise.all([startDuvoSimulator({ runs: 5 }), startRedis()]);
});
afterAll(async () => {
  await sim?.close();
  await redis?.stop();
});

it.skipIf(!available)("README examples print what the README says", async () => {
  const examples = await readmeExamplePairs(path.join(dir, "README.md"));
  expect(examples.length).toBeGreaterThan(0);
  for (const { code, output } of examples) {
    const { stdout } = await runExample(dir, code, {
      DUVO_API_KEY: "readme-key",
      DUVO_BASE_URL: sim.url,
      REDIS_URL: redis.url,
    });
    if (output !== undefined) expect(stdout.trim()).toBe(output.trim());
  }
});
