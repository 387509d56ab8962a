// Avido simulator: ordering, date filters, skip pagination metadata, and Avido's 401/403/422 error shapes.
import { createClient } from "@agentruns/avido-openapi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AvidoSimulator, ManualClock, startAvidoSimulator } from "../src/index.js";
import { call } from "./http.js";

let sim: AvidoSimulator;
const headers = { "x-api-key": "avido_key", "x-application-id": "app_1" };

beforeAll(async () => {
  sim = await startAvidoSimulator({
    clock: new ManualClock(),
    runs: 300,
    applicationId: "app_1",
    applicationIds: ["app_1"],
  });
});
afterAll(() => sim.close());
afterEach(() => expect(sim.violations).toEqual([]));

const list = async (query: Record<string, string | number> = {}) => {
  const res = await call(
    sim.url,
    "GET",
    `/v0/runs?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`,
    { headers },
  );
  expect(res.status).toBe(200);
  return res.body;
};

describe("GET /v0/runs", () => {
  it("returns runs shaped by the schema, newest first, 25 per page by default", async () => {
    const avido = createClient({ apiKey: "avido_key", applicationId: "app_1", baseUrl: sim.url, env: {} });
    const { data } = await avido.GET("/v0/runs");
    expect(data!.data).toHaveLength(25);
    expect(data!.pagination).toEqual({ skip: 0, limit: 25, total: 300, totalPages: 12, totalCount: 300 });
    const first = data!.data[0]!;
    expect(first.applicationId).toBe("app_1");
    expect(first.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(["MANUAL", "SCHEDULED", "EXPERIMENT", "MONITORING"]).toContain(first.type);
    const created = data!.data.map((r) => r.createdAt);
    expect(created).toEqual([...created].sort().reverse());
  });

  it("orders by each documented field in both directions", async () => {
    for (const orderBy of ["createdAt", "modifiedAt", "type", "id"] as const) {
      for (const orderDir of ["asc", "desc"] as const) {
        const { data } = await list({ orderBy, orderDir, limit: 100 });
        const keys = data.map((r: Record<string, string>) => r[orderBy]);
        const sorted = [...keys].sort();
        expect(keys, `${orderBy} ${orderDir}`).toEqual(orderDir === "asc" ? sorted : sorted.reverse());
      }
    }
  });

  it("filters by an inclusive date range and pages with skip", async () => {
    const all = sim.runs.map((r) => r.output.createdAt).sort();
    const startDate = all[100]!;
    const endDate = all[199]!;
    const page1 = await list({ startDate, endDate, orderDir: "asc", limit: 40 });
    expect(page1.pagination).toEqual({ skip: 0, limit: 40, total: 100, totalPages: 3, totalCount: 300 });
    expect(page1.data[0].createdAt).toBe(startDate);
    const page3 = await list({ startDate, endDate, orderDir: "asc", limit: 40, skip: 80 });
    expect(page3.data).toHaveLength(20);
    expect(page3.data.at(-1).createdAt).toBe(endDate);
  });

  it("answers invalid input with 422 ValidationErrorResponse (Zod-style issues)", async () => {
    const res = await call(
      sim.url,
      "GET",
      "/v0/runs?limit=101&orderBy=name&skip=-1&startDate=yesterday&offset=3",
      { headers },
    );
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("Invalid request data");
    const byPath = Object.fromEntries(
      res.body.issues.map((i: { path: string[]; code: string }) => [i.path.join("."), i.code]),
    );
    expect(byPath).toMatchObject({
      limit: "too_big",
      orderBy: "invalid_enum_value",
      skip: "too_small",
      startDate: "invalid_string",
      offset: "unrecognized_keys",
    });
  });

  it("answers missing credentials with 401 and a refused application with 403 { message }", async () => {
    expect(await call(sim.url, "GET", "/v0/runs")).toMatchObject({
      status: 401,
      body: { message: "Missing x-api-key header" },
    });
    expect(await call(sim.url, "GET", "/v0/runs", { headers: { "x-api-key": "k" } })).toMatchObject({
      status: 401,
      body: { message: "Missing x-application-id header" },
    });
    expect(
      await call(sim.url, "GET", "/v0/runs", { headers: { "x-api-key": "k", "x-application-id": "app_2" } }),
    ).toMatchObject({
      status: 403,
      body: { message: "This API key has no access to that application" },
    });
  });
});
