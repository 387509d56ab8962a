// Every error class, from real HTTP answers: status subclasses, empty and non-JSON bodies, transport failures,
// time-outs, aborts, and credentials never appearing in any form of an error.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { ManualClock, startDuvoSimulator, type DuvoSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AgentRunsError,
  ApiAbortError,
  ApiConnectionError,
  ApiError,
  ApiTimeoutError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ValidationError,
} from "../src/index.js";
import { AGENT, RUN, duvoClient, rejection } from "./helpers.js";

const KEY = "sk_live_SECRET_0123456789";
let sim: DuvoSimulator;

beforeAll(async () => {
  sim = await startDuvoSimulator({ clock: new ManualClock(), runs: 5, apiKeys: [KEY], rateLimit: false });
});
afterAll(() => sim.close());
beforeEach(() => sim.faults.clear());

const client = (extra = {}) => duvoClient({ apiKey: KEY, baseUrl: sim.url, maxRetries: 0, ...extra });

describe("ApiError subclasses", () => {
  it.each([
    [400, BadRequestError],
    [403, PermissionDeniedError],
    [409, ConflictError],
    [422, UnprocessableEntityError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
  ] as const)("%i → %s", async (status, Class) => {
    sim.faults.failNext(1, status);
    const e = (await rejection(
      client().request("getRun", { path: { run_id: sim.store.runs[0]!.id } }),
    )) as ApiError;
    expect(e).toBeInstanceOf(Class);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(AgentRunsError);
    expect(e.status).toBe(status);
    expect(e.body).toMatchObject({ error: expect.any(String) });
    expect(e.requestId).toMatch(/^req_/);
    expect(e.attempts).toBe(1);
    expect(e.headers.get("content-type")).toBe("application/json");
    expect(e.message).toBe(
      `${status} GET /v1/runs/${sim.store.runs[0]!.id}: ${(e.body as { message: string }).message} [request ${e.requestId}]`,
    );
  });

  it("401 → AuthenticationError, 404 → NotFoundError from the simulator's own answers", async () => {
    const auth = await rejection(
      duvoClient({ apiKey: "wrong-key", baseUrl: sim.url }).request("getRun", { path: { run_id: RUN } }),
    );
    expect(auth).toBeInstanceOf(AuthenticationError);
    const missing = (await rejection(client().request("getRun", { path: { run_id: RUN } }))) as NotFoundError;
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing.body).toEqual({ error: "Not Found", message: `Run ${RUN} not found` });
  });

  it("a non-JSON error body still becomes a typed error, with the text as body", async () => {
    sim.faults.inject({ action: { type: "body", body: "html", status: 502 } });
    const e = (await rejection(client().request("listRuns", {}))) as ApiError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.status).toBe(502);
    expect(e.body).toContain("<h1>502 Bad Gateway</h1>");
  });
});

