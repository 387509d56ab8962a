// A 2xx answer is handed over only when it is what the operation declares: JSON where JSON is declared (a JSON body
// under a wrong label is still read), never text typed as an object; a create that got a bad answer says it may
// have taken effect; credentials never reach the error's excerpt.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BaseClient, UnexpectedResponseError, type OperationSpec } from "../src/index.js";
import { AGENT, duvoClient, rejection } from "./helpers.js";

const KEY = "sk_live_SECRET_0123456789";
let server: CaptureServer;
beforeAll(async () => {
  server = await startCaptureServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const client = () => duvoClient({ apiKey: KEY, baseUrl: server.url, maxRetries: 0 });

describe("an operation that declares JSON only", () => {
  it("rejects a text/plain answer that is not JSON, naming status and media type", async () => {
    server.respondWith({ status: 200, headers: { "content-type": "text/plain" }, body: "all good" });
    const e = (await rejection(client().request("listRuns", {}))) as UnexpectedResponseError;
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e.message).toBe("Duvo GET /v1/runs answered 200 with text/plain, not the JSON its spec declares");
    expect([e.status, e.contentType, e.excerpt, e.attempts]).toEqual([200, "text/plain", "all good", 1]);
  });

  it("reads a JSON body that a server labels text/plain", async () => {
    server.respondWith({
      status: 200,
      headers: { "content-type": "text/plain" },
      body: '{"data":[],"total":0}',
    });
    expect(await client().request("listRuns", {})).toEqual({ data: [], total: 0 });
  });

  it("a proxy's HTML page on a create says the run may exist, and the excerpt holds no credential", async () => {
    server.respondWith({
      status: 201,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: `<html>login as ${KEY}</html>`,
    });
    const e = (await rejection(
      client().request("createRun", { body: { agent_id: AGENT, message: "hi" } }),
    )) as UnexpectedResponseError;
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e.message).toContain("answered 201 with text/html, not the JSON its spec declares");
    expect(e.message).toContain("may have reached the server and taken effect");
    expect(e.excerpt).toContain("<html>login as ");
    expect(JSON.stringify({ ...e, message: e.message })).not.toContain(KEY);
    expect(server.requests).toHaveLength(1);
  });

  it("retries an unreadable answer to a GET like a broken connection, and not a create", async () => {
    server.respondWith({ status: 200, headers: { "content-type": "application/json" }, body: "{trunc" });
    const retried = duvoClient({
      apiKey: KEY,
      baseUrl: server.url,
      maxRetries: 1,
      retry: { baseDelayMs: 1 },
    });
    const e = (await rejection(retried.request("listRuns", {}))) as UnexpectedResponseError;
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(server.requests).toHaveLength(2);
    server.reset();
    await rejection(retried.request("createRun", { body: { agent_id: AGENT, message: "hi" } }));
    expect(server.requests).toHaveLength(1);
  });

  it("a JSON answer without what the method returns is an UnexpectedResponseError, not a TypeError", async () => {
    server.respondWith({ status: 200, body: { nope: true } });
    const e = (await rejection(
      client().request("listRuns", {}, {}, (body) => (body as { data?: unknown }).data),
    )) as UnexpectedResponseError;
    expect(e).toBeInstanceOf(UnexpectedResponseError);
    expect(e.message).toBe("Duvo GET /v1/runs answered 200 without the expected body (a different shape)");
    expect(e.excerpt).toBe('{"nope":true}');
  });
});

describe("an operation that declares JSON and other media types", () => {
  const op: OperationSpec & { operationId: "export" } = {
    operationId: "export",
    method: "GET",
    path: "/export",
    pathParams: {},
    query: {},
    response: "mixed",
    security: [],
  };
  const mixed = () =>
    new BaseClient<{
      export: { responses: { 200: { content: { "application/json": object; "text/csv": string } } } };
    }>(
      { title: "Exports", provider: { credentials: [], serverUrl: null } },
      { baseUrl: server.url, env: {}, maxRetries: 0 },
    );

  it("reads each answer as its Content-Type says", async () => {
    server.respondWith({ status: 200, headers: { "content-type": "text/csv" }, body: "a,b\n1,2\n" });
    expect(await mixed().request(op, {})).toBe("a,b\n1,2\n");
    server.respondWith({ status: 200, body: { rows: 1 } });
    expect(await mixed().request(op, {})).toEqual({ rows: 1 });
  });
});
