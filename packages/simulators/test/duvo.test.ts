// Duvo simulator: every operation's behaviour, the run lifecycle on a manual clock, validation and auth errors,
// webhooks, and every response checked against the spec.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { createClient, type ApiClient } from "@agentruns/duvo-openapi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DuvoSimulator, ManualClock, startDuvoSimulator } from "../src/index.js";
import { call } from "./http.js";

const AGENT = "0f8fad5b-d9cb-469f-a165-70867728950e";
const QUESTION_AGENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const PLAIN_AGENT = "16fd2706-8baf-433b-82eb-8c7fada847da";
const FAILING_AGENT = "886313e1-3b8a-4372-9b90-0c9aee199e5d";
const auth = { authorization: "Bearer sim_key" };

let clock: ManualClock;
let sim: DuvoSimulator;
let duvo: ApiClient;

beforeAll(async () => {
  clock = new ManualClock();
  sim = await startDuvoSimulator({
    clock,
    runs: 500,
    apiKeys: ["sim_key"],
    rateLimit: false, // tested on its own simulator below
    agents: {
      [QUESTION_AGENT]: { asks: "question" },
      [PLAIN_AGENT]: { asks: "none" },
      [FAILING_AGENT]: { asks: "none", outcome: "failed" },
    },
  });
  duvo = createClient({ apiKey: "sim_key", baseUrl: sim.url, env: {} });
});
afterAll(() => sim.close());
afterEach(() => expect(sim.violations).toEqual([]));

async function create(agent_id = AGENT, extra: { message?: string; webhook_url?: string } = {}) {
  const { data, response } = await duvo.POST("/v1/runs", { body: { agent_id, ...extra } });
  expect(response.status).toBe(201);
  return data!.run;
}
const get = async (run_id: string) =>
  (await duvo.GET("/v1/runs/{run_id}", { params: { path: { run_id } } })).data!;
const statusOf = async (run_id: string) => (await get(run_id)).run!.status;

