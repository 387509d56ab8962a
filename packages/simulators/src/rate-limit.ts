// Fixed-window request limits per API key on the simulator's clock, as the providers document them.

export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Window end, Unix seconds. */
  reset: number;
  /** Milliseconds until the window resets. */
  retryAfterMs: number;
  exceeded: boolean;
}

/** Keys counted in one window at most: past it the oldest key's count is forgotten (a ManualClock may never move). */
const MAX_KEYS = 10_000;

export class RateLimiter {
  #window = -1;
  readonly #counts = new Map<string, number>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** Counts one request for `key` at `now`. */
  hit(key: string, now: number): RateLimitState {
    const window = Math.floor(now / this.windowMs);
    if (window !== this.#window) {
      this.#window = window;
      this.#counts.clear();
    }
    if (this.#counts.size >= MAX_KEYS && !this.#counts.has(key))
      this.#counts.delete(this.#counts.keys().next().value!);
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    const end = (window + 1) * this.windowMs;
    return {
      limit: this.limit,
      remaining: Math.max(0, this.limit - count),
      reset: Math.ceil(end / 1000),
      retryAfterMs: end - now,
      exceeded: count > this.limit,
    };
  }
}
