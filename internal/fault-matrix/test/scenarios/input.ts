// Hostile and mistaken input: header and path injection, prototype-named keys, bad options. Each is a typed
// ValidationError naming the problem — thrown by a constructor, a rejected promise from every method — and no request.
import { Avido } from "../clients.js";
import { Duckie } from "../clients.js";
import { Duvo } from "../clients.js";
import { expect } from "vitest";
import { AGENT, KEY, outcome, rejection, type Scenario } from "../scenario.js";

const group = "Input and options";

/** The error a constructor throws. */
function thrown(make: () => unknown): Error {
  try {
    make();
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected the constructor to throw");
}

/** Calls `call`, checks it returned a promise (no synchronous throw) that rejects, and that nothing was sent. */
async function rejectsBeforeSending(
  capture: { reset(): void; requests: unknown[] },
  call: () => PromiseLike<unknown>,
): Promise<Error> {
  capture.reset();
  let pending: PromiseLike<unknown>;
  expect(() => (pending = call())).not.toThrow();
  const e = await rejection(pending!);
  expect(capture.requests).toHaveLength(0);
  return e;
}

export const input: Scenario[] = [
  {
    group,
    name: "path parameter with `../` and `/`",
    promise: "encoded as one segment (or rejected by the spec's format); never a different path",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ body: { messages: [], total: 0, limit: 20, offset: 0 } });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get("../../admin/keys"));
      expect(capture.requests).toHaveLength(0);
      expect(e.message).toContain("must be a valid uuid");
      return `${outcome(e)}; nothing sent`;
    },
  },
  {
    group,
    name: "path parameter `..`",
    promise: "rejected before sending",
    async run({ capture }) {
      const e = await rejectsBeforeSending(capture, () =>
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.stop(".."),
      );
      expect(e.message).toContain('run_id must not be ".."');
      return outcome(e);
    },
  },
  {
    group,
    name: "per-call header with CR/LF (header injection)",
    promise: "rejected before sending, naming the header",
    async run({ capture }) {
      const e = await rejectsBeforeSending(capture, () =>
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT, {
          headers: { "x-trace": "a\r\nx-admin: yes" },
        }),
      );
      expect(e.message).toBe(
        'Duvo runs.get (getRun): headers["x-trace"] contains a control character (CR, LF, …)',
      );
      return outcome(e);
    },
  },
  {
    group,
    name: "API key with a trailing newline",
    promise: "the constructor throws a ValidationError that explains the cause and does not contain the key",
    async run() {
      const e = thrown(() => new Duvo({ apiKey: `${KEY}\n`, env: {} }));
      expect(e.message).toContain('Duvo credential "apiKey" contains a control character');
      expect(JSON.stringify({ m: e.message, s: e.stack })).not.toContain(KEY);
      return outcome(e);
    },
  },
  {
    group,
    name: "a query too long for any server (2 MB)",
    promise: "ValidationError naming the parameter before sending (not a connection error after retries)",
    async run({ capture }) {
      const duvo = new Duvo({ apiKey: KEY, baseUrl: capture.url });
      const e = await rejectsBeforeSending(capture, () => duvo.runs.list({ search: "x".repeat(2_000_000) }));
      expect(e.message).toContain("query.search is 2000000 of them");
      const raised = new Duvo({ apiKey: KEY, baseUrl: capture.url, maxUrlLength: 12_000 });
      capture.reset();
      capture.respondWith({ body: { data: [], total: 0 } });
      await raised.runs.list({ search: "x".repeat(10_000) });
      expect(capture.requests).toHaveLength(1);
      return `${outcome(e)}, 0 requests; with maxUrlLength 12,000 a 10 KB query is sent`;
    },
  },
  {
    group,
    name: "query value with `&`, `=` and `#`",
    promise: "percent-encoded: one parameter on the wire, read back unchanged",
    async run({ duckie: sim }) {
      const before = sim.requests.length;
      await new Duckie({ apiKey: KEY, baseUrl: sim.url }).runs.list({ search: "a&b=c#d" });
      const rawQuery = sim.requests[before]!.rawQuery;
      expect(new URLSearchParams(rawQuery).getAll("search")).toEqual(["a&b=c#d"]);
      return `sent as \`${rawQuery}\``;
    },
  },
  ...(["constructor", "__proto__", "toString"] as const).map((key): Scenario => ({
    group,
    name: `query key \`${key}\``,
    promise: "rejected as an unknown parameter before sending, not a TypeError",
    async run({ capture }) {
      const params = JSON.parse(`{"${key}": "x"}`);
      const e = await rejectsBeforeSending(capture, () =>
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.list(params),
      );
      expect(e.message).toContain(`unknown parameter "${key}"`);
      return outcome(e);
    },
  })),
  {
    group,
    name: "body key `constructor` where additionalProperties is false",
    promise: "rejected as not a known field",
    async run({ capture }) {
      const body = JSON.parse(`{"agent_id": "${AGENT}", "constructor": "x"}`);
      const e = await rejectsBeforeSending(capture, () =>
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.create(body),
      );
      expect(e.message).toContain("body.constructor is not a known field");
      return outcome(e);
    },
  },
  {
    group,
    name: "respond() with an empty or missing body",
    promise: "a rejected promise (never a synchronous throw)",
    async run({ capture }) {
      const duvo = new Duvo({ apiKey: KEY, baseUrl: capture.url });
      await rejectsBeforeSending(capture, () => duvo.runs.humanRequests.respond(AGENT, AGENT, {}));
      const e = await rejectsBeforeSending(capture, () =>
        duvo.runs.humanRequests.respond(AGENT, AGENT, undefined as never),
      );
      return outcome(e);
    },
  },
  {
    group,
    name: "Duckie duration `{ foo: 1 }` and an Invalid Date",
    promise: "rejected promises naming the field",
    async run({ capture }) {
      const duckie = new Duckie({ apiKey: KEY, baseUrl: capture.url });
      const a = await rejectsBeforeSending(capture, () =>
        duckie.runs.list({ duration: { foo: 1 } as never }),
      );
      const b = await rejectsBeforeSending(capture, () =>
        duckie.runs.list({ created_after: new Date("nope") }),
      );
      return `${outcome(a)}; ${outcome(b)}`;
    },
  },
  {
    group,
    name: "Avido list with an Invalid Date, iterated",
    promise: "the iteration rejects; nothing is thrown synchronously",
    async run({ capture }) {
      const avido = new Avido({ apiKey: KEY, applicationId: "app", baseUrl: capture.url });
      const e = await rejectsBeforeSending(capture, () => {
        const list = avido.runs.list({ startDate: new Date(Number.NaN) }); // must not throw here
        return (async () => {
          for await (const _ of list) void _;
        })();
      });
      return outcome(e);
    },
  },
  ...(
    [
      [
        "timeoutMs: NaN",
        { timeoutMs: Number.NaN },
        "timeoutMs must be a positive number of milliseconds (or Infinity), got NaN",
      ],
      [
        'timeoutMs: "300"',
        { timeoutMs: "300" },
        'timeoutMs must be a positive number of milliseconds (or Infinity), got the string "300"',
      ],
      ["maxRetries: -1", { maxRetries: -1 }, "maxRetries must be a whole number >= 0, got -1"],
      [
        "deadlineMs: 0",
        { deadlineMs: 0 },
        "deadlineMs must be a positive number of milliseconds (or Infinity), got 0",
      ],
      [
        "baseUrl without a scheme",
        { baseUrl: "api.duvo.ai" },
        'baseUrl must be an absolute http(s) URL such as "https://api.duvo.ai", got "api.duvo.ai"',
      ],
      [
        "DUVO_BASE_URL without a scheme",
        { env: { DUVO_API_KEY: KEY, DUVO_BASE_URL: "localhost:4010" } },
        "DUVO_BASE_URL must be an absolute http(s) URL",
      ],
    ] as const
  ).map(([name, options, message]): Scenario => ({
    group,
    name: `option ${name}`,
    promise: "the constructor throws a ValidationError naming the option, instead of turning a safety off",
    async run() {
      const e = thrown(() => new Duvo({ apiKey: KEY, env: {}, ...(options as object) }));
      expect(e.message).toContain(message);
      return outcome(e);
    },
  })),
  {
    group,
    name: "per-call timeoutMs: -1",
    promise: "the call rejects with a ValidationError; nothing is sent",
    async run({ capture }) {
      const e = await rejectsBeforeSending(capture, () =>
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.get(AGENT, { timeoutMs: -1 }),
      );
      return outcome(e);
    },
  },
];
