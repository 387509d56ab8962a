// The transport seam's answer: a transport may resolve to a fetch Response or to its own WireAnswer, and the client
// makes a Response from a WireAnswer only when a caller asks for one (withResponse(), a page's `response`, a stream),
// once. An in-memory transport shows the contract; the undici transport is held to it over real loopback HTTP.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as duvo from "@agentruns/duvo-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  BaseClient,
  eventStream,
  linkPagination,
  paginate,
  type Transport,
  type TransportAnswer,
  type WireAnswer,
} from "../src/index.js";
import { undiciTransport } from "../src/undici.js";
import { EVENTS_OPERATION, RUN, rejection } from "./helpers.js";

/** A WireAnswer held in memory, counting the Responses asked of it. */
function memoryAnswer(url: string, status: number, headers: Record<string, string>, text: string) {
  const made: Response[] = [];
  let read = false;
  const answer: WireAnswer & { made: Response[] } = {
    status,
    url,
    made,
    headers: {
      get: (name) => headers[name.toLowerCase()] ?? null,
      forEach: (callback) => Object.entries(headers).forEach(([n, v]) => callback(v, n)),
    },
    get body() {
      read = true;
      return new Response(text).body;
    },
    async text() {
      read = true;
      return text;
    },
    async blob() {
      read = true;
      return new Blob([text]);
    },
    toResponse() {
      if (!made.length) made.push(new Response(read ? null : text, { status, headers }));
      Object.defineProperty(made[0]!, "url", { value: url });
      return made[0]!;
    },
  };
  return answer;
}

const client = (transport: Transport, baseUrl = "http://api.test") =>
  new BaseClient<any>(
    {
      title: "Duvo",
      provider: duvo.provider,
      operationTable: { ...duvo.operationTable, events: EVENTS_OPERATION },
      stream: eventStream,
    },
    { env: {}, apiKey: "sk_test_ANSWER_1234", baseUrl, transport, maxRetries: 0 },
  );

const RUN_TEXT = JSON.stringify({ run: { id: RUN } });

describe("a transport that resolves to its own WireAnswer", () => {
  it("serves a call without a Response, and makes one, once, when withResponse() asks", async () => {
    const answers: ReturnType<typeof memoryAnswer>[] = [];
    const transport: Transport = async (request) => {
      const a = memoryAnswer(
        request.url,
        200,
        { "content-type": "application/json", "x-request-id": "r1" },
        RUN_TEXT,
      );
      answers.push(a);
      return a;
    };
    const duvoClient = client(transport);
    expect(await duvoClient.request("getRun", { path: { run_id: RUN } } as never)).toEqual({
      run: { id: RUN },
    });
    expect(answers[0]!.made).toHaveLength(0);

    const result = await duvoClient.request("getRun", { path: { run_id: RUN } } as never).withResponse();
    expect(result.requestId).toBe("r1");
    expect(answers[1]!.made).toHaveLength(0);
    const response = result.response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`http://api.test/v1/runs/${RUN}`);
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(result.response).toBe(response);
    expect(answers[1]!.made).toHaveLength(1);
  });

  it("reads an error status from it into a typed error whose headers are a Headers", async () => {
    const transport: Transport = async (request) =>
      memoryAnswer(
        request.url,
        404,
        { "content-type": "application/json", "x-request-id": "r404" },
        '{"error":"no"}',
      );
    const error = await rejection(client(transport).request("getRun", { path: { run_id: RUN } } as never));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(404);
    expect((error as ApiError).headers).toBeInstanceOf(Headers);
    expect((error as ApiError).headers.get("x-request-id")).toBe("r404");
    expect((error as ApiError).body).toEqual({ error: "no" });
  });

  it("pages by its headers (a Link header) without making a Response, and a page's response is made when read", async () => {
    const answers: ReturnType<typeof memoryAnswer>[] = [];
    const transport: Transport = async (request) => {
      const offset = Number(new URL(request.url).searchParams.get("offset") ?? 0);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (offset < 2) headers.link = `</v1/runs?offset=${offset + 1}>; rel="next"`;
      const a = memoryAnswer(request.url, 200, headers, JSON.stringify({ data: [{ id: `run-${offset}` }] }));
      answers.push(a);
      return a;
    };
    const c = client(transport);
    const ids: string[] = [];
    for await (const run of paginate(c, "listRuns", {}, linkPagination<{ id: string }>())) ids.push(run.id);
    expect(ids).toEqual(["run-0", "run-1", "run-2"]);
    expect(answers.every((a) => a.made.length === 0)).toBe(true);

    const page = await paginate(c, "listRuns", {}, linkPagination<{ id: string }>());
    expect(page.response.status).toBe(200);
    expect(answers.at(-1)!.made).toHaveLength(1);
  });
});

describe("the undici transport's answers", () => {
  let url = "";
  let close = async () => {};
  beforeAll(async () => {
    const server = createServer((req, res) => {
      if (req.url === "/events") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end('event: values\ndata: {"n":1}\n\n');
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "set-cookie": ["a=1", "b=2"] });
      res.end(RUN_TEXT);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  });
  afterAll(() => close());

  /** The undici transport, keeping what it resolved to. */
  const recording = () => {
    const seen: TransportAnswer[] = [];
    const inner = undiciTransport();
    const transport: Transport = async (request, signal) => {
      const a = await inner(request, signal);
      seen.push(a);
      return a;
    };
    return { seen, transport };
  };

  it("are WireAnswers, not Responses, until a caller asks; then one Response with every header value", async () => {
    const { seen, transport } = recording();
    const c = client(transport, url);
    await c.request("getRun", { path: { run_id: RUN } } as never);
    expect(seen[0]).not.toBeInstanceOf(Response);
    expect("toResponse" in seen[0]!).toBe(true);

    const result = await c.request("getRun", { path: { run_id: RUN } } as never).withResponse();
    expect(result.data).toEqual({ run: { id: RUN } });
    expect(result.response).toBeInstanceOf(Response);
    expect(result.response).toBe((seen[1] as WireAnswer).toResponse());
    expect(result.response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(result.response.url).toBe(`${url}/v1/runs/${RUN}`);
    // The body was read into data: the Response has none left to read twice.
    expect(result.response.body).toBeNull();
  });

  it("hand a stream its body as a Response that reads as it arrives", async () => {
    const { transport } = recording();
    const stream = (await client(transport, url).request("events", {})) as {
      response: Response;
      [Symbol.asyncIterator](): AsyncIterator<{ event: string; data: unknown }>;
    };
    expect(stream.response).toBeInstanceOf(Response);
    const events = [];
    for await (const e of stream) events.push(e);
    expect(events).toEqual([{ event: "values", data: { n: 1 } }]);
  });
});
