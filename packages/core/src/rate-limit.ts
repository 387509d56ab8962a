// Client-side rate limiting: wait before sending instead of being answered 429. An in-memory sliding window (the
// provider's published limit) by default; a limiter shared by processes (`@agentruns/ratelimit-redis`) plugs in behind
// the same interface. Hand-written: the in-memory libraries on npm assume Node timers or ship a store abstraction
// several times this size, and this one has to run in browsers and edge runtimes too.
import { sleep } from "./signals.js";
import type { AnswerHeaders } from "./transport.js";

/** Decides when a client may send its next request. */
export interface RateLimiter {
  /** Resolves when one more request may be sent; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** Sees every answer's headers: `x-ratelimit-remaining: 0` pauses sending until `x-ratelimit-reset`. */
  observe?(headers: AnswerHeaders, now: number): void;
}

/** A published limit: at most `limit` requests in any `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/** How long a `x-ratelimit-reset` may pause sending at most (a wrong clock must not stall a client for hours). */
const MAX_PAUSE_MS = 5 * 60_000;

/**
 * When `x-ratelimit-remaining` is 0: the time `x-ratelimit-reset` names (Unix seconds, or seconds from now when
 * small), capped; undefined otherwise.
 */
export function exhaustedUntil(headers: AnswerHeaders, now: number): number | undefined {
  if (headers.get("x-ratelimit-remaining") !== "0") return undefined;
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (!Number.isFinite(reset) || reset <= 0) return undefined;
  const at = reset > 1e9 ? reset * 1000 : now + reset * 1000;
  return at > now ? Math.min(at, now + MAX_PAUSE_MS) : undefined;
}

/**
 * At most `limit` requests in any window of `windowMs` (a sliding log: no burst at a window's edge, so a provider
 * counting fixed windows never sees more than its limit), waiting callers served first come, first served; pauses
 * while the provider's headers say its window is spent. With no local limit it only follows the headers.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  /** Send times of the last `limit` requests, oldest first (a ring). */
  readonly #sent: number[] = [];
  #head = 0;
  #pausedUntil = 0;
  /** The waiting callers, in order. */
  #queue: Promise<void> = Promise.resolve();
  #waiting = 0;

  constructor(rate?: RateLimit) {
    this.#limit = rate ? Math.max(1, Math.floor(rate.limit)) : Infinity;
    this.#windowMs = rate?.windowMs ?? 0;
  }

  acquire(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    if (this.#waiting === 0 && this.#delay(now) === 0) {
      this.#record(now);
      return Promise.resolve();
    }
    this.#waiting++;
    const turn = this.#queue.then(async () => {
      for (let wait = this.#delay(Date.now()); wait > 0; wait = this.#delay(Date.now()))
        await sleep(wait, signal);
      this.#record(Date.now());
    });
    // One caller aborting must not stall the ones behind it.
    this.#queue = turn.catch(() => {});
    return turn.finally(() => this.#waiting--);
  }

  observe(headers: AnswerHeaders, now: number): void {
    const until = exhaustedUntil(headers, now);
    if (until !== undefined && until > this.#pausedUntil) this.#pausedUntil = until;
  }

  /** Milliseconds until one more request fits (0: now). */
  #delay(now: number): number {
    const paused = Math.max(0, this.#pausedUntil - now);
    if (this.#sent.length < this.#limit) return paused;
    return Math.max(paused, this.#sent[this.#head]! + this.#windowMs - now);
  }

  #record(now: number): void {
    if (this.#limit === Infinity) return;
    if (this.#sent.length < this.#limit) this.#sent.push(now);
    else {
      this.#sent[this.#head] = now;
      this.#head = (this.#head + 1) % this.#limit;
    }
  }
}
