// Error statuses 400–504 with JSON, empty, HTML and truncated bodies: the right ApiError subclass, retried only when
// the status is transient and the operation safe to repeat.
import { Duvo } from "../clients.js";
import { expect } from "vitest";
import { AGENT, KEY, outcome, rejection, type Ctx, type Scenario } from "../scenario.js";

const group = "HTTP statuses";
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

const CLASSES: Record<number, string> = {
  400: "BadRequestError",
  401: "AuthenticationError",
  403: "PermissionDeniedError",
  404: "NotFoundError",
  408: "ApiError",
  409: "ConflictError",
  422: "UnprocessableEntityError",
  429: "RateLimitError",
  500: "InternalServerError",
  502: "InternalServerError",
  503: "InternalServerError",
  504: "InternalServerError",
};
const RETRIED = new Set([408, 429, 500, 502, 503, 504]);

function jsonStatus(status: number): Scenario {
  return {
    group,
    name: `${status} with a JSON body, GET`,
    promise: `${CLASSES[status]}; ${RETRIED.has(status) ? "retried (transient)" : "not retried"}`,
    async run({ capture }: Ctx) {
      capture.reset();
      capture.respondWith({ status, body: { error: "Oops", message: `status ${status}` } });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.get(AGENT));
      expect(e.name).toBe(CLASSES[status]);
      expect(capture.requests).toHaveLength(RETRIED.has(status) ? 3 : 1);
      expect(e.message).toBe(
        `${status} GET /v1/runs/${AGENT}: status ${status}` +
          (RETRIED.has(status) ? " after 3 attempts" : ""),
      );
      return outcome(e);
    },
  };
}

function oddBody(
  name: string,
  status: number,
  response: { body: string; headers?: Record<string, string> },
  body: unknown,
): Scenario {
  return {
    group,
    name,
    promise: `${CLASSES[status]} with the body as the caller can use it (${body === undefined ? "undefined" : typeof body})`,
    async run({ capture }: Ctx) {
      capture.reset();
      capture.respondWith({ status, ...response });
      const e = (await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 }).runs.get(AGENT),
      )) as Error & { body: unknown };
      expect(e.name).toBe(CLASSES[status]);
      expect(e.body).toEqual(body);
      return `${outcome(e)}; body ${body === undefined ? "undefined" : JSON.stringify(body).slice(0, 40)}`;
    },
  };
}

function createStatus(status: number, retried: boolean): Scenario {
  return {
    group,
    name: `${status} on a create`,
    promise: retried
      ? "retried: the server says it did nothing"
      : "not retried: the run may exist, so a second POST could duplicate it",
    async run({ capture }: Ctx) {
      capture.reset();
      capture.respondWith({ status, body: { error: "x", message: "no" } });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.create({ agent_id: AGENT }),
      );
      expect(capture.requests).toHaveLength(retried ? 3 : 1);
      return `${outcome(e)}; ${capture.requests.length} POST${capture.requests.length > 1 ? "s" : ""}`;
    },
  };
}

export const statuses: Scenario[] = [
  ...[400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].map(jsonStatus),
  oddBody("500 with an empty body", 500, { body: "" }, undefined),
  oddBody(
    "502 with a gateway's HTML page",
    502,
    { body: "<html><body><h1>502 Bad Gateway</h1></body></html>", headers: { "content-type": "text/html" } },
    "<html><body><h1>502 Bad Gateway</h1></body></html>",
  ),
  oddBody("503 with truncated JSON", 503, { body: '{"error":"Unavail' }, '{"error":"Unavail'),
  oddBody(
    "400 with plain text",
    400,
    { body: "bad things", headers: { "content-type": "text/plain" } },
    "bad things",
  ),
  createStatus(500, false),
  createStatus(503, false),
  createStatus(429, true),
  {
    group,
    name: "200 with a body that is not JSON, GET",
    promise: "UnexpectedResponseError (status, media type, an excerpt), retried like a transport failure",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 200, body: "{nope" });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.get(AGENT));
      expect(e.message).toBe(`Duvo GET /v1/runs/${AGENT} returned a body that is not valid JSON`);
      expect(capture.requests).toHaveLength(3);
      return outcome(e);
    },
  },
  {
    group,
    name: "200 with an HTML page (a proxy's) where JSON is declared, GET",
    promise: "UnexpectedResponseError naming the media type, never the page handed over as the run",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        status: 200,
        body: "<html>Sign in</html>",
        headers: { "content-type": "text/html" },
      });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast, maxRetries: 0 }).runs.get(AGENT),
      );
      expect(e.message).toBe(
        `Duvo GET /v1/runs/${AGENT} answered 200 with text/html, not the JSON its spec declares`,
      );
      return outcome(e);
    },
  },
  {
    group,
    name: "201 with an empty body on a create",
    promise:
      "UnexpectedResponseError naming the empty body and that the run may exist; never a TypeError, never retried",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 201, body: "", headers: { "content-length": "0" } });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.create({ agent_id: AGENT }),
      );
      expect(e.message).toBe(
        "Duvo POST /v1/runs answered 201 without the expected body (empty); the request may have reached the " +
          "server and taken effect, so it was not retried: check before repeating it",
      );
      expect(capture.requests).toHaveLength(1);
      return outcome(e);
    },
  },
  {
    group,
    name: "200 with a JSON body of the wrong shape on a create",
    promise: "UnexpectedResponseError (a different shape), not `undefined` handed to the caller",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 201, body: { unexpected: true } });
      const e = await rejection(
        new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.create({ agent_id: AGENT }),
      );
      expect(e.message).toContain("without the expected body (a different shape)");
      return outcome(e);
    },
  },
];
