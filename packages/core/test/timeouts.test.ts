// Per-attempt time-outs, the overall deadline and the caller's AbortSignal, over real HTTP.
import { ManualClock, startDuvoSimulator, type DuvoSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiAbortError, ApiTimeoutError } from "../src/index.js";
import { duvoClient, rejection } from "./helpers.js";

let sim: DuvoSimulator;
beforeAll(async () => {
  sim = await startDuvoSimulator({ clock: new ManualClock(), runs: 5, rateLimit: false });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.requests.length = 0;
});

const client = (extra = {}) =>
  duvoClient({ apiKey: "k", baseUrl: sim.url, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra });

describe("time limits", () => {
  it("times out each attempt after timeoutMs and retries idempotent calls", async () => {
    sim.faults.inject({ times: 1, action: { type: "stall", when: "before-handler" } });
    // Generous enough for the healthy retry to finish on a loaded machine; the stalled first attempt waits it out.
    const page = await client({ timeoutMs: 1_000 }).request("listRuns", {});
    expect(page.total).toBe(5);
    expect(sim.count("listRuns")).toBe(2);
  });

  it("gives up with ApiTimeoutError(kind: attempt) when every attempt stalls", async () => {
    sim.faults.inject({ times: Infinity, action: { type: "stall", when: "before-handler" } });
    const e = (await rejection(
      client({ timeoutMs: 40, maxRetries: 1 }).request("listRuns", {}),
    )) as ApiTimeoutError;
    expect(e).toBeInstanceOf(ApiTimeoutError);
    expect([e.kind, e.attempts]).toEqual(["attempt", 2]);
    expect(e.message).toBe("Duvo GET /v1/runs timed out after 40 ms (attempt 2)");
  });

  it("ends the whole call at deadlineMs, retries and waits included", async () => {
    sim.faults.inject({ times: Infinity, action: { type: "stall", when: "before-handler" } });
    const t0 = performance.now();
    const e = (await rejection(
      client({ timeoutMs: 10_000, maxRetries: 5 }).request("listRuns", {}, { deadlineMs: 120 }),
    )) as ApiTimeoutError;
    expect(e).toBeInstanceOf(ApiTimeoutError);
    expect(e.kind).toBe("deadline");
    expect(performance.now() - t0).toBeLessThan(5_000); // the deadline, not the 10 s attempt time-out, ended it
    expect(sim.count("listRuns")).toBe(1);
  });

  it("per-call options override the client's", async () => {
    sim.faults.inject({ times: 1, action: { type: "stall", when: "before-handler" } });
    const e = await rejection(
      client({ timeoutMs: 5_000 }).request("listRuns", {}, { timeoutMs: 30, maxRetries: 0 }),
    );
    expect(e).toBeInstanceOf(ApiTimeoutError);
  });
});

describe("cancellation", () => {
  it("aborts an in-flight request with ApiAbortError and does not retry", async () => {
    sim.faults.inject({ times: Infinity, action: { type: "stall", when: "before-handler" } });
    const controller = new AbortController();
    const pending = rejection(client().request("listRuns", {}, { signal: controller.signal }));
    // Aborted once the request is in flight (the simulator has it), not after a fixed delay a loaded machine outlasts.
    while (sim.count("listRuns") === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort(new Error("user navigated away"));
    const e = await pending;
    expect(e).toBeInstanceOf(ApiAbortError);
    expect((e as ApiAbortError).cause).toEqual(new Error("user navigated away"));
    expect(sim.count("listRuns")).toBe(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    const e = await rejection(client().request("listRuns", {}, { signal: AbortSignal.abort() }));
    expect(e).toBeInstanceOf(ApiAbortError);
    expect(sim.requests).toHaveLength(0);
  });
});
