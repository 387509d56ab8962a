// @agentruns/duvo against the Duvo simulator over real HTTP: every method, waitFor through a human request,
// typed errors, and webhook events parsed from real deliveries.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { startDuvoSimulator, type DuvoSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiTimeoutError,
  Duvo,
  NotFoundError,
  ValidationError,
  isSettled,
  parseWebhookEvent,
} from "../src/index.js";
import { raw } from "../src/generated/raw.js";

const AGENT = "0f8fad5b-d9cb-469f-a165-70867728950e";
const QUESTION_AGENT = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
let sim: DuvoSimulator;
let duvo: Duvo;
let hooks: CaptureServer;
let firstRun = "";

beforeAll(async () => {
  // Real time with fast agents: waitFor polls for real.
  sim = await startDuvoSimulator({
    runs: 300,
    rateLimit: false,
    defaultAgent: { stepMs: 25 },
    agents: { [QUESTION_AGENT]: { asks: "question", stepMs: 25 } },
  });
  duvo = new Duvo({ apiKey: "duvo_test_key", baseUrl: sim.url, env: {} });
  hooks = await startCaptureServer();
});
afterAll(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
  await hooks.close();
});

describe("runs", () => {
  it("create → waitFor (human request) → respond → waitFor (completed) → messages", async () => {
    const run = await duvo.runs.create({
      agent_id: AGENT,
      message: "Refund order 1042",
      webhook_url: `${hooks.url}/duvo`,
    });
    firstRun = run.id;
    expect(run).toMatchObject({ agent_id: AGENT, status: "pending" });
    const updates: string[] = [];
    const waiting = await duvo.runs.waitFor(run.id, {
      intervalMs: 10,
      onUpdate: (s) => updates.push(s.run!.status),
    });
    expect(waiting.run!.status).toBe("waiting");
    expect(waiting.pending_human_request).toMatchObject({ type: "approval" });
    expect(updates.at(-1)).toBe("waiting");
    // The lifecycle runs in real time here: how many earlier states a poll catches depends on the machine's load.
    expect(["pending", "starting", "running", "waiting"]).toEqual(
      expect.arrayContaining([...new Set(updates)]),
    );

    const answered = await duvo.runs.humanRequests.respond(run.id, waiting.pending_human_request!.id, {
      approved: true,
    });
    expect(answered).toMatchObject({ id: waiting.pending_human_request!.id, response: "approved" });
    const done = await duvo.runs.waitFor(run.id, { intervalMs: 10 });
    expect(done.run!.status).toBe("completed");
    expect(isSettled(done)).toBe(true);

    const posted = await duvo.runs.messages.create(run.id, { message: "thanks" });
    expect(posted).toMatchObject({ role: "user", text_content: "thanks" });
    const texts: (string | undefined)[] = [];
    for await (const m of duvo.runs.messages.list(run.id, { limit: 2 })) texts.push(m.text_content);
    // The message resumed the run, so the agent may already have answered it: "thanks" is there, not necessarily last.
    expect(texts.slice(0, 4)).toEqual([
      "Refund order 1042",
      "Starting the task.",
      "Thanks, continuing.",
      "Done.",
    ]);
    expect(texts).toContain("thanks");
    expect(sim.count("listRunMessages")).toBeGreaterThanOrEqual(Math.ceil(texts.length / 2));
  });

  it("answers question requests with answers", async () => {
    const run = await duvo.runs.create({ agent_id: QUESTION_AGENT });
    const waiting = await duvo.runs.waitFor(run.id, { intervalMs: 10 });
    const questions = waiting.pending_human_request!.questions!.map((q) => q.question);
    const answers = Object.fromEntries(questions.map((q) => [q, "EU"]));
    const answered = await duvo.runs.humanRequests.respond(run.id, waiting.pending_human_request!.id, {
      answers,
    });
    expect(JSON.parse(answered.response!)).toEqual(answers);
  });

  it("rejects (never throws) a respond body with neither or both answers, before sending", async () => {
    const before = sim.count("respondToHumanRequest");
    await expect(duvo.runs.humanRequests.respond(AGENT, AGENT, {})).rejects.toThrow(ValidationError);
    await expect(
      duvo.runs.humanRequests.respond(AGENT, AGENT, { approved: true, answers: {} }),
    ).rejects.toThrow("pass exactly one of { approved } or { answers }");
    await expect(duvo.runs.humanRequests.respond(AGENT, AGENT, undefined as never)).rejects.toThrow(
      ValidationError,
    );
    expect(sim.count("respondToHumanRequest")).toBe(before);
  });

  it("stop stops a running run, and is a no-op otherwise", async () => {
    const run = await duvo.runs.create({ agent_id: AGENT });
    await duvo.runs.waitFor(run.id, { intervalMs: 5, timeoutMs: 5_000 }).catch(() => undefined);
    const settled = await duvo.runs.stop(run.id);
    expect(settled).toEqual({
      success: false,
      message: "Run is not running (status: waiting); nothing to stop",
    });
    sim.store.get(run.id).status = "running"; // as if it had resumed
    expect(await duvo.runs.stop(run.id)).toEqual({ success: true, message: "Run stopped" });
    expect((await duvo.runs.get(run.id)).run!.status).toBe("stopped");
  });

  it("get exposes withResponse(), and unknown runs are NotFoundError", async () => {
    const { data, response, requestId } = await duvo.runs.get(sim.store.runs[0]!.id).withResponse();
    expect(data.run!.id).toBe(sim.store.runs[0]!.id);
    expect(response.status).toBe(200);
    expect(requestId).toMatch(/^req_/);
    await expect(duvo.runs.get(AGENT)).rejects.toBeInstanceOf(NotFoundError);
    await expect(duvo.runs.get("not-a-uuid")).rejects.toThrow(
      'run_id must be a valid uuid (got "not-a-uuid")',
    );
  });

  it("list pages and iterates with filters; since takes a Date", async () => {
    const page = await duvo.runs.list({ status: "completed", limit: 50 });
    const expected = sim.store.runs.filter((r) => r.status === "completed").length;
    expect(page.body.total).toBe(expected);
    expect(page.data).toHaveLength(Math.min(50, expected));
    let n = 0;
    for await (const _ of duvo.runs.list({ status: "completed", limit: 100 })) n++;
    expect(n).toBe(expected);
    const since = new Date(Date.now() - 7 * 86_400_000);
    const recent = await duvo.runs.list({ since, limit: 1 });
    expect(new URLSearchParams(sim.requests.at(-1)!.rawQuery).get("since")).toBe(since.toISOString());
    expect(recent.body.total).toBe(sim.store.runs.filter((r) => r.created_at >= since.getTime()).length);
  });

  it("waitFor gives up after timeoutMs", async () => {
    const slow = await startDuvoSimulator({ runs: 1, defaultAgent: { stepMs: 60_000 } });
    try {
      const client = new Duvo({ apiKey: "k", baseUrl: slow.url, env: {} });
      const run = await client.runs.create({ agent_id: AGENT });
      // Long enough for the first poll to answer on a loaded machine; the run stays pending for a minute.
      const e = await client.runs
        .waitFor(run.id, { intervalMs: 20, timeoutMs: 1_500 })
        .catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ApiTimeoutError);
      expect((e as Error).message).toBe(
        `Duvo run ${run.id} did not settle within 1500 ms (last status: pending)`,
      );
    } finally {
      await slow.close();
    }
  });

  it("waitFor's timeoutMs also bounds a poll the server never answers", async () => {
    const stalled = await startDuvoSimulator({ runs: 1, defaultAgent: { stepMs: 60_000 } });
    try {
      const client = new Duvo({ apiKey: "k", baseUrl: stalled.url, env: {} }); // default 60 s attempt time-out
      const run = await client.runs.create({ agent_id: AGENT });
      stalled.faults.inject({
        match: { operationId: "getRun" },
        times: Infinity,
        action: { type: "stall", when: "before-handler" },
      });
      const started = Date.now();
      const e = await client.runs.waitFor(run.id, { timeoutMs: 300 }).catch((x: unknown) => x);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(e).toBeInstanceOf(ApiTimeoutError);
      expect((e as Error).message).toBe(
        `Duvo run ${run.id} did not settle within 300 ms (last status: unknown)`,
      );
    } finally {
      await stalled.close();
    }
  });

  it("raw(client) is the generated openapi-fetch client, one per client, sending with its credentials", async () => {
    const { data } = await raw(duvo).GET("/v1/runs", { params: { query: { limit: 1 } } });
    expect(data!.data).toHaveLength(1);
    expect(raw(duvo)).toBe(raw(duvo));
  });
});

