// When to retry and how long to wait: full-jitter exponential backoff, server wait hints, and a rule that
// operations which create something are retried only when the request provably never took effect.

/** `idempotent`: safe to repeat (reads, stop). `create`: repeating could duplicate work (create run, post message, respond). */
export type RetryClass = "idempotent" | "create";

export interface RetryTuning {
  /** First backoff ceiling (default 500 ms); doubles per retry. */
  baseDelayMs: number;
  /** Ceiling of one backoff wait (default 8 s). */
  maxDelayMs: number;
  /** A server asking to wait longer than this (default 60 s) is not retried early: the error is thrown at once. */
  maxRetryAfterMs: number;
  /** Total time all waits of one call may add up to (default 60 s). */
  budgetMs: number;
}

export const DEFAULT_RETRY: RetryTuning = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
  budgetMs: 60_000,
};

export type Failure =
  { kind: "status"; status: number } | { kind: "connection"; refused: boolean } | { kind: "timeout" };

/** Whether a failure of an operation of this class may be retried. */
export function retryable(cls: RetryClass, failure: Failure): boolean {
  if (cls === "create") {
    // Only when the server provably did nothing: it refused the connection, or rate-limited the request.
    return (
      (failure.kind === "connection" && failure.refused) ||
      (failure.kind === "status" && failure.status === 429)
    );
  }
  if (failure.kind !== "status") return true;
  return failure.status === 408 || failure.status === 429 || failure.status >= 500;
}

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `Retry-After` (seconds or an HTTP date), else
 * `x-ratelimit-reset` (Unix seconds, or seconds from now when small). Undefined when none is usable.
 */
export function serverWaitMs(headers: Headers, now: number): number | undefined {
  const ms = Number(headers.get("retry-after-ms"));
  if (headers.has("retry-after-ms") && Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get("retry-after");
  if (after !== null) {
    const seconds = Number(after);
    if (after.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = Number(headers.get("x-ratelimit-reset"));
  if (headers.has("x-ratelimit-reset") && Number.isFinite(reset) && reset >= 0) {
    return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  }
  return undefined;
}

/** Full jitter: uniform in [0, min(maxDelay, base · 2^retry)). `retry` counts from 0. */
export function backoffMs(retry: number, tuning: RetryTuning, random: () => number): number {
  return Math.floor(random() * Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** retry));
}
