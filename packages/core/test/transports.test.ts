// The two transports, fetch and undici.request, held to the same guarantees over real loopback HTTP: answers and
// headers as sent, per-attempt time-outs and retries that never repeat a create, caller abort, the cross-origin
// redirect guard, streamed answers read as they arrive, multipart and stream uploads, keep-alive pooling.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import * as duvo from "@agentruns/duvo-openapi";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiAbortError,
  ApiTimeoutError,
  BaseClient,
  eventStream,
  fetchTransport,
  jsonLinesStream,
  type Transport,
} from "../src/index.js";
import { undiciTransport } from "../src/undici.js";
import type { OperationSpec } from "../src/wire/operation.js";
import { AGENT, EVENTS_OPERATION, RUN, rejection } from "./helpers.js";

type Handler = (req: IncomingMessage, body: Buffer, res: ServerResponse) => void;

interface Loopback {
  url: string;
  seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer }[];
  connections: number;
  handle: Handler;
  close(): Promise<void>;
}

async function loopback(): Promise<Loopback> {
  const state: Loopback = {
    url: "",
    seen: [],
    connections: 0,
    handle: (_req, _body, res) => res.end("{}"),
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      state.seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      state.handle(req, body, res);
    });
  });
  server.on("connection", () => state.connections++);
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return state;
}

const json = (
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
};

const RUN_BODY = {
  run: {
    id: RUN,
    agent_id: AGENT,
    build_id: RUN,
    status: "running",
    source: "api",
    sandbox_id: null,
    started_at: null,
    completed_at: null,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    human_in_the_loop_enabled: true,
  },
};

/** Operations outside Duvo's spec, for streams and uploads. */
const EXTRA: Record<string, OperationSpec> = {
  events: EVENTS_OPERATION,
  lines: {
    method: "GET",
    path: "/lines",
    pathParams: {},
    query: {},
    response: "ndjson",
    accept: "application/x-ndjson",
    security: [],
  },
  upload: {
    method: "POST",
    path: "/upload",
    pathParams: {},
    query: {},
    body: { required: true, schema: {}, media: "multipart" },
    security: [],
  },
  raw: {
    method: "PUT",
    path: "/raw",
    pathParams: {},
    query: {},
    body: { required: true, schema: {}, media: "binary", contentType: "application/octet-stream" },
    security: [],
  },
};

const client = (transport: Transport, url: string, options: Record<string, unknown> = {}) =>
  new BaseClient<any>(
    {
      title: "Duvo",
      provider: duvo.provider,
      operationTable: { ...duvo.operationTable, ...EXTRA },
      idempotent: ["stopRun"],
      stream: eventStream,
      lines: jsonLinesStream,
    },
    {
      env: {},
      apiKey: "sk_test_TRANSPORT_1234",
      baseUrl: url,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      transport,
      ...options,
    },
  );

let api: Loopback;
let other: Loopback;
beforeAll(async () => {
  [api, other] = await Promise.all([loopback(), loopback()]);
});
afterAll(() => Promise.all([api?.close(), other?.close()]));
beforeEach(() => {
  api.seen.length = 0;
  other.seen.length = 0;
});