describe("errors without a usable answer", () => {
  let capture: CaptureServer;
  beforeAll(async () => {
    capture = await startCaptureServer();
  });
  afterAll(() => capture.close());

  it("an error status with an empty body is still thrown (openapi-fetch would return error: undefined)", async () => {
    capture.respondWith({ status: 500, body: "" });
    const e = (await rejection(
      duvoClient({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 }).request("listRuns", {}),
    )) as ApiError;
    expect(e).toBeInstanceOf(InternalServerError);
    expect(e.body).toBeUndefined();
    expect(e.message).toBe("500 GET /v1/runs (no error body)");
  });

  it("connection failures are ApiConnectionError; a refused connection says so", async () => {
    const closed = await startCaptureServer();
    const url = closed.url;
    await closed.close();
    const e = (await rejection(
      duvoClient({ apiKey: KEY, baseUrl: url, maxRetries: 0 }).request("listRuns", {}),
    )) as ApiConnectionError;
    expect(e).toBeInstanceOf(ApiConnectionError);
    expect(e.refused).toBe(true);
    sim.faults.inject({ action: { type: "reset", when: "before-handler" } });
    const reset = (await rejection(client().request("listRuns", {}))) as ApiConnectionError;
    expect(reset).toBeInstanceOf(ApiConnectionError);
    expect(reset.refused).toBe(false);
  });

  it("a 2xx body that is not valid JSON is an UnexpectedResponseError with its status, type and an excerpt", async () => {
    sim.faults.inject({ action: { type: "body", body: "truncated" } });
    const e = (await rejection(client().request("listRuns", {}))) as UnexpectedResponseError;
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e).toBeInstanceOf(AgentRunsError);
    expect(e).not.toBeInstanceOf(ApiConnectionError);
    expect(e.message).toBe("Duvo GET /v1/runs returned a body that is not valid JSON");
    expect(e.status).toBe(200);
    expect(e.contentType).toMatch(/^application\/json/);
    // The truncated body's first 200 characters.
    expect(e.excerpt).toMatch(/^\{"data":\[\{"id":/);
    expect(e.excerpt!.length).toBeLessThanOrEqual(200);
  });

  it("a stalled answer is an ApiTimeoutError; an aborted call an ApiAbortError", async () => {
    sim.faults.inject({ action: { type: "stall", when: "before-handler" } });
    const timeout = (await rejection(client({ timeoutMs: 50 }).request("listRuns", {}))) as ApiTimeoutError;
    expect(timeout).toBeInstanceOf(ApiTimeoutError);
    expect(timeout.kind).toBe("attempt");
    sim.faults.inject({ action: { type: "stall", when: "before-handler" } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const aborted = await rejection(client().request("listRuns", {}, { signal: controller.signal }));
    expect(aborted).toBeInstanceOf(ApiAbortError);
  });
});

describe("every error says why: the provider's reason, in the shapes APIs answer", () => {
  let capture: CaptureServer;
  beforeAll(async () => void (capture = await startCaptureServer()));
  afterAll(() => capture.close());

  it.each([
    ["message", 400, { message: "limit is too large" }, "limit is too large"],
    ["error as a string", 400, { error: "limit is too large" }, "limit is too large"],
    [
      "Google's error.message",
      404,
      { error: { code: 404, message: "Run not found", status: "NOT_FOUND" } },
      "Run not found",
    ],
    ["detail as a string", 403, { detail: "Not enough permissions" }, "Not enough permissions"],
    [
      "FastAPI's detail list",
      422,
      {
        detail: [
          { loc: ["body", "text"], msg: "field required", type: "value_error.missing" },
          { loc: ["query", "limit"], msg: "ensure this value is less than 100", type: "value_error" },
        ],
      },
      "body.text: field required; query.limit: ensure this value is less than 100",
    ],
    [
      "RFC 9457 title and detail",
      409,
      {
        type: "https://example.com/probs/busy",
        title: "Run busy",
        status: 409,
        detail: "The run is already running",
      },
      "Run busy: The run is already running",
    ],
    ["RFC 9457 title alone", 409, { type: "about:blank", title: "Conflict", status: 409 }, "Conflict"],
    [
      "errors[] of objects",
      400,
      { errors: [{ message: "a is bad" }, { detail: "b is bad" }] },
      "a is bad; b is bad",
    ],
    ["errors[] of strings", 400, { errors: ["a is bad", "b is bad"] }, "a is bad; b is bad"],
    [
      "OAuth's error and error_description",
      401,
      { error: "invalid_token", error_description: "expired" },
      "invalid_token: expired",
    ],
    ["a body with no reason, as it is", 400, { code: 42 }, '{"code":42}'],
    ["text", 502, "upstream timed out", "upstream timed out"],
  ])("%s", async (_, status, body, reason) => {
    capture.respondWith({
      status,
      body,
      headers: typeof body === "string" ? { "content-type": "text/plain" } : {},
    });
    const e = (await rejection(
      duvoClient({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 }).request("listRuns", {}),
    )) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toBe(`${status} GET /v1/runs: ${reason}`);
  });

  it("says (no error body) only when there is none, and bounds a long reason", async () => {
    capture.respondWith({ status: 400, body: "" });
    const client = duvoClient({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 });
    expect((await rejection(client.request("listRuns", {}))).message).toBe(
      "400 GET /v1/runs (no error body)",
    );
    capture.respondWith({ status: 400, body: { message: `${"why ".repeat(200)}${KEY}` } });
    const long = await rejection(client.request("listRuns", {}));
    expect(long.message.length).toBeLessThan(330);
    expect(long.message.endsWith("…")).toBe(true);
    capture.respondWith({ status: 400, body: { detail: [{ loc: ["body", KEY], msg: `bad ${KEY}` }] } });
    expect((await rejection(client.request("listRuns", {}))).message).not.toContain(KEY);
  });
});

describe("credentials never leak", () => {
  let echo: CaptureServer;
  beforeAll(async () => {
    echo = await startCaptureServer();
  });
  afterAll(() => echo.close());

  it("even when the server echoes the key back in its error", async () => {
    echo.respondWith((req) => ({
      status: 401,
      body: { error: "Unauthorized", message: `key ${req.headers.authorization} is not valid` },
    }));
    const lines: string[] = [];
    const logger = {
      debug: (m: string, meta?: object) => lines.push(m + JSON.stringify(meta ?? {})),
      info: (m: string) => lines.push(m),
      warn: (m: string) => lines.push(m),
      error: (m: string, meta?: object) => lines.push(m + JSON.stringify(meta ?? {})),
    };
    const e = (await rejection(
      duvoClient({ apiKey: KEY, baseUrl: echo.url, logger, logLevel: "debug" }).request("listRuns", {}),
    )) as ApiError;
    expect(e.message).toBe("401 GET /v1/runs: key Bearer [redacted] is not valid");
    for (const text of [e.message, String(e), JSON.stringify(e), e.stack ?? "", ...lines])
      expect(text).not.toContain(KEY);
    expect(lines.some((l) => l.includes('"authorization":"[redacted]"'))).toBe(true);
  });

  it("a missing key is a ValidationError naming the option and env var, before any request", async () => {
    echo.reset();
    const e = await rejection(Promise.resolve().then(() => duvoClient({ baseUrl: echo.url })));
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toBe(
      'Missing Duvo credential "apiKey": pass { apiKey } to new Duvo() or set DUVO_API_KEY.',
    );
    expect(duvoClient({ env: { DUVO_API_KEY: KEY, DUVO_BASE_URL: echo.url } })).toBeDefined();
    expect(echo.requests).toHaveLength(0);
  });
});

describe("invalid input is rejected before any network I/O", () => {
  let capture: CaptureServer;
  beforeAll(async () => {
    capture = await startCaptureServer();
  });
  afterAll(() => capture.close());

  it.each([
    ["getRun", { path: { run_id: "nope" } }, 'run_id must be a valid uuid (got "nope")', "path.run_id"],
    ["getRun", { path: { run_id: ".." } }, 'run_id must not be ".."', "path.run_id"],
    ["getRun", { path: {} }, "run_id is required", "path.run_id"],
    ["listRuns", { query: { limit: 500 } }, "limit must be <= 100 (got 500)", "query.limit"],
    ["listRuns", { query: { status: "done" } }, 'status must be one of "not_started"', "query.status"],
    ["listRuns", { query: { state: "running" } }, 'unknown parameter "state"', "query.state"],
    [
      "listRunMessages",
      { path: { run_id: RUN }, query: { offset: -1 } },
      "offset must be >= 0 (got -1)",
      "query.offset",
    ],
    ["createRun", { body: { message: "hi" } }, "body.agent_id is required", "body.agent_id"],
    [
      "createRun",
      { body: { agent_id: AGENT, priority: 1 } },
      "body.priority is not a known field",
      "body.priority",
    ],
    [
      "createRun",
      { body: { agent_id: AGENT, webhook_url: "not a url" } },
      "body.webhook_url must be a valid uri",
      "body.webhook_url",
    ],
    [
      "createRunMessage",
      { path: { run_id: RUN }, body: { message: "" } },
      "body.message must be at least 1 characters",
      "body.message",
    ],
  ] as const)("%s %j", async (op, input, message, field) => {
    const c = duvoClient({ apiKey: KEY, baseUrl: capture.url });
    const e = (await rejection(
      (c.request as (o: string, i: unknown) => Promise<unknown>)(op, input),
    )) as ValidationError;
    expect(e).toBeInstanceOf(ValidationError);
    expect(e.message).toContain(message);
    expect(e.field).toBe(field);
    expect(capture.requests).toHaveLength(0);
  });
});
