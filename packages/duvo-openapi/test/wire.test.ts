// Every Duvo operation sends exactly the documented request (method, path, query, auth, body) over real HTTP.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, type ApiClient } from "../src/index.js";

const RUN_ID = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const REQUEST_ID = "7d1e8a2b-5f3c-4e6d-9a8b-1c2d3e4f5a6b";
const AGENT_ID = "11111111-2222-4333-8444-555555555555";
const KEY = "duvo_test_key_123";

let server: CaptureServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer();
  client = createClient({ apiKey: KEY, baseUrl: server.url, env: {} });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const json = (req: { body: string }) => JSON.parse(req.body);

describe("Duvo wire format", () => {
  it("GET /v1/runs sends every filter as a query parameter", async () => {
    server.respondWith({ body: { data: [], total: 0 } });
    const { data } = await client.GET("/v1/runs", {
      params: {
        query: {
          limit: 50,
          offset: 100,
          sort_by: "created_at",
          sort_order: "asc",
          status: "waiting",
          agent_id: AGENT_ID,
          source: "api",
          search: "refund & returns",
          has_issues: "true",
          issue_severity: "critical",
          since: "2026-01-01T00:00:00Z",
        },
      },
    });
    const req = server.only();
    expect(req.method).toBe("GET");
    expect(req.pathname).toBe("/v1/runs");
    expect(req.rawQuery).toBe(
      "limit=50&offset=100&sort_by=created_at&sort_order=asc&status=waiting" +
        `&agent_id=${AGENT_ID}&source=api&search=refund%20%26%20returns&has_issues=true` +
        "&issue_severity=critical&since=2026-01-01T00%3A00%3A00Z",
    );
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(data).toEqual({ data: [], total: 0 });
  });

  it("GET /v1/runs without parameters sends no query string", async () => {
    server.respondWith({ body: { data: [], total: 0 } });
    await client.GET("/v1/runs");
    expect(server.only().rawUrl).toBe("/v1/runs");
  });

  it("POST /v1/runs sends the JSON body", async () => {
    const run = {
      id: RUN_ID,
      agent_id: AGENT_ID,
      build_id: AGENT_ID,
      status: "pending",
      source: "api",
      sandbox_id: null,
      started_at: null,
      completed_at: null,
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:00:00Z",
      human_in_the_loop_enabled: true,
    };
    server.respondWith({ status: 201, body: { run } });
    const body = {
      agent_id: AGENT_ID,
      message: "Process the invoice",
      sandbox_id: "sbx_1",
      webhook_url: "https://example.test/hook",
    };
    const { data, response } = await client.POST("/v1/runs", { body });
    const req = server.only();
    expect(req.method).toBe("POST");
    expect(req.pathname).toBe("/v1/runs");
    expect(req.headers["content-type"]).toBe("application/json");
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(json(req)).toEqual(body);
    expect(response.status).toBe(201);
    expect(data?.run.id).toBe(RUN_ID);
  });

  it("GET /v1/runs/{run_id} puts the id in the path", async () => {
    server.respondWith({ body: { run: null } });
    const { data } = await client.GET("/v1/runs/{run_id}", { params: { path: { run_id: RUN_ID } } });
    const req = server.only();
    expect(req.method).toBe("GET");
    expect(req.rawUrl).toBe(`/v1/runs/${RUN_ID}`);
    expect(req.body).toBe("");
    expect(data).toEqual({ run: null });
  });

  it("percent-encodes path parameters", async () => {
    server.respondWith({ status: 404, body: { error: "not_found" } });
    const { error } = await client.GET("/v1/runs/{run_id}", { params: { path: { run_id: "a b/c?d" } } });
    expect(server.only().rawUrl).toBe("/v1/runs/a%20b%2Fc%3Fd");
    expect(error).toEqual({ error: "not_found" });
  });

  it("GET /v1/runs/{run_id}/messages sends limit and offset", async () => {
    server.respondWith({ body: { messages: [], total: 0, limit: 10, offset: 20 } });
    await client.GET("/v1/runs/{run_id}/messages", {
      params: { path: { run_id: RUN_ID }, query: { limit: 10, offset: 20 } },
    });
    const req = server.only();
    expect(req.method).toBe("GET");
    expect(req.rawUrl).toBe(`/v1/runs/${RUN_ID}/messages?limit=10&offset=20`);
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("POST /v1/runs/{run_id}/messages sends the message", async () => {
    server.respondWith({
      status: 201,
      body: { message: { id: "m1", type: "text", role: "user", timestamp: "t", text_content: "hi" } },
    });
    const { data } = await client.POST("/v1/runs/{run_id}/messages", {
      params: { path: { run_id: RUN_ID } },
      body: { message: "hi" },
    });
    const req = server.only();
    expect(req.method).toBe("POST");
    expect(req.rawUrl).toBe(`/v1/runs/${RUN_ID}/messages`);
    expect(json(req)).toEqual({ message: "hi" });
    expect(data?.message.text_content).toBe("hi");
  });

  it("POST .../human-requests/{request_id}/respond sends approvals and answers", async () => {
    server.respondWith({
      body: {
        human_request: {
          id: REQUEST_ID,
          run_id: RUN_ID,
          title: "Approve?",
          description: null,
          response: "approved",
          responded_at: "t",
          created_at: "t",
        },
      },
    });
    const path = { run_id: RUN_ID, request_id: REQUEST_ID };
    await client.POST("/v1/runs/{run_id}/human-requests/{request_id}/respond", {
      params: { path },
      body: { approved: true },
    });
    await client.POST("/v1/runs/{run_id}/human-requests/{request_id}/respond", {
      params: { path },
      body: { answers: { "Which account?": "Savings, Checking" } },
    });
    const [approve, answer] = server.requests;
    for (const req of [approve!, answer!]) {
      expect(req.method).toBe("POST");
      expect(req.rawUrl).toBe(`/v1/runs/${RUN_ID}/human-requests/${REQUEST_ID}/respond`);
      expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    }
    expect(json(approve!)).toEqual({ approved: true });
    expect(json(answer!)).toEqual({ answers: { "Which account?": "Savings, Checking" } });
  });

  it("POST /v1/runs/{run_id}/stop sends no body", async () => {
    server.respondWith({ body: { success: true } });
    const { data } = await client.POST("/v1/runs/{run_id}/stop", { params: { path: { run_id: RUN_ID } } });
    const req = server.only();
    expect(req.method).toBe("POST");
    expect(req.rawUrl).toBe(`/v1/runs/${RUN_ID}/stop`);
    expect(req.body).toBe("");
    expect(data).toEqual({ success: true });
  });

  it("returns the documented error body for error statuses", async () => {
    server.respondWith({ status: 401, body: { error: "unauthorized", message: "Invalid API key" } });
    const { data, error, response } = await client.GET("/v1/runs");
    expect(response.status).toBe(401);
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "unauthorized", message: "Invalid API key" });
  });
});
