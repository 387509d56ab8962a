// When to retry and how long to wait: full-jitter exponential backoff, server wait hints, and a rule that
// operations which create something are retried only when the request provably never took effect.
import type { AnswerHeaders } from "./transport.js";

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

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;

/**
 * The wait the server asked for, in ms: `retry-after-ms`, else `Retry-After` (non-negative seconds or an HTTP date),
 * else `x-ratelimit-reset` (Unix seconds, Unix ms, or seconds from now when small) — the reset only when the window
 * is exhausted (`x-ratelimit-remaining: 0`, or a 429 that does not say). Negative, garbage and unknown values are
 * ignored (undefined), so the caller falls back to its own backoff.
 */
export function serverWaitMs(headers: AnswerHeaders, now: number, status?: number): number | undefined {
  const afterMs = headers.get("retry-after-ms");
  if (afterMs !== null && SECONDS.test(afterMs)) return Number(afterMs);
  const after = headers.get("retry-after");
  if (after !== null) {
    if (SECONDS.test(after)) return Number(after) * 1000;
    // An HTTP date has a weekday and month name; a bare number (negative, say) is never read as a date.
    if (/[a-z]{3}/i.test(after)) {
      const date = Date.parse(after);
      if (!Number.isNaN(date)) return Math.max(0, date - now);
    }
  }
  const reset = headers.get("x-ratelimit-reset");
  const remaining = headers.get("x-ratelimit-remaining");
  const exhausted = remaining === null ? status === 429 : Number(remaining) <= 0 && remaining.trim() !== "";
  if (reset !== null && exhausted && SECONDS.test(reset)) {
    const value = Number(reset);
    if (value > 1e12) return Math.max(0, value - now);
    if (value > 1e9) return Math.max(0, value * 1000 - now);
    return value * 1000;
  }
  return undefined;
}

/** Full jitter: uniform in [0, min(maxDelay, base · 2^retry)). `retry` counts from 0. */
export function backoffMs(retry: number, tuning: RetryTuning, random: () => number): number {
  return Math.floor(random() * Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** retry));
}

/** Where a call stands when an attempt has failed. */
export interface AttemptState {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Retries allowed after the first attempt. */
  maxRetries: number;
  /** What was waited between attempts so far, in ms. */
  waited: number;
  /** The wait the server asked for, if it did. */
  serverWait: number | undefined;
}

/**
 * The wait before the next attempt, or undefined to stop: when the failure is not retryable for its class, the
 * retries are spent, the server asks for a wait longer than `maxRetryAfterMs`, or the wait would overrun `budgetMs`.
 * The server's wait wins over the backoff.
 */
export function nextDelay(
  cls: RetryClass,
  failure: Failure,
  state: AttemptState,
  tuning: RetryTuning,
  random: () => number,
): number | undefined {
  if (state.attempt > state.maxRetries || !retryable(cls, failure)) return undefined;
  if ((state.serverWait ?? 0) > tuning.maxRetryAfterMs) return undefined;
  const delay = state.serverWait ?? backoffMs(state.attempt - 1, tuning, random);
  return state.waited + delay > tuning.budgetMs ? undefined : delay;
}
