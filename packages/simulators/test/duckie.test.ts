// Duckie simulator: every documented filter, cursor errors, rate-limit headers and Duckie's one error shape.
import { createClient, type ApiClient } from "@agentruns/duckie-openapi";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DuckieSimulator, ManualClock, startDuckieSimulator } from "../src/index.js";
import type { DuckieRun } from "../src/duckie/index.js";
import { call } from "./http.js";

let clock: ManualClock;
let sim: DuckieSimulator;
let duckie: ApiClient;
const auth = { authorization: "Bearer dk_live_test" };

beforeAll(async () => {
  clock = new ManualClock();
  sim = await startDuckieSimulator({ clock, runs: 1500 });
  duckie = createClient({ apiKey: "dk_live_test", baseUrl: sim.url, env: {} });
});
afterAll(() => sim.close());
afterEach(() => expect(sim.violations).toEqual([]));

type Query =
  NonNullable<Parameters<ApiClient["GET"]>[1]> extends { params?: { query?: infer Q } } ? Q : never;

/** Every run the API returns for a query, walking the cursor. */
async function all(query: Query): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await duckie.GET("/api/v1/runs", {
      params: { query: { ...query, limit: 100, cursor } },
    });
    if (error) throw new Error(JSON.stringify(error));
    ids.push(...data!.data.map((r) => r.id));
    cursor = data!.pagination.next_cursor ?? undefined;
  } while (cursor);
  return ids;
}

const expectSame = async (query: Query, predicate: (r: DuckieRun) => boolean) => {
  const expected = sim.runs.filter(predicate).map((r) => r.summary.id);
  expect(expected.length, JSON.stringify(query)).toBeGreaterThan(0);
  expect((await all(query)).sort()).toEqual(expected.sort());
};

describe("GET /api/v1/runs filters", () => {
  it("ORs repeated array filters", async () => {
    await expectSame({ status: ["failed", "paused"] }, (r) =>
      ["failed", "paused"].includes(r.summary.status),
    );
    await expectSame({ resolution_type: ["escalated", "pending"] }, (r) =>
      ["escalated", "pending"].includes(r.summary.resolution?.type ?? ""),
    );
    await expectSame({ source: ["zendesk", "email"] }, (r) =>
      ["zendesk", "email"].includes(r.summary.source ?? ""),
    );
    await expectSame({ tool_name: ["refund_order"] }, (r) => r.tools.includes("refund_order"));
    const agents = [sim.runs[0]!.summary.agent!.id!, sim.runs[1]!.summary.agent!.id!];
    await expectSame({ agent_id: agents }, (r) => agents.includes(r.summary.agent!.id!));
    const tickets = [sim.runs[3]!.summary.ticket!.id!, sim.runs[7]!.summary.ticket!.id!];
    await expectSame({ ticket_id: tickets }, (r) => tickets.includes(r.summary.ticket!.id!));
  });

  it("applies the five duration operators, combined", async () => {
    const d = (r: DuckieRun) => r.summary.duration_seconds;
    await expectSame(
      { "duration[gte]": 60, "duration[lt]": 300 },
      (r) => d(r) != null && d(r)! >= 60 && d(r)! < 300,
    );
    await expectSame({ "duration[gt]": 1700 }, (r) => d(r) != null && d(r)! > 1700);
    await expectSame({ "duration[lte]": 10 }, (r) => d(r) != null && d(r)! <= 10);
    const exact = sim.runs.find((r) => d(r) != null)!.summary.duration_seconds!;
    await expectSame({ "duration[eq]": exact }, (r) => d(r) === exact);
  });

  it("filters by metadata.<key>, search and creation time", async () => {
    await expectSame(
      { metadata: { team: "billing", region: "eu-west" } },
      (r) => r.metadata.team === "billing" && r.metadata.region === "eu-west",
    );
    await expectSame(
      { metadata: { "customer:tier": "gold" } },
      (r) => r.metadata["customer:tier"] === "gold",
    );
    await expectSame({ search: "PARCEL" }, (r) => r.summary.ticket!.title!.toLowerCase().includes("parcel"));
    const agentName = sim.runs[0]!.summary.agent!.name!;
    await expectSame({ search: agentName.toLowerCase() }, (r) => r.summary.agent!.name === agentName);
    const times = sim.runs.map((r) => r.created).sort((a, b) => a - b);
    const after = new Date(times[500]!).toISOString();
    const before = new Date(times[900]!).toISOString();
    await expectSame(
      { created_after: after, created_before: before },
      (r) => r.created >= times[500]! && r.created < times[900]!,
    );
  });

  it("returns 50 runs by default and reports the rate-limit window", async () => {
    const res = await call(sim.url, "GET", "/api/v1/runs", { headers: auth });
    expect(res.body.data).toHaveLength(50);
    expect(res.body.pagination).toEqual({ limit: 50, next_cursor: expect.any(String), has_more: true });
    expect(res.headers.get("x-ratelimit-limit")).toBe("600");
    expect(Number(res.headers.get("x-ratelimit-remaining"))).toBeLessThan(600);
    expect(Number(res.headers.get("x-ratelimit-reset"))).toBe(
      Math.ceil((Math.floor(clock.now() / 60_000) + 1) * 60),
    );
  });
});

