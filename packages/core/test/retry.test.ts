// The retry matrix over real HTTP: operation × failure → retried or not, how often, and how long it waited.
// Operations that create something must never be duplicated.
import { startCaptureServer } from "@agentruns/testkit";
import { ManualClock, startDuvoSimulator, type DuvoSimulator, type FaultAction } from "@agentruns/simulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiAbortError,
  ApiConnectionError,
  RateLimitError,
  backoffMs,
  retryable,
  serverWaitMs,
  DEFAULT_RETRY,
} from "../src/index.js";
import { AGENT, duvoClient, rejection } from "./helpers.js";

let clock: ManualClock;
let sim: DuvoSimulator;
beforeAll(async () => {
  clock = new ManualClock();
  sim = await startDuvoSimulator({ clock, runs: 20, rateLimit: false });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.requests.length = 0;
});

const client = (extra = {}) =>
  duvoClient({
    apiKey: "k",
    baseUrl: sim.url,
    maxRetries: 2,
    timeoutMs: 1_500, // a stalled attempt waits this out; healthy ones must fit even on a loaded machine

    retry: { baseDelayMs: 2, maxDelayMs: 10 },
    ...extra,
  });

/** A run waiting on a human request, for respond. */
function waitingRun() {
  const run = sim.store.create({ agent_id: AGENT }, clock.now());
  clock.advance(3000);
  return run;
}

type Op = { id: string; creates: boolean; call: () => Promise<unknown> };
const ops = (): Op[] => {
  const c = client();
  const run = sim.store.runs[0]!.id;
  const waiting = waitingRun();
  const request = sim.store.pending(waiting)!.id;
  return [
    { id: "getRun", creates: false, call: () => c.request("getRun", { path: { run_id: run } }) },
    { id: "stopRun", creates: false, call: () => c.request("stopRun", { path: { run_id: run } }) },
    { id: "createRun", creates: true, call: () => c.request("createRun", { body: { agent_id: AGENT } }) },
    {
      id: "createRunMessage",
      creates: true,
      call: () => c.request("createRunMessage", { path: { run_id: run }, body: { message: "hi" } }),
    },
    {
      id: "respondToHumanRequest",
      creates: true,
      call: () =>
        c.request("respondToHumanRequest", {
          path: { run_id: waiting.id, request_id: request },
          body: { approved: true },
        }),
    },
  ];
};

const failures: [string, FaultAction, { idempotent: boolean; create: boolean }][] = [
  ["500", { type: "status", status: 500 }, { idempotent: true, create: false }],
  ["502", { type: "status", status: 502 }, { idempotent: true, create: false }],
  ["503", { type: "status", status: 503 }, { idempotent: true, create: false }],
  ["408", { type: "status", status: 408 }, { idempotent: true, create: false }],
  [
    "429 with retry-after-ms",
    { type: "status", status: 429, retryAfterMs: 5 },
    { idempotent: true, create: true },
  ],
  ["400", { type: "status", status: 400 }, { idempotent: false, create: false }],
  ["404", { type: "status", status: 404 }, { idempotent: false, create: false }],
  [
    "connection reset before the handler",
    { type: "reset", when: "before-handler" },
    { idempotent: true, create: false },
  ],
  ["connection reset mid-body", { type: "reset", when: "mid-body" }, { idempotent: true, create: false }],
  [
    "stalled answer (attempt timeout)",
    { type: "stall", when: "after-handler" },
    { idempotent: true, create: false },
  ],
  ["truncated JSON body", { type: "body", body: "truncated" }, { idempotent: true, create: false }],
];

describe("retry matrix", () => {
  it.each(failures)("%s", async (_name, action, expected) => {
    for (const op of ops()) {
      sim.faults.clear();
      sim.requests.length = 0;
      sim.faults.inject({ match: { operationId: op.id }, action });
      const retried = op.creates ? expected.create : expected.idempotent;
      let failed = false;
      try {
        await op.call();
      } catch {
        failed = true;
      }
      expect({ op: op.id, failed, sent: sim.count(op.id) }).toEqual({
        op: op.id,
        failed: !retried,
        sent: retried ? 2 : 1,
      });
      if (op.creates)
        expect(sim.count(op.id, "handled"), `${op.id} took effect at most once`).toBeLessThanOrEqual(1);
    }
  });

  it("retries up to maxRetries times, then throws the last error with the attempt count", async () => {
    sim.faults.failNext(5, 503);
    const e = (await rejection(client().request("listRuns", {}))) as RateLimitError;
    expect(e.status).toBe(503);
    expect(e.attempts).toBe(3);
    expect(sim.count("listRuns")).toBe(3);
    sim.faults.clear();
    sim.faults.failNext(5, 503);
    await rejection(client({ maxRetries: 0 }).request("listRuns", {}));
    expect(sim.count("listRuns")).toBe(4);
  });

  it("retries a refused connection for every operation, creates included (the request never arrived)", async () => {
    const closed = await startCaptureServer();
    const url = closed.url;
    await closed.close();
    const c = duvoClient({
      apiKey: "k",
      baseUrl: url,
      maxRetries: 2,
      retry: { baseDelayMs: 1, maxDelayMs: 2 },
    });
    for (const call of [
      () => c.request("listRuns", {}),
      () => c.request("createRun", { body: { agent_id: AGENT } }),
    ]) {
      const e = (await rejection(call())) as ApiConnectionError;
      expect(e).toBeInstanceOf(ApiConnectionError);
      expect([e.refused, e.attempts]).toEqual([true, 3]);
    }
  });
});

