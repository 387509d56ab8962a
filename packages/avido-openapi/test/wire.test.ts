// Avido's one seeded operation sends exactly the documented request (query, both auth headers) over real HTTP.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createClient, type ApiClient } from "../src/index.js";

let server: CaptureServer;
let client: ApiClient;

beforeAll(async () => {
  server = await startCaptureServer();
  client = createClient({ apiKey: "avido_key_1", applicationId: "app_42", baseUrl: server.url, env: {} });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const page = { data: [], pagination: { skip: 0, limit: 25, total: 0, totalPages: 0 } };

describe("Avido wire format", () => {
  it("GET /v0/runs sends skip, limit, ordering and the date range", async () => {
    server.respondWith({ body: page });
    const { data } = await client.GET("/v0/runs", {
      params: {
        query: {
          skip: 50,
          limit: 25,
          orderBy: "modifiedAt",
          orderDir: "asc",
          startDate: "2026-01-01T00:00:00.000Z",
          endDate: "2026-12-31T23:59:59.999Z",
        },
      },
    });
    const req = server.only();
    expect(req.method).toBe("GET");
    expect(req.pathname).toBe("/v0/runs");
    expect(req.rawQuery).toBe(
      "skip=50&limit=25&orderBy=modifiedAt&orderDir=asc" +
        "&startDate=2026-01-01T00%3A00%3A00.000Z&endDate=2026-12-31T23%3A59%3A59.999Z",
    );
    expect(data).toEqual(page);
  });

  it("sends both credentials as x-api-key and x-application-id, and no Authorization header", async () => {
    server.respondWith({ body: page });
    await client.GET("/v0/runs");
    const req = server.only();
    expect(req.rawUrl).toBe("/v0/runs");
    expect(req.headers["x-api-key"]).toBe("avido_key_1");
    expect(req.headers["x-application-id"]).toBe("app_42");
    expect(req.headers.authorization).toBeUndefined();
  });

  it("returns ValidationErrorResponse bodies on 422", async () => {
    const body = {
      message: "Invalid request data",
      issues: [{ code: "too_big", message: "≤ 100", path: ["limit"] }],
    };
    server.respondWith({ status: 422, body });
    const { error, response } = await client.GET("/v0/runs", { params: { query: { limit: 100 } } });
    expect(response.status).toBe(422);
    expect(error).toEqual(body);
  });
});