describe("errors", () => {
  const errorOf = (res: { body: any }) => res.body.error;

  it("uses { error: { code, message, request_id } } with the documented codes", async () => {
    const missing = await call(sim.url, "GET", "/api/v1/runs");
    expect(missing.status).toBe(401);
    expect(errorOf(missing)).toEqual({
      code: "unauthenticated",
      message: expect.any(String),
      request_id: missing.headers.get("x-request-id"),
    });

    const invalid = await call(
      sim.url,
      "GET",
      "/api/v1/runs?limit=500&status=done&duration[gte]=-1&metadata.team=" + "x".repeat(501),
      { headers: auth },
    );
    expect(invalid.status).toBe(400);
    expect(errorOf(invalid).code).toBe("invalid_request");
    for (const part of [
      "query/limit must be <= 100",
      "query/status/0 must be equal to one of the allowed values",
      "query/duration[gte] must be >= 0",
      "query/metadata/team must NOT have more than 500 characters",
    ]) {
      expect(errorOf(invalid).message).toContain(part);
    }
    const badKey = await call(sim.url, "GET", "/api/v1/runs?metadata.te%20am=x", { headers: auth });
    expect(errorOf(badKey).message).toContain("query/metadata");
    const badCursor = await call(sim.url, "GET", "/api/v1/runs?cursor=bogus", { headers: auth });
    expect(badCursor.status).toBe(400);
    expect(errorOf(badCursor)).toMatchObject({
      code: "invalid_request",
      message: "cursor is not a cursor returned by this API",
    });
    const tooMany = await call(
      sim.url,
      "GET",
      `/api/v1/runs?${Array.from({ length: 201 }, () => "status=failed").join("&")}`,
      { headers: auth },
    );
    expect(errorOf(tooMany).message).toContain("query/status must NOT have more than 200 items");
  });

  it("limits 600 requests per minute per key with 429 rate_limited and Retry-After", async () => {
    const own = new ManualClock();
    const limited = await startDuckieSimulator({ clock: own, runs: 1, rateLimit: 3 });
    try {
      for (let i = 0; i < 3; i++)
        expect((await call(limited.url, "GET", "/api/v1/runs", { headers: auth })).status).toBe(200);
      const over = await call(limited.url, "GET", "/api/v1/runs", { headers: auth });
      expect(over.status).toBe(429);
      expect(over.headers.get("retry-after")).toBe("60");
      expect(errorOf(over).code).toBe("rate_limited");
      expect(
        (await call(limited.url, "GET", "/api/v1/runs", { headers: { authorization: "Bearer other" } }))
          .status,
      ).toBe(200);
      own.advance(60_000);
      expect((await call(limited.url, "GET", "/api/v1/runs", { headers: auth })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