describe("run lifecycle", () => {
  it("moves pending → starting → running → waiting on the clock, with a pending approval", async () => {
    const run = await create(AGENT, { message: "Pay invoice 7" });
    expect(run).toMatchObject({
      status: "pending",
      source: "api",
      started_at: null,
      completed_at: null,
      human_in_the_loop_enabled: true,
    });
    const seen = [await statusOf(run.id)];
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      seen.push(await statusOf(run.id));
    }
    expect(seen).toEqual(["pending", "starting", "running", "waiting"]);
    const { run: current, pending_human_request } = await get(run.id);
    expect(current!.started_at).toBe(new Date(clock.now() - 1000).toISOString());
    expect(pending_human_request).toMatchObject({ type: "approval", title: expect.any(String) });
  });

  it("approval: respond resumes the run, which then completes", async () => {
    const run = await create();
    clock.advance(3000);
    const request = (await get(run.id)).pending_human_request!;
    const { data, response } = await duvo.POST("/v1/runs/{run_id}/human-requests/{request_id}/respond", {
      params: { path: { run_id: run.id, request_id: request.id } },
      body: { approved: false },
    });
    expect(response.status).toBe(200);
    expect(data!.human_request).toMatchObject({
      id: request.id,
      run_id: run.id,
      response: "denied",
      responded_at: new Date(clock.now()).toISOString(),
    });
    expect(await get(run.id)).toEqual({ run: expect.objectContaining({ status: "running" }) });
    clock.advance(2000);
    const done = (await get(run.id)).run!;
    expect(done.status).toBe("completed");
    expect(done.completed_at).toBe(new Date(clock.now()).toISOString());
  });

  it("question: requires an answer to every question, then resumes", async () => {
    const run = await create(QUESTION_AGENT);
    clock.advance(3000);
    const request = (await get(run.id)).pending_human_request!;
    expect(request.type).toBe("question");
    expect(request.questions?.map((q) => q.question)).toEqual([
      "Which account should be used?",
      "Which regions apply?",
    ]);
    const path = `/v1/runs/${run.id}/human-requests/${request.id}/respond`;

    const wrongShape = await call(sim.url, "POST", path, { headers: auth, body: { approved: true } });
    expect(wrongShape).toMatchObject({
      status: 400,
      body: { error: "Bad Request", message: expect.stringContaining("answers") },
    });
    const missing = await call(sim.url, "POST", path, {
      headers: auth,
      body: { answers: { "Which account should be used?": "Savings" } },
    });
    expect(missing.body.message).toBe("missing answer(s): Which regions apply?");
    const unknown = await call(sim.url, "POST", path, {
      headers: auth,
      body: {
        answers: { "Which account should be used?": "Savings", "Which regions apply?": "EU", Colour: "red" },
      },
    });
    expect(unknown.body.message).toBe("unknown question(s): Colour");
    expect(await statusOf(run.id)).toBe("waiting");

    const answers = { "Which account should be used?": "Savings", "Which regions apply?": "EU, US" };
    const ok = await call(sim.url, "POST", path, { headers: auth, body: { answers } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.human_request.response)).toEqual(answers);
    expect(await statusOf(run.id)).toBe("running");
  });

  it("respond only works while the run waits on that request", async () => {
    const run = await create();
    clock.advance(3000);
    const request = (await get(run.id)).pending_human_request!;
    const path = `/v1/runs/${run.id}/human-requests/${request.id}/respond`;
    expect((await call(sim.url, "POST", path, { headers: auth, body: { approved: true } })).status).toBe(200);
    const again = await call(sim.url, "POST", path, { headers: auth, body: { approved: true } });
    expect(again).toMatchObject({
      status: 400,
      body: { error: "Bad Request", message: expect.stringContaining("already answered") },
    });
    const other = await call(sim.url, "POST", `/v1/runs/${run.id}/human-requests/${AGENT}/respond`, {
      headers: auth,
      body: { approved: true },
    });
    expect(other).toMatchObject({ status: 404, body: { error: "Not Found" } });
  });

  it("runs without human input go straight to their outcome and report it", async () => {
    const ok = await create(PLAIN_AGENT);
    const bad = await create(FAILING_AGENT);
    clock.advance(3000);
    expect([await statusOf(ok.id), await statusOf(bad.id)]).toEqual(["completed", "failed"]);
  });

  it("posting a message persists it and resumes waiting or completed runs", async () => {
    const run = await create(PLAIN_AGENT, { message: "first" });
    clock.advance(3000);
    expect(await statusOf(run.id)).toBe("completed");
    const { data, response } = await duvo.POST("/v1/runs/{run_id}/messages", {
      params: { path: { run_id: run.id } },
      body: { message: "one more thing" },
    });
    expect(response.status).toBe(201);
    expect(data!.message).toMatchObject({ role: "user", type: "text", text_content: "one more thing" });
    const resumed = (await get(run.id)).run!;
    expect(resumed).toMatchObject({ status: "running", completed_at: null });
    clock.advance(2000);
    expect(await statusOf(run.id)).toBe("completed");

    const waiting = await create();
    clock.advance(3000);
    await duvo.POST("/v1/runs/{run_id}/messages", {
      params: { path: { run_id: waiting.id } },
      body: { message: "use the savings account" },
    });
    const after = await get(waiting.id);
    expect(after.run!.status).toBe("running");
    expect(after.pending_human_request).toBeUndefined();
  });

  it("a message to a running run is persisted without changing its status", async () => {
    const run = await create();
    clock.advance(2000);
    expect(await statusOf(run.id)).toBe("running");
    await duvo.POST("/v1/runs/{run_id}/messages", {
      params: { path: { run_id: run.id } },
      body: { message: "fyi" },
    });
    expect(await statusOf(run.id)).toBe("running");
    const { data } = await duvo.GET("/v1/runs/{run_id}/messages", { params: { path: { run_id: run.id } } });
    expect(data!.messages.at(-1)).toMatchObject({ role: "user", text_content: "fyi" });
  });

  it("stop stops a running run and is a no-op otherwise", async () => {
    const run = await create();
    const early = await duvo.POST("/v1/runs/{run_id}/stop", { params: { path: { run_id: run.id } } });
    expect(early.data).toEqual({
      success: false,
      message: "Run is not running (status: pending); nothing to stop",
    });
    clock.advance(2000);
    const stopped = await duvo.POST("/v1/runs/{run_id}/stop", { params: { path: { run_id: run.id } } });
    expect(stopped.data).toEqual({ success: true, message: "Run stopped" });
    clock.advance(10_000);
    expect((await get(run.id)).run).toMatchObject({ status: "stopped", completed_at: expect.any(String) });
  });
});

describe("messages", () => {
  it("are paginated in chronological order with total, limit and offset", async () => {
    const run = sim.store.runs.find((r) => sim.store.messages(r).length >= 6)!;
    const all = (
      await duvo.GET("/v1/runs/{run_id}/messages", {
        params: { path: { run_id: run.id }, query: { limit: 50 } },
      })
    ).data!;
    const times = all.messages.map((m) => m.timestamp);
    expect([...times].sort()).toEqual(times);
    const page = (
      await duvo.GET("/v1/runs/{run_id}/messages", {
        params: { path: { run_id: run.id }, query: { limit: 2, offset: 2 } },
      })
    ).data!;
    expect(page).toEqual({ messages: all.messages.slice(2, 4), total: all.total, limit: 2, offset: 2 });
  });
});

