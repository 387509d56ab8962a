// One worker of the fleet test: once every worker has loaded (a barrier in Redis), it takes calls from the fleet's
// shared count (a Redis counter, so every worker stays busy until the fleet's calls are done), four at a time, and
// makes each with Duvo's client, with the shared Redis limiter or only its own in-memory one; prints how many
// succeeded, how many were answered 429, when it started and ended, how long the shared limiter held its calls, and
// when it admitted the first and the last of them.
import { Duvo, RateLimitError } from "@agentruns/duvo";
import { Redis } from "ioredis";
import { RedisRateLimiter } from "../dist/index.js";

const [baseUrl, redisUrl, mode, run, calls, limit, windowMs, workers, headroom] = process.argv.slice(2);
const redis = new Redis(redisUrl);
/** Time this worker's calls spent held back by the shared limiter (summed over its four loops). */
let waited = 0;
/** When the shared limiter admitted this worker's first and last call. */
let firstGrant = Infinity;
let lastGrant = -Infinity;
const shared = new RedisRateLimiter({
  redis,
  key: `fleet-${run}`,
  limit: Number(limit),
  windowMs: Number(windowMs),
  headroom: Number(headroom),
});
const rateLimit =
  mode === "shared"
    ? {
        async acquire(signal) {
          const started = Date.now();
          await shared.acquire(signal);
          const granted = Date.now();
          waited += granted - started;
          firstGrant = Math.min(firstGrant, granted);
          lastGrant = Math.max(lastGrant, granted);
        },
        observe: (headers, now) => shared.observe?.(headers, now),
      }
    : { limit: Number(limit), windowMs: Number(windowMs) };
// No retries: a 429 must show as one, not be papered over.
const duvo = new Duvo({ apiKey: `fleet-key-${run}`, baseUrl, env: {}, maxRetries: 0, rateLimit });
let ok = 0;
let limited = 0;
await redis.incr(`fleet-${run}:ready`);
while (Number(await redis.get(`fleet-${run}:ready`)) < Number(workers))
  await new Promise((r) => setTimeout(r, 2));
const start = Date.now();
/** One loop of calls; a worker runs four, as a server handling several jobs at once would. */
const loop = async () => {
  while ((await redis.incr(`fleet-${run}:taken`)) <= Number(calls)) {
    try {
      await duvo.runs.list({ limit: 1 });
      ok++;
    } catch (e) {
      if (e instanceof RateLimitError) limited++;
      else throw e;
    }
  }
};
await Promise.all([loop(), loop(), loop(), loop()]);
process.stdout.write(
  JSON.stringify({ ok, limited, start, end: Date.now(), waited, loops: 4, firstGrant, lastGrant }),
);
await redis.quit();
