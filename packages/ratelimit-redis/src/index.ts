// A rate limiter shared by every process (and machine) that uses one Redis: the provider's limit is kept as a sliding
// window in Redis, so a fleet of workers with one API key stays under it together instead of meeting 429s. The window
// itself is sliding-window-rate-limiter's (a Lua script over a sorted set, on Redis's clock); this adds the waiting,
// cancellation, headroom and the pause the provider's `x-ratelimit-*` headers ask for, shared through Redis too.
import { ValidationError, exhaustedUntil, sleep, type RateLimiter } from "@agentruns/core";
import type { Redis } from "ioredis";
import { RedisSlidingWindowRateLimiter } from "sliding-window-rate-limiter";

export interface RedisRateLimiterOptions {
  /** An ioredis client; the limiter adds its Lua commands to it and never closes it. */
  redis: Redis;
  /**
   * The name of the shared budget, the same in every process that shares the key (`"duvo:team-a"`). Not the API key
   * itself: what is written to Redis must not be a credential.
   */
  key: string;
  /** The provider's limit: `limit` requests in any `windowMs`. */
  limit: number;
  windowMs: number;
  /**
   * The share of `limit` to use (default 0.95), leaving room for the time between a reservation and the request's
   * arrival, and for the provider's clock.
   */
  headroom?: number;
}

/** How often the shared pause is read from Redis at most. */
const PAUSE_READ_MS = 250;

/** Waits until the shared window has room, then reserves one request in it. */
export class RedisRateLimiter implements RateLimiter {
  readonly #window: RedisSlidingWindowRateLimiter;
  readonly #redis: Redis;
  readonly #key: string;
  readonly #pauseKey: string;
  readonly #limit: number;
  /** The shared pause as last read from Redis, and when: re-read at most every PAUSE_READ_MS, not per request. */
  #pausedUntil = 0;
  #pauseReadAt = -Infinity;

  constructor(options: RedisRateLimiterOptions) {
    const { redis, key, limit, windowMs, headroom = 0.95 } = options;
    if (!redis || typeof redis.defineCommand !== "function")
      throw new ValidationError("RedisRateLimiter: redis must be an ioredis client", "redis");
    if (typeof key !== "string" || key === "")
      throw new ValidationError("RedisRateLimiter: key must be a name", "key");
    if (!(limit >= 1) || !Number.isFinite(limit))
      throw new ValidationError("RedisRateLimiter: limit must be a number >= 1", "limit");
    if (!(windowMs > 0) || !Number.isFinite(windowMs))
      throw new ValidationError(
        "RedisRateLimiter: windowMs must be a number of milliseconds > 0",
        "windowMs",
      );
    if (!(headroom > 0 && headroom <= 1))
      throw new ValidationError("RedisRateLimiter: headroom must be in (0, 1]", "headroom");
    this.#redis = redis;
    this.#window = new RedisSlidingWindowRateLimiter({ redis: redis as never, interval: windowMs });
    this.#key = `agentruns:ratelimit:${key}`;
    this.#pauseKey = `${this.#key}:paused-until`;
    this.#limit = Math.max(1, Math.floor(limit * headroom));
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const paused = (await this.#sharedPause()) - Date.now();
      if (paused > 0) {
        await sleep(paused, signal);
        continue;
      }
      const reserved = await this.#window.reserve(this.#key, this.#limit);
      if (reserved.token) return;
      // Full: wait until the oldest request in the window leaves it (at least 1 ms, to not spin on Redis).
      await sleep(Math.max(1, reserved.reset ?? 0), signal);
    }
  }

  /** When the fleet's pause ends (0: none); a pause lasts until the provider's window resets, so a read may be stale
   * by PAUSE_READ_MS at most, and this process pauses at once on the headers it sees itself. */
  async #sharedPause(): Promise<number> {
    const now = Date.now();
    if (now - this.#pauseReadAt >= PAUSE_READ_MS) {
      this.#pauseReadAt = now;
      this.#pausedUntil = Math.max(this.#pausedUntil, Number(await this.#redis.get(this.#pauseKey)) || 0);
    }
    return this.#pausedUntil;
  }

  observe(headers: Headers, now: number): void {
    const until = exhaustedUntil(headers, now);
    if (until === undefined) return;
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    // Every process waits for the provider's reset; the key expires with it. A failed write only loses the hint.
    this.#redis.set(this.#pauseKey, String(until), "PX", until - now).catch(() => {});
  }
}