describe("list runs", () => {
  const list = async (query: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const res = await call(sim.url, "GET", `/v1/runs?${qs}`, { headers: auth });
    expect(res.status).toBe(200);
    return res.body as { data: { id: string; created_at: string }[]; total: number };
  };
  const records = (ids: string[]) => ids.map((id) => sim.store.get(id));

  it("defaults to 20 newest first and sorts ascending on request", async () => {
    const desc = await list({});
    expect(desc.data).toHaveLength(20);
    expect(desc.total).toBe(sim.store.runs.length);
    const times = desc.data.map((r) => r.created_at);
    expect(times).toEqual([...times].sort().reverse());
    const asc = await list({ sort_order: "asc", sort_by: "created_at", limit: 5 });
    expect(asc.data.map((r) => r.created_at)).toEqual([...asc.data.map((r) => r.created_at)].sort());
  });

  it("filters by status, agent, user, case queue, source and digest", async () => {
    const sample = sim.store.runs.find((r) => r.case_queue_id && r.user_id && r.digest_id)!;
    for (const [key, value, field] of [
      ["status", "failed", "status"],
      ["agent_id", sample.agent_id.toUpperCase(), "agent_id"],
      ["user_id", sample.user_id!, "user_id"],
      ["case_queue_id", sample.case_queue_id!, "case_queue_id"],
      ["source", "schedule", "source"],
      ["digest_id", sample.digest_id!, "digest_id"],
    ] as const) {
      const page = await list({ [key]: value, limit: 100 });
      const expected = sim.store.runs.filter((r) => String(r[field]).toLowerCase() === value.toLowerCase());
      expect(page.total, key).toBe(expected.length);
      expect(page.total, key).toBeGreaterThan(0);
      expect(
        records(page.data.map((r) => r.id)).every(
          (r) => String(r[field]).toLowerCase() === value.toLowerCase(),
        ),
        key,
      ).toBe(true);
    }
  });

  it("searches titles and case titles, and filters by issues, severity and since", async () => {
    const search = await list({ search: "REFUND", limit: 100 });
    expect(search.total).toBeGreaterThan(0);
    expect(
      records(search.data.map((r) => r.id)).every((r) =>
        `${r.title} ${r.case_title}`.toLowerCase().includes("refund"),
      ),
    ).toBe(true);

    const issues = await list({ has_issues: "true", limit: 100 });
    const expectedIssues = sim.store.runs.filter(
      (r) => r.eval_summaries && r.eval_summaries.passed! < r.eval_summaries.total!,
    );
    expect(issues.total).toBe(expectedIssues.length);
    const clean = await list({ has_issues: "false" });
    expect(clean.total + issues.total).toBe(sim.store.runs.length);

    const critical = await list({ issue_severity: "critical", limit: 100 });
    expect(
      records(critical.data.map((r) => r.id)).every((r) => r.eval_summaries!.severityCounts!.critical! > 0),
    ).toBe(true);

    const since = new Date(clock.now() - 7 * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
    const recent = await list({ since, limit: 100 });
    expect(recent.total).toBe(sim.store.runs.filter((r) => r.created_at >= Date.parse(since)).length);
  });
});

describe("errors", () => {
  it("answers missing or wrong credentials with 401 { error, message }", async () => {
    expect(await call(sim.url, "GET", "/v1/runs")).toMatchObject({
      status: 401,
      body: { error: "Unauthorized", message: expect.stringContaining("Missing API key") },
    });
    expect(
      await call(sim.url, "GET", "/v1/runs", { headers: { authorization: "Bearer nope" } }),
    ).toMatchObject({ status: 401, body: { error: "Unauthorized", message: "Invalid API key" } });
  });

  it("validates parameters and bodies against the spec with 400 { error, message }", async () => {
    const cases: [string, string, unknown, string][] = [
      ["GET", "/v1/runs?limit=101", undefined, "query/limit must be <= 100"],
      ["GET", "/v1/runs?limit=0", undefined, "query/limit must be >= 1"],
      ["GET", "/v1/runs?status=done", undefined, "query/status must be equal to one of the allowed values"],
      ["GET", "/v1/runs?agent_id=42", undefined, 'query/agent_id must match format "uuid"'],
      ["GET", "/v1/runs?since=2026-02-30T00:00:00Z", undefined, "query/since must match"],
      ["GET", "/v1/runs?state=running", undefined, "query/state is not a parameter of GET /v1/runs"],
      ["GET", "/v1/runs/not-a-uuid", undefined, 'path/run_id must match format "uuid"'],
      ["GET", `/v1/runs/${AGENT}/messages?limit=51`, undefined, "query/limit must be <= 50"],
      ["POST", "/v1/runs", { message: "hi" }, "body/agent_id is required"],
      ["POST", "/v1/runs", { agent_id: AGENT, priority: 1 }, "body/priority is not allowed (no such field)"],
      [
        "POST",
        "/v1/runs",
        { agent_id: AGENT, webhook_url: "not a url" },
        'body/webhook_url must match format "uri"',
      ],
      [
        "POST",
        `/v1/runs/${AGENT}/messages`,
        { message: "" },
        "body/message must NOT have fewer than 1 characters",
      ],
      ["POST", "/v1/runs", "{not json", "Request body is not valid JSON"],
    ];
    for (const [method, path, body, message] of cases) {
      const res = await call(sim.url, method, path, { headers: auth, body });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error).toBe("Bad Request");
      expect(res.body.message, `${method} ${path}`).toContain(message);
    }
  });

  it("answers unknown runs and routes with 404", async () => {
    const res = await call(sim.url, "GET", `/v1/runs/${AGENT}`, { headers: auth });
    expect(res).toMatchObject({
      status: 404,
      body: { error: "Not Found", message: `Run ${AGENT} not found` },
    });
    expect((await call(sim.url, "GET", "/v2/agents", { headers: auth })).status).toBe(404);
  });

  it("returns the documented rate-limit headers, and 429 with retry-after past 300 requests a minute", async () => {
    const limitedClock = new ManualClock();
    const limited = await startDuvoSimulator({ clock: limitedClock, runs: 1 });
    try {
      const first = await call(limited.url, "GET", "/v1/runs", { headers: auth });
      expect(first.headers.get("x-ratelimit-limit")).toBe("300");
      expect(first.headers.get("x-ratelimit-remaining")).toBe("299");
      for (let i = 0; i < 299; i++) await call(limited.url, "GET", "/v1/runs", { headers: auth });
      const over = await call(limited.url, "GET", "/v1/runs", { headers: auth });
      expect(over.status).toBe(429);
      expect(over.headers.get("retry-after")).toBe("60");
      expect(over.body).toEqual({
        error: "Too Many Requests",
        message: "Rate limit of 300 requests per minute exceeded",
      });
      limitedClock.advance(60_000);
      expect((await call(limited.url, "GET", "/v1/runs", { headers: auth })).status).toBe(200);
      expect(limited.violations).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});

describe("webhooks", () => {
  let receiver: CaptureServer;
  beforeAll(async () => {
    receiver = await startCaptureServer();
  });
  afterAll(() => receiver.close());

  it("POSTs human_request and run_completed events to the run's webhook_url", async () => {
    const run = await create(AGENT, { webhook_url: `${receiver.url}/hooks/duvo` });
    clock.advance(3000);
    const request = (await get(run.id)).pending_human_request!;
    await duvo.POST("/v1/runs/{run_id}/human-requests/{request_id}/respond", {
      params: { path: { run_id: run.id, request_id: request.id } },
      body: { approved: true },
    });
    clock.advance(2000);
    await sim.webhooksSettled();
    const events = receiver.requests.map((r) => JSON.parse(r.body));
    expect(receiver.requests.every((r) => r.method === "POST" && r.pathname === "/hooks/duvo")).toBe(true);
    expect(events).toEqual([
      {
        event: "human_request",
        run_id: run.id,
        status: "waiting",
        timestamp: expect.any(String),
        human_request: { id: request.id, type: "approval", title: request.title },
      },
      { event: "run_completed", run_id: run.id, status: "completed", timestamp: expect.any(String) },
    ]);
    expect(sim.webhookDeliveries.map((d) => d.status)).toEqual([200, 200]);
  });

  it("sends run_failed for a failing run", async () => {
    receiver.reset();
    const run = await create(FAILING_AGENT, { webhook_url: `${receiver.url}/hooks` });
    clock.advance(3000);
    await sim.webhooksSettled();
    expect(receiver.requests.map((r) => JSON.parse(r.body))).toEqual([
      { event: "run_failed", run_id: run.id, status: "failed", timestamp: expect.any(String) },
    ]);
  });
});
