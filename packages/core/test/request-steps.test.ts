// The request path step by step, each on its own as retry.ts is tested: options resolved against DEFAULTS, a call
// planned, its request prepared in header-precedence order, sent through a stand-in transport and the redirect
// guard, and the retry rule's next delay.
import * as duvo from "@agentruns/duvo-openapi";
import { describe, expect, it } from "vitest";
import { planCall } from "../src/call-plan.js";
import { DEFAULTS } from "../src/defaults.js";
import { InvalidCredentialError, ValidationError } from "../src/errors.js";
import { prepareRequest } from "../src/prepare.js";
import { readSuccess, statusFailure, thrownFailure } from "../src/interpret.js";
import { followRedirects } from "../src/redirects.js";
import { DEFAULT_RETRY, nextDelay } from "../src/retry.js";
import { resolveSettings } from "../src/settings.js";
import type { Transport, WireRequest } from "../src/transport.js";
import type { OperationSpec } from "../src/wire/operation.js";
import { AGENT, RUN, duvoClient, rejection } from "./helpers.js";

const def = {
  title: "Duvo",
  provider: duvo.provider,
  operationTable: duvo.operationTable,
  idempotent: ["stopRun"] as never[],
};
const settings = (options: Record<string, unknown> = {}) =>
  resolveSettings(def, { apiKey: "sk_test_1", env: {}, baseUrl: "http://127.0.0.1:9/api/", ...options });
const op = (id: keyof typeof duvo.operationTable) => duvo.operationTable[id] as OperationSpec;

describe("resolveSettings", () => {
  it("fills what is not given from DEFAULTS, and trims the base URL", () => {
    const s = settings();
    expect([s.maxRetries, s.timeoutMs, s.deadlineMs]).toEqual([
      DEFAULTS.maxRetries,
      DEFAULTS.timeoutMs,
      DEFAULTS.deadlineMs,
    ]);
    expect(s.retry).toEqual(DEFAULT_RETRY);
    expect(s.base).toBe("http://127.0.0.1:9/api");
    expect(settings({ maxRetries: 0, retry: { baseDelayMs: 1 } })).toMatchObject({
      maxRetries: 0,
      retry: { ...DEFAULT_RETRY, baseDelayMs: 1 },
    });
  });

  it("a credential with a pasted non-ASCII character fails at construction, naming the option only", () => {
    const make = () => duvoClient({ apiKey: "sk_live_abc…", baseUrl: "http://127.0.0.1:9" });
    expect(make).toThrow(InvalidCredentialError);
    expect(make).toThrow('Duvo credential "apiKey" contains a non-ASCII character');
    try {
      make();
    } catch (e) {
      expect((e as ValidationError).field).toBe("apiKey");
      expect(JSON.stringify(e) + String(e)).not.toContain("sk_live_abc");
    }
  });

  it("messages name the class users construct, not the spec's title", () => {
    const named = { ...def, title: "Agent Runs", className: "AgentRuns" };
    expect(() => resolveSettings(named, { env: {}, baseUrl: "http://127.0.0.1:9" })).toThrow(
      'Missing Agent Runs credential "apiKey": pass { apiKey } to new AgentRuns() or set DUVO_API_KEY.',
    );
  });

  it("a header option fetch could not send is a ValidationError at construction", () => {
    expect(() => duvoClient({ apiKey: "k", headers: { "x-note": "a…b" } })).toThrow(
      'new Duvo(): headers["x-note"] contains a non-Latin-1 character',
    );
    expect(() => duvoClient({ apiKey: "k", transport: "fetch" as never })).toThrow(
      "new Duvo(): transport must be a function",
    );
  });
});