describe("webhooks", () => {
  it("parses the events the simulator delivered", async () => {
    await duvo.runs.waitFor(firstRun, { intervalMs: 10 }); // the resumed run has completed again
    await sim.webhooksSettled();
    const events = hooks.requests.map((r) => parseWebhookEvent(r.body));
    expect(events.map((e) => e.event)).toEqual(["human_request", "run_completed", "run_completed"]);
    const first = events[0]!;
    if (first.event === "human_request") expect(first.status).toBe("waiting");
  });

  it("names what is wrong with a bad payload", () => {
    const id = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    expect(() => parseWebhookEvent("{nope")).toThrow("Duvo webhook payload is not valid JSON");
    expect(() => parseWebhookEvent("[]")).toThrow("Duvo webhook payload must be a JSON object");
    expect(() => parseWebhookEvent({ event: "run.completed", run_id: id, status: "completed" })).toThrow(
      'Duvo webhook "event" must be one of human_request, run_completed, run_failed, run_interrupted (got "run.completed")',
    );
    expect(() => parseWebhookEvent({ event: "run_failed", run_id: "r1", status: "failed" })).toThrow(
      '"run_id" must be a UUID (got "r1")',
    );
    expect(() => parseWebhookEvent({ event: "run_failed", run_id: id })).toThrow(
      '"status" must be a non-empty string',
    );
    const extra = parseWebhookEvent({
      event: "run_interrupted",
      run_id: id,
      status: "interrupted",
      attempt: 2,
    });
    expect(extra).toEqual({ event: "run_interrupted", run_id: id, status: "interrupted", attempt: 2 });
  });
});

