// Fault injection: each kind of failure, whether the request took effect, and the per-operation request counts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  DuvoSimulator,
  ManualClock,
  startDuckieSimulator,
  startDuvoSimulator,
  type DuckieSimulator,
} from "../src/index.js";
import { call } from "./http.js";

const AGENT = "0f8fad5b-d9cb-469f-a165-70867728950e";
const auth = { authorization: "Bearer k" };
let sim: DuvoSimulator;

beforeAll(async () => {
  sim = await startDuvoSimulator({ clock: new ManualClock(), runs: 10, rateLimit: false });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.requests.length = 0;
});
afterEach(() => expect(sim.violations).toEqual([]));

const createRun = () =>
  fetch(`${sim.url}/v1/runs`, {
    method: "POST",
    headers: { ...auth, "content-type": "application/json" },
    body: JSON.stringify({ agent_id: AGENT }),
  });
const runCount = () => sim.store.runs.length;

describe("status faults", () => {
  it("answer with the provider's error shape and the retry headers, without running the handler", async () => {
    sim.faults.failNext(2, 429, {
      retryAfter: 3,
      retryAfterMs: 2500,
      rateLimitReset: 1_767_000_000,
      match: { operationId: "createRun" },
    });
    const before = runCount();
    for (let i = 0; i < 2; i++) {
      const res = await createRun();
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("3");
      expect(res.headers.get("retry-after-ms")).toBe("2500");
      expect(res.headers.get("x-ratelimit-reset")).toBe("1767000000");
      expect(await res.json()).toEqual({ error: "Too Many Requests", message: "Too Many Requests" });
    }
    expect((await createRun()).status).toBe(201);
    expect(runCount()).toBe(before + 1);
    expect(sim.count("createRun")).toBe(3);
    expect(sim.count("createRun", "handled")).toBe(1);
    expect(sim.count("POST /v1/runs")).toBe(3);
  });

  it("match by method and path, leave other requests alone, and can carry a custom body and HTTP date", async () => {
    sim.faults.inject({
      match: { method: "GET", path: /^\/v1\/runs$/ },
      times: Infinity,
      action: {
        type: "status",
        status: 503,
        retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT",
        body: { error: "Service Unavailable", message: "maintenance" },
      },
    });
    const res = await call(sim.url, "GET", "/v1/runs", { headers: auth });
    expect(res).toMatchObject({
      status: 503,
      body: { error: "Service Unavailable", message: "maintenance" },
    });
    expect(res.headers.get("retry-after")).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
    expect((await call(sim.url, "GET", "/v1/runs", { headers: auth })).status).toBe(503);
    expect((await createRun()).status).toBe(201);
    expect(sim.faults.pending).toBe(1);
    sim.faults.clear();
    expect((await call(sim.url, "GET", "/v1/runs", { headers: auth })).status).toBe(200);
  });
});

describe("connection faults", () => {
  it("reset before the handler: the client gets a network error and nothing was created", async () => {
    sim.faults.inject({ action: { type: "reset", when: "before-handler" } });
    const before = runCount();
    await expect(createRun()).rejects.toThrow(/fetch failed/);
    expect(runCount()).toBe(before);
    expect(sim.requests.map((r) => [r.operationId, r.fault, r.handled])).toEqual([
      ["createRun", "reset", false],
    ]);
  });

  it("reset mid-body: the run was created, but the client cannot read the answer", async () => {
    sim.faults.inject({ action: { type: "reset", when: "mid-body" } });
    const before = runCount();
    const res = await createRun();
    expect(res.status).toBe(201);
    await expect(res.text()).rejects.toThrow();
    expect(runCount()).toBe(before + 1);
    expect(sim.count("createRun", "handled")).toBe(1);
  });

  it("stall before or after the handler: the client gives up; only 'after' took effect", async () => {
    // The client aborts once the simulator has recorded the stalled request (not after a fixed time), so a
    // busy machine cannot abort a request before it arrives and leave its fault for the next test.
    const abortWhenRecorded = (count: number) => {
      const controller = new AbortController();
      const poll = setInterval(() => {
        // The record is kept, and for 'after-handler' the run created, in the same tick the request is read.
        if (sim.requests.length >= count) {
          clearInterval(poll);
          controller.abort();
        }
      }, 5);
      return controller.signal;
    };
    const before = runCount();
    sim.faults.inject({ action: { type: "stall", when: "before-handler" } });
    await expect(
      fetch(`${sim.url}/v1/runs`, { headers: auth, signal: abortWhenRecorded(1) }),
    ).rejects.toThrow(/aborted/i);
    sim.faults.inject({ action: { type: "stall", when: "after-handler" } });
    await expect(
      fetch(`${sim.url}/v1/runs`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ agent_id: AGENT }),
        signal: abortWhenRecorded(2),
      }),
    ).rejects.toThrow(/aborted/i);
    expect(runCount()).toBe(before + 1);
    expect(sim.requests.map((r) => [r.fault, r.handled, r.status])).toEqual([
      ["stall", false, undefined],
      ["stall", true, undefined],
    ]);
  });

  it("delay holds the response, then answers normally", async () => {
    sim.faults.inject({ action: { type: "delay", ms: 150 }, match: { method: "GET" } });
    const t0 = performance.now();
    const res = await call(sim.url, "GET", "/v1/runs", { headers: auth });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(sim.requests.map((r) => r.fault)).toEqual(["delay"]);
  });
});

describe("body faults", () => {
  it("truncated: the handler ran and the JSON is cut in half", async () => {
    sim.faults.inject({ action: { type: "body", body: "truncated" } });
    const before = runCount();
    const res = await createRun();
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"run":{"id":')).toBe(true);
    expect(runCount()).toBe(before + 1);
  });

  it("non-json and html: a gateway's answer, without running the handler", async () => {
    sim.faults
      .inject({ action: { type: "body", body: "non-json" } })
      .inject({ action: { type: "body", body: "html", status: 504 } });
    const text = await call(sim.url, "GET", "/v1/runs", { headers: auth });
    expect(text.status).toBe(502);
    expect(text.headers.get("content-type")).toBe("text/plain");
    expect(text.body).toBe("upstream connect error or disconnect/reset before headers");
    const html = await call(sim.url, "GET", "/v1/runs", { headers: auth });
    expect(html.status).toBe(504);
    expect(html.headers.get("content-type")).toBe("text/html");
    expect(html.body).toContain("<h1>504 Gateway Timeout</h1>");
    expect(sim.count("listRuns", "handled")).toBe(0);
  });
});

describe("faults on other providers", () => {
  let duckie: DuckieSimulator;
  beforeAll(async () => {
    duckie = await startDuckieSimulator({ clock: new ManualClock(), runs: 5 });
  });
  afterAll(() => duckie.close());

  it("render the provider's own error shape", async () => {
    duckie.faults.failNext(1, 500);
    const res = await call(duckie.url, "GET", "/api/v1/runs", { headers: auth });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({
      error: {
        code: "internal_error",
        message: "Internal Server Error",
        request_id: res.headers.get("x-request-id"),
      },
    });
  });
});

describe("browsers", () => {
  it("answers CORS preflights without recording them, and allows every origin", async () => {
    const pre = await fetch(`${sim.url}/v1/runs`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:1",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    expect(sim.requests).toHaveLength(0);
    const res = await call(sim.url, "GET", "/v1/runs", { headers: auth });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("x-request-id");
  });
});
