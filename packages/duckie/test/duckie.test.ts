// @agentruns/duckie against the Duckie simulator: every filter shape on the wire, cursor iteration, errors.
import { startDuckieSimulator, type DuckieSimulator } from "@agentruns/simulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BadRequestError, Duckie, ValidationError } from "../src/index.js";
import { raw } from "../src/generated/raw.js";

let sim: DuckieSimulator;
let duckie: Duckie;
beforeAll(async () => {
  sim = await startDuckieSimulator({ runs: 1200, rateLimit: false });
  duckie = new Duckie({ apiKey: "dk_live_x", baseUrl: sim.url, env: {} });
});
afterAll(async () => {
  expect(sim.violations).toEqual([]);
  await sim.close();
});

describe("runs.list", () => {
  it("sends arrays, duration operators, metadata and search exactly as Duckie documents them", async () => {
    const page = await duckie.runs.list({
      status: ["failed", "paused"],
      duration: { gte: 60, lt: 300 },
      metadata: { team: "billing" },
      search: "refund",
      limit: 5,
    });
    expect(sim.requests.at(-1)!.rawQuery).toBe(
      "status=failed&status=paused&search=refund&limit=5&duration[gte]=60&duration[lt]=300&metadata.team=billing",
    );
    for (const run of page.data) expect(["failed", "paused"]).toContain(run.status);
  });

  it("iterates every matching run across cursor pages", async () => {
    const ids: string[] = [];
    for await (const run of duckie.runs.list({ status: ["completed"], duration: { gte: 60 }, limit: 100 }))
      ids.push(run.id);
    const expected = sim.runs.filter(
      (r) => r.summary.status === "completed" && (r.summary.duration_seconds ?? -1) >= 60,
    );
    expect(ids.sort()).toEqual(expected.map((r) => r.summary.id).sort());
  });

  it("takes Dates for created_after / created_before", async () => {
    const after = new Date(sim.clock.now() - 5 * 86_400_000);
    await duckie.runs.list({ created_after: after, limit: 1 });
    expect(new URLSearchParams(sim.requests.at(-1)!.rawQuery).get("created_after")).toBe(after.toISOString());
  });

  it("rejects bad input before sending: metadata keys, operators, ranges, enum values", async () => {
    const before = sim.requests.length;
    await expect(duckie.runs.list({ metadata: { "team name": "x" } })).rejects.toThrow(
      'metadata key "team name" must match ^[A-Za-z0-9._:-]+$',
    );
    await expect(duckie.runs.list({ metadata: { "a&b=c": "x" } })).rejects.toBeInstanceOf(ValidationError);
    await expect(duckie.runs.list({ duration: { ge: 5 } as never })).rejects.toThrow(
      "duration.ge is not a key of duration (use eq, gt, gte, lt, lte)",
    );
    await expect(duckie.runs.list({ duration: { gte: -1 } })).rejects.toThrow(
      "duration[gte] must be >= 0 (got -1)",
    );
    await expect(duckie.runs.list({ limit: 101 })).rejects.toThrow("limit must be <= 100 (got 101)");
    await expect(duckie.runs.list({ status: ["stopped" as "failed"] })).rejects.toThrow(
      "status[0] must be one of",
    );
    await expect(duckie.runs.list({ search: "x".repeat(301) })).rejects.toThrow(
      "search must be at most 300 characters",
    );
    expect(sim.requests.length).toBe(before);
  });

  it("maps Duckie's error shape, request id included", async () => {
    const e = await raw(duckie).GET("/api/v1/runs", { params: { query: { cursor: "bogus" } } });
    expect(e.response.status).toBe(400);
    const err = (await duckie.runs.list({ cursor: "bogus" }).catch((x: unknown) => x)) as BadRequestError;
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.requestId).toMatch(/^req_/);
    expect(err.message).toBe(
      `400 GET /api/v1/runs: cursor is not a cursor returned by this API [request ${err.requestId}]`,
    );
  });
});