describe("planCall", () => {
  it("resolves the call's limits over the client's, and its retry class", () => {
    const s = settings({ timeoutMs: 5_000 });
    const list = planCall(s, "listRuns", op("listRuns"), { query: { limit: 2 } }, {});
    expect(list).toMatchObject({ cls: "idempotent", timeoutMs: 5_000, maxRetries: 2, label: "GET /v1/runs" });
    expect(list.search).toBe("?limit=2");
    const create = planCall(
      s,
      "createRun",
      op("createRun"),
      { body: { agent_id: AGENT } },
      { maxRetries: 0 },
    );
    expect(create).toMatchObject({ cls: "create", maxRetries: 0 });
    expect(planCall(s, "stopRun", op("stopRun"), { path: { run_id: RUN } }, {}).cls).toBe("idempotent");
  });

  it("a URL longer than servers accept is a ValidationError naming the parameter that made it long", () => {
    const search = "x".repeat(9_000);
    const call = () => planCall(settings(), "listRuns", op("listRuns"), { query: { search, limit: 5 } }, {});
    expect(call).toThrow(ValidationError);
    expect(call).toThrow(
      /Duvo listRuns: the URL would be 9\d{3} bytes, over maxUrlLength \(8192; .*; query\.search is 9000 of them/,
    );
    try {
      call();
    } catch (e) {
      expect((e as ValidationError).field).toBe("query.search");
    }
    // Just under the limit, and above it with maxUrlLength raised, the call is planned.
    const fits = "x".repeat(8_192 - "http://127.0.0.1:9/api/v1/runs?search=".length);
    expect(
      planCall(settings(), "listRuns", op("listRuns"), { query: { search: fits } }, {}).search,
    ).toHaveLength(fits.length + 8);
    const raised = settings({ maxUrlLength: 16_000 });
    expect(planCall(raised, "listRuns", op("listRuns"), { query: { search } }, {}).search).toHaveLength(
      9_008,
    );
    expect(() => settings({ maxUrlLength: "8k" })).toThrow("maxUrlLength must be a whole number >= 0");
  });

  it("a streamed upload is never retried: its body cannot be sent twice", () => {
    const upload: OperationSpec = {
      method: "PUT",
      path: "/files",
      pathParams: {},
      query: {},
      body: { required: true, schema: {}, media: "binary", contentType: "application/octet-stream" },
    };
    const body = new ReadableStream<Uint8Array>();
    expect(planCall(settings(), "upload", upload, { body }, {}).maxRetries).toBe(0);
  });

  it("throws ValidationError for bad input before anything is sent", () => {
    expect(() => planCall(settings(), "getRun", op("getRun"), { path: { run_id: "nope" } }, {})).toThrow(
      "Invalid input to Duvo getRun: run_id must be a valid uuid",
    );
    expect(() => planCall(settings(), "listRuns", op("listRuns"), {}, { timeoutMs: -1 })).toThrow(
      ValidationError,
    );
  });
});

describe("prepareRequest", () => {
  it("orders headers: JSON type < client headers < credentials < call headers, whatever their case", async () => {
    const s = settings({
      headers: { "Content-Type": "application/vnd.acme+json", Authorization: "x", "X-A": "client" },
    });
    const input = { body: { agent_id: AGENT } };
    const plan = planCall(s, "createRun", op("createRun"), input, {});
    const request = await prepareRequest(s, plan, input, { headers: { "x-a": "call" } });
    expect(request).toMatchObject({ url: "http://127.0.0.1:9/api/v1/runs", method: "POST" });
    expect(request.headers).toEqual({
      "content-type": "application/vnd.acme+json",
      authorization: "Bearer sk_test_1",
      "x-a": "call",
    });
    expect(request.body).toBe(JSON.stringify(input.body));
  });
});

describe("the transport seam", () => {
  it("a stand-in transport gets each request and its answer is read like fetch's", async () => {
    const seen: WireRequest[] = [];
    const transport: Transport = async (request) => {
      seen.push(request);
      return Response.json({ data: [], total: 0 });
    };
    const client = duvoClient({ apiKey: "sk_test_1", baseUrl: "http://127.0.0.1:9", transport });
    expect(await client.request("listRuns", { query: { limit: 1 } })).toEqual({ data: [], total: 0 });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ url: "http://127.0.0.1:9/v1/runs?limit=1", method: "GET" });
    expect((seen[0]!.headers as Record<string, string>).authorization).toBe("Bearer sk_test_1");
  });

  it("a transport that throws is a connection failure, retried for a GET", async () => {
    let calls = 0;
    const transport: Transport = async () => {
      calls++;
      throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    };
    const client = duvoClient({
      apiKey: "k",
      baseUrl: "http://127.0.0.1:9",
      transport,
      retry: { baseDelayMs: 1 },
    });
    const e = await rejection(client.request("listRuns", {}));
    expect(e.name).toBe("ApiConnectionError");
    expect(calls).toBe(3);
  });

  it("the redirect guard calls the transport once per hop and drops credentials across origins", async () => {
    const hops: WireRequest[] = [];
    const transport: Transport = async (request) => {
      hops.push(request);
      if (hops.length === 1)
        return new Response(null, { status: 307, headers: { location: "https://cdn.example/x" } });
      return new Response("ok");
    };
    const request = {
      url: "https://api.example/v1/runs",
      method: "GET",
      headers: { authorization: "Bearer s", "x-api-key": "s", accept: "application/json" },
    };
    expect(await (await followRedirects(request, undefined, transport, "Duvo")).text()).toBe("ok");
    expect(hops.map((h) => h.url)).toEqual(["https://api.example/v1/runs", "https://cdn.example/x"]);
    expect(Object.fromEntries(new Headers(hops[1]!.headers as HeadersInit))).toEqual({
      accept: "application/json",
    });
  });
});

