// The listing engine in-process: per-status requests for an API whose items lack a status (statuses read from the
// spec's own enum), the merge's order and its handling of a failing source.
import type { OperationSpec } from "@agentruns/core";
import { describe, expect, it } from "vitest";
import { providerRows } from "../src/listing.js";
import { mergeNewestFirst } from "../src/merge.js";
import type { CliProvider } from "../src/providers.js";
import type { Row } from "../src/rows.js";

/** A Duvo-like provider: one status per request, items without a status, served from memory. */
function fakeProvider(
  statusEnum: string[],
  runs: { id: string; status: string; at: number }[],
  asked: string[],
) {
  const listOperation: OperationSpec = {
    method: "GET",
    path: "/runs",
    pathParams: {},
    query: {
      limit: { required: false, schema: { type: "integer", maximum: 2 } },
      status: { required: false, schema: { type: "string", enum: statusEnum } },
    },
  };
  const provider: CliProvider = {
    id: "duvo",
    definition: { title: "Fake", serverUrl: "", baseUrlEnv: [], credentials: [], requiredOptions: [] },
    operations: { listRuns: listOperation },
    listOperation,
    paging: ["limit"],
    create: () => undefined as never,
    pages: (_client, query) => ({
      async *[Symbol.asyncIterator]() {
        asked.push(String(query.status));
        const mine = runs.filter((r) => r.status === query.status).sort((a, b) => b.at - a.at);
        for (let i = 0; i < mine.length; i += 2)
          yield { data: mine.slice(i, i + 2).map(({ id, at }) => ({ id, at })), body: {} } as never;
      },
    }),
    newestFirst: {},
    since: "since",
    statusFilter: { param: "status", multiple: false },
    statuses: { done: "completed", broken: "failed" },
    total: () => undefined,
    row: (item, status = "unknown") => ({
      provider: "duvo",
      id: item.id,
      status: status === "done" ? "completed" : status === "broken" ? "failed" : "unknown",
      provider_status: status,
      title: null,
      created_at: new Date(item.at).toISOString(),
      duration_s: null,
      url: null,
    }),
  };
  return provider;
}

const collect = async (items: AsyncIterable<Row>) => {
  const rows: Row[] = [];
  for await (const r of items) rows.push(r);
  return rows;
};

const signal = new AbortController().signal;
const RUNS = [
  { id: "a", status: "done", at: 5 },
  { id: "b", status: "broken", at: 4 },
  { id: "c", status: "queued-later", at: 3 },
  { id: "d", status: "done", at: 2 },
  { id: "e", status: "done", at: 1 },
];

describe("per-status listing", () => {
  it("asks for every status the spec lists, one a request, and merges them newest first", async () => {
    const asked: string[] = [];
    const provider = fakeProvider(["done", "broken", "queued-later"], RUNS, asked);
    const rows = await collect(providerRows(provider, undefined as never, { signal }).items);
    expect(asked.sort()).toEqual(["broken", "done", "queued-later"]);
    expect(rows.map((r) => [r.id, r.status, r.provider_status])).toEqual([
      ["a", "completed", "done"],
      ["b", "failed", "broken"],
      ["c", "unknown", "queued-later"], // in the spec, not in the CLI's table: listed, as unknown
      ["d", "completed", "done"],
      ["e", "completed", "done"],
    ]);
  });

  it("--status asks only for the provider statuses that normalize to it; unknown finds the spec's new values", async () => {
    const asked: string[] = [];
    const provider = fakeProvider(["done", "broken", "queued-later"], RUNS, asked);
    const failed = await collect(
      providerRows(provider, undefined as never, { signal, statuses: ["failed"] }).items,
    );
    expect(failed.map((r) => r.id)).toEqual(["b"]);
    expect(asked).toEqual(["broken"]);
    const unknown = await collect(
      providerRows(provider, undefined as never, { signal, statuses: ["unknown"] }).items,
    );
    expect(unknown.map((r) => r.id)).toEqual(["c"]);
    const none = await collect(
      providerRows(provider, undefined as never, { signal, statuses: ["waiting"] }).items,
    );
    expect(none).toEqual([]);
    expect(asked).toEqual(["broken", "queued-later"]);
  });
});

describe("mergeNewestFirst", () => {
  async function* from(values: number[], failAfter?: number) {
    for (const [i, v] of values.entries()) {
      if (i === failAfter) throw new Error("source broke");
      yield v;
    }
  }

  it("interleaves sorted sources into one sorted list, stable across sources on ties", async () => {
    const merged = mergeNewestFirst(
      [
        { label: "x", items: from([9, 5, 5, 1]) },
        { label: "y", items: from([8, 5, 2]) },
        { label: "z", items: from([]) },
      ],
      (v) => v,
    );
    const out: number[] = [];
    for await (const v of merged) out.push(v);
    expect(out).toEqual([9, 8, 5, 5, 5, 2, 1]);
  });

  it("drops a source that fails, reports it once, and goes on with the others", async () => {
    const failures: string[] = [];
    const merged = mergeNewestFirst(
      [
        { label: "ok", items: from([6, 4, 2]) },
        { label: "bad", items: from([5, 3, 1], 1) },
      ],
      (v) => v,
      (label, e) => failures.push(`${label}: ${(e as Error).message}`),
    );
    const out: number[] = [];
    for await (const v of merged) out.push(v);
    expect(out).toEqual([6, 5, 4, 2]);
    expect(failures).toEqual(["bad: source broke"]);
  });

  it("without a failure handler, a failing source ends the merge with its error", async () => {
    const merged = mergeNewestFirst([{ label: "bad", items: from([3, 2], 1) }], (v) => v);
    const out: number[] = [];
    await expect(
      (async () => {
        for await (const v of merged) out.push(v);
      })(),
    ).rejects.toThrow("source broke");
    expect(out).toEqual([3]);
  });
});
