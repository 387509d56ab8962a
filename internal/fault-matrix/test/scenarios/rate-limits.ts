// Server wait hints, good and bad: what wait each one produces (`retryAfterMs` on the error), and that a hint too
// long to honour ends the call at once instead of sleeping through it.
import { Duvo } from "../clients.js";
import { expect } from "vitest";
import { AGENT, KEY, outcome, rejection, type Ctx, type Scenario } from "../scenario.js";

const group = "Rate-limit hints";

function hint(
  name: string,
  status: number,
  headers: (now: number) => Record<string, string>,
  expected: (wait: number | undefined) => void,
  promise: string,
  observed: (wait: number | undefined) => string = (w) =>
    w === undefined ? "ignored: own backoff" : `waits ${w} ms`,
): Scenario {
  return {
    group,
    name,
    promise,
    async run({ capture }: Ctx) {
      capture.reset();
      capture.respondWith(() => ({ status, headers: headers(Date.now()), body: { error: "slow down" } }));
      const e = (await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 }).runs.get(AGENT),
      )) as Error & { retryAfterMs?: number };
      expected(e.retryAfterMs);
      return observed(e.retryAfterMs);
    },
  };
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

export const rateLimits: Scenario[] = [
  hint(
    "Retry-After in seconds",
    429,
    () => ({ "retry-after": "2" }),
    (w) => expect(w).toBe(2000),
    "waits that long",
  ),
  hint(
    "Retry-After as an HTTP date",
    429,
    (now) => ({ "retry-after": httpDate(now + 3_000) }),
    (w) => expect(w! > 1_000 && w! <= 3_000).toBe(true),
    "waits until that time",
    () => "waits until the date (2–3 s)",
  ),
  hint(
    "Retry-After as a date in the past",
    503,
    (now) => ({ "retry-after": httpDate(now - 60_000) }),
    (w) => expect(w).toBe(0),
    "retries at once",
  ),
  hint(
    "Retry-After negative (-5)",
    429,
    () => ({ "retry-after": "-5" }),
    (w) => expect(w).toBeUndefined(),
    "ignored (never read as a date): the client's own backoff applies",
  ),
  hint(
    "Retry-After garbage",
    429,
    () => ({ "retry-after": "soon-ish" }),
    (w) => expect(w).toBeUndefined(),
    "ignored: the client's own backoff applies",
  ),
  hint(
    "retry-after-ms",
    429,
    () => ({ "retry-after-ms": "150", "retry-after": "9" }),
    (w) => expect(w).toBe(150),
    "wins over Retry-After",
  ),
  hint(
    "x-ratelimit-reset in the past, window exhausted",
    429,
    (now) => ({ "x-ratelimit-reset": String(Math.floor(now / 1000) - 30), "x-ratelimit-remaining": "0" }),
    (w) => expect(w).toBe(0),
    "retries at once",
  ),
  hint(
    "x-ratelimit-reset in the future, window exhausted",
    429,
    (now) => ({ "x-ratelimit-reset": String(Math.ceil(now / 1000) + 5), "x-ratelimit-remaining": "0" }),
    (w) => expect(w! > 4_000 && w! <= 6_000).toBe(true),
    "waits until the reset",
    () => "waits until the reset (5–6 s)",
  ),
  hint(
    "x-ratelimit-reset 30 s ahead but 250 requests remaining (503)",
    503,
    (now) => ({ "x-ratelimit-reset": String(Math.ceil(now / 1000) + 30), "x-ratelimit-remaining": "250" }),
    (w) => expect(w).toBeUndefined(),
    "ignored: the window is not exhausted, so the 503 gets the normal backoff",
  ),
  {
    group,
    name: "Retry-After huge (1 day)",
    promise:
      "not slept through: the RateLimitError is thrown at once with retryAfterMs set, after one attempt",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 429, headers: { "retry-after": "86400" }, body: {} });
      const started = Date.now();
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT));
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(capture.requests).toHaveLength(1);
      expect(outcome(e)).toBe("RateLimitError 429 after 1 attempt, retryAfterMs 86400000");
      return outcome(e);
    },
  },
  {
    group,
    name: "429 with retry-after-ms 100, then success",
    promise: "waits as asked and succeeds on the second attempt",
    async run({ capture }) {
      capture.reset();
      let n = 0;
      capture.respondWith(() =>
        n++ === 0
          ? { status: 429, headers: { "retry-after-ms": "100" }, body: {} }
          : { status: 200, body: { run: null, pending_human_request: null } },
      );
      const started = Date.now();
      await new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT);
      expect(Date.now() - started).toBeGreaterThanOrEqual(95);
      expect(capture.requests).toHaveLength(2);
      return "succeeded on attempt 2 after the requested wait";
    },
  },
];
