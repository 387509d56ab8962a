// One worker of the fleet test: `calls` list calls with Duvo's client, with the shared Redis limiter or only its own
// in-memory one; prints how many succeeded, how many were answered 429, and when it started and ended.
import { Duvo, RateLimitError } from "@agentruns/duvo";
import { Redis } from "ioredis";
import { RedisRateLimiter } from "../dist/index.js";

const [baseUrl, redisUrl, mode, calls, limit, windowMs] = process.argv.slice(2);
const redis = mode === "shared" ? new Redis(redisUrl) : undefined;
const rateLimit = redis
  ? new RedisRateLimiter({ redis, key: "fleet-test", limit: Number(limit), windowMs: Number(windowMs) })
  : { limit: Number(limit), windowMs: Number(windowMs) };
// No retries: a 429 must show as one, not be papered over.
const duvo = new Duvo({ apiKey: "fleet-key", baseUrl, env: {}, maxRetries: 0, rateLimit });
let ok = 0;
let limited = 0;
const start = Date.now();
for (let i = 0; i < Number(calls); i++) {
  try {
    await duvo.runs.list({ limit: 1 });
    ok++;
  } catch (e) {
    if (e instanceof RateLimitError) limited++;
    else throw e;
  }
}
process.stdout.write(JSON.stringify({ ok, limited, start, end: Date.now() }));
await redis?.quit();
