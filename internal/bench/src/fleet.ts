// Fleet throughput: 8 worker processes sharing one API key against a Duvo simulator limited to 1,000 requests per 5 s (200 a second)
// (the same run as @agentruns/ratelimit-redis's test), with the shared Redis limiter and with each its own.
import { startDuvoSimulator } from "@agentruns/simulators";
import { REDIS_SERVER, startRedis } from "@agentruns/testkit";
import { existsSync } from "node:fs";
import { runFleet } from "../../../packages/ratelimit-redis/test/fleet.js";

export interface FleetResult {
  mode: string;
  ok: number;
  limited: number;
  perSecond: number;
}

export const FLEET = { workers: 8, calls: 2_000, limit: 1_000, windowMs: 5_000 };

/** Both fleet runs, or undefined when this machine has no redis-server. */
export async function fleetThroughput(): Promise<FleetResult[] | undefined> {
  if (!existsSync(REDIS_SERVER)) return undefined;
  const redis = await startRedis();
  const sim = await startDuvoSimulator({
    rateLimit: FLEET.limit,
    rateLimitWindowMs: FLEET.windowMs,
    runs: 5,
    validateResponses: false,
  });
  try {
    const out: FleetResult[] = [];
    for (const mode of ["shared", "local"] as const) {
      const r = await runFleet(mode, { simulatorUrl: sim.url, redisUrl: redis.url, ...FLEET });
      out.push({ mode: mode === "shared" ? "shared Redis limiter" : "each its own in-memory limiter", ...r });
    }
    return out;
  } finally {
    await sim.close();
    await redis.stop();
  }
}
