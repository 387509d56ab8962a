// Duckie's runs list sends exactly the documented query (exploded arrays, duration[op], metadata.<key>) over real HTTP.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, type ApiClient } from "../src/index.js";

const AGENT_A = "0b8f6f0e-1d2c-4b7a-9e3f-5a6b7c8d9e0f";
const AGENT_B = "1c9a7b1f-2e3d-4c8b-8f4a-6b7c8d9e0f1a";

let server: CaptureServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer();
  client = createClient({ apiKey: "dk_live_secret", baseUrl: server.url, env: {} });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const empty = { data: [], pagination: { limit: 50, next_cursor: null, has_more: false } };

describe("Duckie wire format", () => {
  it("repeats array filters (form, exploded) and sends duration[op] names raw", async () => {
    server.respondWith({ body: empty });
    await client.GET("/api/v1/runs", {
      params: {
        query: {
          status: ["completed", "failed"],
          agent_id: [AGENT_A, AGENT_B],
          resolution_type: ["escalated"],
          "duration[gte]": 60,
          "duration[lt]": 300,
        },
      },
    });
    const req = server.only();
    expect(req.method).toBe("GET");
    expect(req.pathname).toBe("/api/v1/runs");
    expect(req.rawQuery).toBe(
      `status=completed&status=failed&agent_id=${AGENT_A}&agent_id=${AGENT_B}` +
        "&resolution_type=escalated&duration[gte]=60&duration[lt]=300",
    );
    expect(req.headers.authorization).toBe("Bearer dk_live_secret");
  });

  it("sends every duration operator", async () => {
    server.respondWith({ body: empty });
    await client.GET("/api/v1/runs", {
      params: {
        query: {
          "duration[eq]": 1,
          "duration[gt]": 2,
          "duration[gte]": 3,
          "duration[lt]": 4,
          "duration[lte]": 5,
        },
      },
    });
    expect(server.only().rawQuery).toBe(
      "duration[eq]=1&duration[gt]=2&duration[gte]=3&duration[lt]=4&duration[lte]=5",
    );
  });

  it("sends each metadata entry as metadata.<key>=<value>", async () => {
    server.respondWith({ body: empty });
    await client.GET("/api/v1/runs", {
      params: { query: { limit: 10, metadata: { team: "x", "env:region": "eu west" } } },
    });
    expect(server.only().rawQuery).toBe("limit=10&metadata.team=x&metadata.env%3Aregion=eu%20west");
  });

  it("sends pagination, date range, search and the other string filters", async () => {
    server.respondWith({ body: empty });
    await client.GET("/api/v1/runs", {
      params: {
        query: {
          limit: 100,
          cursor: "eyJpZCI6MX0=",
          created_after: "2026-01-01T00:00:00Z",
          created_before: "2026-02-01T00:00:00Z",
          ticket_id: ["T-1", "T 2"],
          source: ["zendesk"],
          tool_name: ["refund_order"],
          search: "refund",
        },
      },
    });
    const params = new URLSearchParams(server.only().rawQuery);
    expect([...params]).toEqual([
      ["limit", "100"],
      ["cursor", "eyJpZCI6MX0="],
      ["created_after", "2026-01-01T00:00:00Z"],
      ["created_before", "2026-02-01T00:00:00Z"],
      ["ticket_id", "T-1"],
      ["ticket_id", "T 2"],
      ["source", "zendesk"],
      ["tool_name", "refund_order"],
      ["search", "refund"],
    ]);
  });

  it("parses the cursor page and the documented error shape", async () => {
    const page = {
      data: [{ id: AGENT_A, created_at: "t", updated_at: "t", status: "completed" }],
      pagination: { limit: 1, next_cursor: "c2", has_more: true },
    };
    server.respondWith({ body: page });
    const ok = await client.GET("/api/v1/runs", { params: { query: { limit: 1 } } });
    expect(ok.data?.pagination.next_cursor).toBe("c2");

    const body = { error: { code: "rate_limited", message: "Slow down", request_id: "req_1" } };
    server.respondWith({ status: 429, headers: { "retry-after": "3" }, body });
    const limited = await client.GET("/api/v1/runs");
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get("retry-after")).toBe("3");
    expect(limited.error).toEqual(body);
  });
});