describe("waiting between attempts", () => {
  const lines: string[] = [];
  const logger = { debug() {}, info() {}, warn: (m: string) => lines.push(m), error() {} };
  beforeEach(() => {
    lines.length = 0;
  });

  it("honours retry-after-ms and logs how long it waits", async () => {
    sim.faults.failNext(1, 429, { retryAfterMs: 40 });
    const t0 = performance.now();
    await client({ logger }).request("listRuns", {});
    expect(performance.now() - t0).toBeGreaterThanOrEqual(38);
    expect(lines).toEqual([
      expect.stringMatching(/^Duvo GET \/v1\/runs 429 \d+ms attempt 1, retrying in 40ms$/),
    ]);
  });

  it("uses full-jitter backoff under the cap when the server gives no hint", async () => {
    sim.faults.failNext(2, 500);
    await client({ logger, retry: { baseDelayMs: 8, maxDelayMs: 10 } }).request("listRuns", {});
    const waits = lines.map((l) => Number(l.match(/retrying in (\d+)ms$/)![1]));
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeLessThan(8);
    expect(waits[1]).toBeLessThan(10);
  });

  it("does not retry early when the server asks for longer than maxRetryAfterMs: it throws with retryAfterMs", async () => {
    sim.faults.failNext(1, 429, { retryAfter: 120 });
    const e = (await rejection(client().request("listRuns", {}))) as RateLimitError;
    expect(e).toBeInstanceOf(RateLimitError);
    expect(e.retryAfterMs).toBe(120_000);
    expect(sim.count("listRuns")).toBe(1);
  });

  it("stops when the next wait would exceed the retry budget", async () => {
    sim.faults.failNext(3, 503, { retryAfterMs: 20 });
    const e = await rejection(client({ retry: { budgetMs: 30 } }).request("listRuns", {}));
    expect((e as RateLimitError).status).toBe(503);
    expect(sim.count("listRuns")).toBe(2);
  });

  it("a wait is cancelled at once by the caller's signal", async () => {
    sim.faults.failNext(1, 503, { retryAfterMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const t0 = performance.now();
    const e = await rejection(client().request("listRuns", {}, { signal: controller.signal }));
    expect(e).toBeInstanceOf(ApiAbortError);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});

describe("retry rules", () => {
  it("classifies failures per operation class", () => {
    expect(retryable("idempotent", { kind: "status", status: 500 })).toBe(true);
    expect(retryable("idempotent", { kind: "status", status: 409 })).toBe(false);
    expect(retryable("idempotent", { kind: "timeout" })).toBe(true);
    expect(retryable("create", { kind: "status", status: 503 })).toBe(false);
    expect(retryable("create", { kind: "timeout" })).toBe(false);
    expect(retryable("create", { kind: "connection", refused: false })).toBe(false);
    expect(retryable("create", { kind: "connection", refused: true })).toBe(true);
    expect(retryable("create", { kind: "status", status: 429 })).toBe(true);
  });

  it("reads every server wait hint", () => {
    const now = Date.parse("2026-11-25T10:00:00Z");
    const h = (o: Record<string, string>) => new Headers(o);
    expect(serverWaitMs(h({ "retry-after-ms": "250", "retry-after": "9" }), now)).toBe(250);
    expect(serverWaitMs(h({ "retry-after": "3" }), now)).toBe(3000);
    expect(serverWaitMs(h({ "retry-after": "Wed, 25 Nov 2026 10:00:05 GMT" }), now)).toBe(5000);
    expect(serverWaitMs(h({ "retry-after": "Wed, 25 Nov 2026 09:00:00 GMT" }), now)).toBe(0);
    // x-ratelimit-reset counts only when the window is exhausted: remaining 0, or a 429 that does not say.
    const reset = String(now / 1000 + 7);
    expect(serverWaitMs(h({ "x-ratelimit-reset": reset, "x-ratelimit-remaining": "0" }), now, 503)).toBe(
      7000,
    );
    expect(serverWaitMs(h({ "x-ratelimit-reset": reset }), now, 429)).toBe(7000);
    expect(serverWaitMs(h({ "x-ratelimit-reset": reset }), now, 503)).toBeUndefined();
    expect(
      serverWaitMs(h({ "x-ratelimit-reset": reset, "x-ratelimit-remaining": "250" }), now, 503),
    ).toBeUndefined();
    expect(serverWaitMs(h({ "x-ratelimit-reset": "2" }), now, 429)).toBe(2000);
    expect(serverWaitMs(h({ "x-ratelimit-reset": String(now + 3000) }), now, 429)).toBe(3000);
    expect(serverWaitMs(h({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(serverWaitMs(h({ "retry-after": "-5" }), now)).toBeUndefined();
    expect(serverWaitMs(h({ "retry-after-ms": "-1", "retry-after": "1" }), now)).toBe(1000);
    expect(serverWaitMs(h({}), now)).toBeUndefined();
  });

  it("backs off with full jitter, doubling up to the cap", () => {
    expect(backoffMs(0, DEFAULT_RETRY, () => 0.999)).toBe(499);
    expect(backoffMs(3, DEFAULT_RETRY, () => 0.999)).toBe(3996);
    expect(backoffMs(10, DEFAULT_RETRY, () => 0.999)).toBe(7992);
    expect(backoffMs(10, DEFAULT_RETRY, () => 0)).toBe(0);
  });
});
