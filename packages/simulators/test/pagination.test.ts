// Pagination invariants over 10,000 seeded runs: each scheme lists every matching run exactly once, in order,
// including when runs are added in the middle of a cursor walk.
import { createClient as avidoClient } from "@agentruns/avido-openapi";
import { createClient as duckieClient } from "@agentruns/duckie-openapi";
import { createClient as duvoClient } from "@agentruns/duvo-openapi";
import { afterAll, describe, expect, it } from "vitest";
import {
  ManualClock,
  startAvidoSimulator,
  startDuckieSimulator,
  startDuvoSimulator,
  type Simulator,
} from "../src/index.js";

const RUNS = 10_000;
const started: Simulator[] = [];
afterAll(async () => {
  for (const sim of started) {
    expect(sim.violations).toEqual([]);
    await sim.close();
  }
});
const track = <S extends Simulator>(sim: S) => (started.push(sim), sim);

describe("Duvo offset pagination (total)", () => {
  it("lists every run exactly once, newest first, with a consistent total", async () => {
    const sim = track(await startDuvoSimulator({ clock: new ManualClock(), runs: RUNS, rateLimit: false }));
    const duvo = duvoClient({ apiKey: "k", baseUrl: sim.url, env: {} });
    const seen: string[] = [];
    const created: string[] = [];
    for (let offset = 0; ;) {
      const { data } = await duvo.GET("/v1/runs", { params: { query: { limit: 100, offset } } });
      expect(data!.total).toBe(RUNS);
      seen.push(...data!.data.map((r) => r.id));
      created.push(...data!.data.map((r) => r.created_at));
      offset += data!.data.length;
      if (!data!.data.length || offset >= data!.total) break;
    }
    expect(seen).toHaveLength(RUNS);
    expect(new Set(seen).size).toBe(RUNS);
    expect(created).toEqual([...created].sort().reverse());
  });
});

describe("Avido skip pagination (totalPages)", () => {
  it("lists every run exactly once across totalPages pages", async () => {
    const sim = track(await startAvidoSimulator({ clock: new ManualClock(), runs: RUNS }));
    const avido = avidoClient({ apiKey: "k", applicationId: "a", baseUrl: sim.url, env: {} });
    const seen: string[] = [];
    let pages = 0;
    let totalPages = Infinity;
    for (let page = 0; page < totalPages; page++) {
      const { data } = await avido.GET("/v0/runs", {
        params: { query: { limit: 100, skip: page * 100, orderBy: "id", orderDir: "asc" } },
      });
      totalPages = data!.pagination.totalPages;
      expect(data!.pagination).toMatchObject({ skip: page * 100, limit: 100, total: RUNS });
      seen.push(...data!.data.map((r) => r.id));
      pages++;
    }
    expect(pages).toBe(100);
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toHaveLength(RUNS);
    const past = await avido.GET("/v0/runs", { params: { query: { limit: 100, skip: RUNS } } });
    expect(past.data!.data).toEqual([]);
  });
});

describe("Duckie cursor pagination (has_more)", () => {
  async function walk(url: string, during?: (page: number) => void) {
    const duckie = duckieClient({ apiKey: "k", baseUrl: url, env: {} });
    const seen: string[] = [];
    let cursor: string | undefined;
    let page = 0;
    for (;;) {
      const { data } = await duckie.GET("/api/v1/runs", { params: { query: { limit: 100, cursor } } });
      seen.push(...data!.data.map((r) => r.id));
      page++;
      during?.(page);
      if (!data!.pagination.has_more) {
        expect(data!.pagination.next_cursor).toBeNull();
        break;
      }
      expect(data!.pagination.next_cursor).toEqual(expect.any(String));
      cursor = data!.pagination.next_cursor!;
    }
    return { seen, page };
  }

  it("lists every run exactly once", async () => {
    const sim = track(await startDuckieSimulator({ clock: new ManualClock(), runs: RUNS, rateLimit: false }));
    const { seen, page } = await walk(sim.url);
    expect(page).toBe(100);
    expect(seen).toHaveLength(RUNS);
    expect(new Set(seen).size).toBe(RUNS);
  });

  it("stays exact when runs are added during the walk: new ones are not repeated, backfilled ones appear once", async () => {
    const clock = new ManualClock();
    const sim = track(await startDuckieSimulator({ clock, runs: RUNS, rateLimit: false }));
    const oldest = Math.min(...sim.runs.map((r) => r.created));
    const backfilled: string[] = [];
    const fresh: string[] = [];
    const { seen } = await walk(sim.url, (page) => {
      if (page % 10 !== 0) return;
      clock.advance(1000);
      fresh.push(...sim.addRuns(5).map((r) => r.summary.id)); // newer than anything already listed
      backfilled.push(...sim.addRuns(3, oldest - page).map((r) => r.summary.id)); // older than the cursor
    });
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(RUNS + backfilled.length);
    for (const id of backfilled) expect(seen).toContain(id);
    for (const id of fresh) expect(seen).not.toContain(id);
  });
});