describe("interpret", () => {
  const s = settings();
  const getRun = planCall(s, "getRun", op("getRun"), { path: { run_id: RUN } }, {});
  const create = planCall(s, "createRun", op("createRun"), { body: { agent_id: AGENT } }, {});

  it("an error status becomes its typed ApiError with the body parsed, the wait read and the key removed", async () => {
    const answer = Response.json(
      { error: { message: "slow down, sk_test_1" } },
      { status: 429, headers: { "retry-after": "2" } },
    );
    const { error, failure } = await statusFailure(s, getRun, answer, 1);
    expect(failure).toEqual({ kind: "status", status: 429 });
    expect(error).toMatchObject({ name: "RateLimitError", status: 429, retryAfterMs: 2_000 });
    expect(JSON.stringify((error as unknown as { body: unknown }).body)).not.toContain("sk_test_1");
  });

  it("what an attempt threw: a time-out, a refused connection (never sent), or a reset (may have been received)", () => {
    const timedOut = thrownFailure(s, create, new Error("aborted"), true, 1);
    expect(timedOut.failure).toEqual({ kind: "timeout" });
    expect(timedOut.error.message).toContain("may have reached the server and taken effect");
    const refusedError = Object.assign(new Error("x"), { code: "ECONNREFUSED" });
    expect(thrownFailure(s, create, refusedError, false, 1).failure).toEqual({
      kind: "connection",
      refused: true,
    });
    expect(thrownFailure(s, getRun, new Error("socket hang up"), false, 1).failure).toEqual({
      kind: "connection",
      refused: false,
    });
  });

  it("a success body is read by media type; a 204 is undefined", async () => {
    expect(await readSuccess(s, getRun, Response.json({ id: RUN }), undefined, 1)).toEqual({ id: RUN });
    expect(await readSuccess(s, getRun, new Response(null, { status: 204 }), undefined, 1)).toBeUndefined();
  });
});

describe("nextDelay", () => {
  const state = { attempt: 1, maxRetries: 2, waited: 0, serverWait: undefined };
  const half = () => 0.5;
  it("backs off within the ceiling for a retryable failure", () => {
    expect(nextDelay("idempotent", { kind: "timeout" }, state, DEFAULT_RETRY, half)).toBe(250);
    expect(nextDelay("idempotent", { kind: "timeout" }, { ...state, attempt: 2 }, DEFAULT_RETRY, half)).toBe(
      500,
    );
  });
  it("takes the server's wait over its own backoff", () => {
    const failure = { kind: "status", status: 429 } as const;
    expect(nextDelay("create", failure, { ...state, serverWait: 1_234 }, DEFAULT_RETRY, half)).toBe(1_234);
  });
  it("stops when retries are spent, the class forbids it, the wait is too long or over budget", () => {
    const timeout = { kind: "timeout" } as const;
    expect(nextDelay("idempotent", timeout, { ...state, attempt: 3 }, DEFAULT_RETRY, half)).toBeUndefined();
    expect(nextDelay("create", timeout, state, DEFAULT_RETRY, half)).toBeUndefined();
    const failure = { kind: "status", status: 503 } as const;
    expect(
      nextDelay("idempotent", failure, { ...state, serverWait: 61_000 }, DEFAULT_RETRY, half),
    ).toBeUndefined();
    expect(
      nextDelay("idempotent", failure, { ...state, waited: 59_900 }, DEFAULT_RETRY, half),
    ).toBeUndefined();
  });
});