describe("configuration", () => {
  it("reads DUVO_API_KEY and DUVO_BASE_URL, and names the env var when the key is missing", async () => {
    const fromEnv = new Duvo({ env: { DUVO_API_KEY: "k2", DUVO_BASE_URL: sim.url } });
    await expect(fromEnv.runs.list({ limit: 1 })).resolves.toBeDefined();
    expect(sim.requests.at(-1)!.headers.authorization).toBe("Bearer k2");
    expect(() => new Duvo({ env: {} })).toThrow(
      'Missing Duvo credential "apiKey": pass { apiKey } to new Duvo() or set DUVO_API_KEY.',
    );
  });

  it("sends caller headers on every request and per call", async () => {
    const client = new Duvo({ apiKey: "k", baseUrl: sim.url, env: {}, headers: { "x-team": "ops" } });
    await client.runs.get(sim.store.runs[1]!.id, { headers: { "x-trace": "t-1" } });
    expect(sim.requests.at(-1)!.headers).toMatchObject({ "x-team": "ops", "x-trace": "t-1" });
  });
});

describe("credentials", () => {
  it("asks a token provider for every attempt: a retry carries the token of its time", async () => {
    let asked = 0;
    const client = new Duvo({
      apiKey: async () => `token-${++asked}`,
      baseUrl: sim.url,
      env: {},
      retry: { baseDelayMs: 1 },
    });
    sim.requests.length = 0;
    sim.faults.failNext(2, 503, { match: { operationId: "listRuns" } });
    const page = await client.runs.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
    expect(asked).toBe(3);
    expect(sim.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer token-1",
      "Bearer token-2",
      "Bearer token-3",
    ]);
  });
});
