// A rate limiter shared by every process (and machine) that uses one Redis: the provider's limit is kept as a sliding
// window in Redis, so a fleet of workers with one API key stays under it together instead of meeting 429s. The window
// itself is sliding-window-rate-limiter's (a Lua script over a sorted set, on Redis's clock); this adds the waiting,
// cancellation, headroom, smoothing (short sub-windows, so no burst meets a provider's window edge) and the pause the
// provider's `x-ratelimit-*` headers ask for, shared through Redis too.
import {
  ValidationError,
  exhaustedUntil,
  sleep,
  type AnswerHeaders,
  type RateLimiter,
} from "@agentruns/core";
import type { Redis } from "ioredis";
import type { RedisSlidingWindowRateLimiter } from "sliding-window-rate-limiter";

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

/**
 * The window the fleet actually keeps: at most `burst` requests in any `intervalMs` (a whole number of ms, as the
 * Redis script needs). Short sub-windows spread the requests out, so a provider counting fixed windows never meets a
 * burst at its window's edge; the choice keeps any `windowMs` (stretched by `jitterMs`, the spread between reserving
 * and arriving: by default the headroom's share of the window, at least 50 ms) within `limit`, at the highest rate
 * whole numbers allow, up to `limit × headroom`.
 */
export function smoothing(
  limit: number,
  windowMs: number,
  headroom: number,
  jitterMs = Math.max(50, windowMs * (1 - headroom)),
): { burst: number; intervalMs: number } {
  const target = Math.max(1, Math.floor(limit * headroom));
  let best: { burst: number; intervalMs: number; rate: number } | undefined;
  for (let burst = 1; burst <= Math.max(1, Math.ceil(target / 10)); burst++) {
    const intervalMs = Math.ceil((windowMs * burst) / target);
    const rate = burst / intervalMs;
    const worst = burst * Math.ceil((windowMs + jitterMs) / intervalMs);
    if (worst <= limit && (!best || rate > best.rate)) best = { burst, intervalMs, rate };
  }
  // A limit too small to split (a few requests a window): the whole window stretched by the spread, at the headroom's
  // share.
  return best
    ? { burst: best.burst, intervalMs: best.intervalMs }
    : { burst: target, intervalMs: Math.ceil(windowMs + jitterMs) };
}

/** How often the shared pause is read from Redis at most. */
const PAUSE_READ_MS = 250;

/** Waits until the shared window has room, then reserves one request in it. */
export class RedisRateLimiter implements RateLimiter {
  /**
   * The window, made on first use: sliding-window-rate-limiter is an ES module only, which the CommonJS build can
   * load only with import() (require() cannot on Node 18, nor on 20 before 20.19).
   */
  #window: Promise<RedisSlidingWindowRateLimiter> | undefined;
  readonly #intervalMs: number;
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
    const { burst, intervalMs } = smoothing(limit, windowMs, headroom);
    this.#intervalMs = intervalMs;
    this.#key = `agentruns:ratelimit:${key}:${burst}/${intervalMs}`;
    this.#pauseKey = `agentruns:ratelimit:${key}:paused-until`;
    this.#limit = burst;
  }

  async acquire(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const paused = (await this.#sharedPause()) - Date.now();
      if (paused > 0) {
        await sleep(paused, signal);
        continue;
      }
      this.#window ??= import("sliding-window-rate-limiter").then(
        (m) =>
          new m.RedisSlidingWindowRateLimiter({ redis: this.#redis as never, interval: this.#intervalMs }),
      );
      const reserved = await (await this.#window).reserve(this.#key, this.#limit);
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

  observe(headers: AnswerHeaders, now: number): void {
    const until = exhaustedUntil(headers, now);
    if (until === undefined) return;
    this.#pausedUntil = Math.max(this.#pausedUntil, until);
    // Every process waits for the provider's reset; the key expires with it. A failed write only loses the hint.
    this.#redis.set(this.#pauseKey, String(until), "PX", until - now).catch(() => {});
  }
}