describe.each([
  ["fetch", () => fetchTransport()],
  ["undici", () => undiciTransport()],
])("the %s transport", (_name, make) => {
  it("sends the request as built and reads the answer, its status, headers and URL", async () => {
    api.handle = (_req, _body, res) =>
      json(res, 200, RUN_BODY, { "set-cookie": ["a=1", "b=2"], "x-request-id": "req_1" });
    const { data, response } = await client(make(), api.url)
      .request("getRun", { path: { run_id: RUN } } as never)
      .withResponse();
    expect(data).toEqual(RUN_BODY);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${api.url}/v1/runs/${RUN}`);
    expect(response.headers.get("x-request-id")).toBe("req_1");
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(api.seen[0]!.headers.authorization).toBe("Bearer sk_test_TRANSPORT_1234");
    expect(api.seen[0]!.method).toBe("GET");
  });

  it("sends a JSON body, and reads a 204 as no body", async () => {
    api.handle = (req, _body, res) =>
      req.method === "POST" ? json(res, 201, RUN_BODY) : (res.writeHead(204), res.end());
    const created = await client(make(), api.url).request("createRun", {
      body: { agent_id: AGENT, message: "hé" },
    } as never);
    expect(created).toEqual(RUN_BODY);
    expect(JSON.parse(api.seen[0]!.body.toString())).toEqual({ agent_id: AGENT, message: "hé" });
    expect(api.seen[0]!.headers["content-type"]).toBe("application/json");
  });

  it("times out each attempt: a GET is retried, a create is not repeated", async () => {
    let stalls = 1;
    api.handle = (_req, _body, res) => {
      if (stalls-- > 0) return; // never answers
      json(res, 200, RUN_BODY);
    };
    const c = client(make(), api.url, { timeoutMs: 150, maxRetries: 2 });
    expect(await c.request("getRun", { path: { run_id: RUN } } as never)).toEqual(RUN_BODY);
    expect(api.seen).toHaveLength(2);
    api.seen.length = 0;
    stalls = 5;
    const e = await rejection(c.request("createRun", { body: { agent_id: AGENT } } as never));
    expect(e).toBeInstanceOf(ApiTimeoutError);
    expect(api.seen).toHaveLength(1);
  });

  it("ends promptly when the caller aborts", async () => {
    api.handle = () => {}; // never answers
    const controller = new AbortController();
    const pending = client(make(), api.url).request("getRun", { path: { run_id: RUN } } as never, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    expect(await rejection(pending)).toBeInstanceOf(ApiAbortError);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("follows a same-origin redirect with the credential, and a cross-origin one without it", async () => {
    api.handle = (req, _body, res) => {
      if (req.url!.startsWith("/v1/runs/")) {
        res.writeHead(307, { location: req.url!.endsWith("x") ? `${other.url}/elsewhere` : "/moved" });
        return res.end();
      }
      json(res, 200, RUN_BODY);
    };
    other.handle = (_req, _body, res) => json(res, 200, RUN_BODY);
    await client(make(), api.url).request("getRun", { path: { run_id: RUN } } as never);
    expect(api.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      [`/v1/runs/${RUN}`, "Bearer sk_test_TRANSPORT_1234"],
      ["/moved", "Bearer sk_test_TRANSPORT_1234"],
    ]);
    await client(make(), api.url)
      .request("getRun", { path: { run_id: `${RUN.slice(0, -1)}x` } } as never)
      .then(
        () => undefined,
        () => undefined,
      );
    for (const s of other.seen) expect(s.headers.authorization).toBeUndefined();
  });

  it("streams server-sent events and JSON lines as they arrive", async () => {
    let release!: () => void;
    const more = new Promise<void>((r) => (release = r));
    api.handle = (req, _body, res) => {
      const sse = req.url === "/events";
      res.writeHead(200, { "content-type": sse ? "text/event-stream" : "application/x-ndjson" });
      res.write(sse ? 'event: values\ndata: {"n":1}\n\n' : '{"n":1}\n');
      void more.then(() => res.end(sse ? 'data: {"n":2}\n\n' : '{"n":2}\n'));
    };
    for (const op of ["events", "lines"]) {
      const stream = (await client(make(), api.url).request(op, {})) as AsyncIterable<unknown>;
      const it = stream[Symbol.asyncIterator]();
      // The first item arrives while the server still holds the rest back; events keep their names.
      expect((await it.next()).value).toEqual(
        op === "events" ? { event: "values", data: { n: 1 } } : { n: 1 },
      );
      release();
      expect((await it.next()).value).toEqual(
        op === "events" ? { event: "message", data: { n: 2 } } : { n: 2 },
      );
      expect((await it.next()).done).toBe(true);
    }
    expect(api.seen.map((s) => s.headers.accept)).toEqual(["text/event-stream", "application/x-ndjson"]);
  });

  it("uploads multipart forms and byte streams", async () => {
    api.handle = (_req, _body, res) => json(res, 200, {});
    const c = client(make(), api.url);
    const upload = { body: { file: new Blob(["hello"], { type: "text/plain" }), purpose: "test" } };
    await c.request("upload", upload as never);
    const form = api.seen[0]!;
    expect(form.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(form.body.toString()).toContain('name="purpose"\r\n\r\ntest');
    expect(form.body.toString()).toContain("hello");
    const bytes = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk-1,"));
        controller.enqueue(new TextEncoder().encode("chunk-2"));
        controller.close();
      },
    });
    await c.request("raw", { body: bytes } as never);
    expect(api.seen[1]!.body.toString()).toBe("chunk-1,chunk-2");
    expect(api.seen[1]!.headers["content-type"]).toBe("application/octet-stream");
  });

  it("keeps connections alive: sequential calls share one", async () => {
    api.handle = (_req, _body, res) => json(res, 200, RUN_BODY);
    const c = client(make(), api.url);
    await c.request("getRun", { path: { run_id: RUN } } as never); // warm: the pool's first connection
    const before = api.connections;
    for (let i = 0; i < 10; i++) await c.request("getRun", { path: { run_id: RUN } } as never);
    expect(api.connections - before).toBeLessThanOrEqual(1);
  });
});

describe("undiciTransport", () => {
  it("reports a refused connection as never sent (safe to retry), as the fetch transport does", async () => {
    const failing = undiciTransport({
      undici: {
        request: () =>
          Promise.reject(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
      },
    });
    const e = await rejection(
      client(failing, api.url, { maxRetries: 0 }).request("getRun", { path: { run_id: RUN } } as never),
    );
    expect(e.name).toBe("ApiConnectionError");
    expect((e as { refused?: boolean }).refused).toBe(true);
  });
});
