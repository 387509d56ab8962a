// Pagination for each scheme against the simulators, the loop guards against misbehaving servers,
// and flat memory while walking 100,000 items.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import {
  ManualClock,
  startAvidoSimulator,
  startDuckieSimulator,
  startDuvoSimulator,
} from "@agentruns/simulators";
import type { RunSummary } from "@agentruns/duckie-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PaginationError,
  cursorPagination,
  linkPagination,
  offsetPagination,
  paginate,
  pagePagination,
  skipPagination,
  type Page,
} from "../src/index.js";
import { avidoClient, duckieClient, duvoClient, rejection } from "./helpers.js";

describe("schemes", () => {
  it("offset + total (Duvo): one page when awaited, every item when iterated", async () => {
    const sim = await startDuvoSimulator({ clock: new ManualClock(), runs: 230, rateLimit: false });
    try {
      const c = duvoClient({ apiKey: "k", baseUrl: sim.url });
      const page = await paginate(c, "listRuns", { query: { limit: 100 } }, offsetPagination("data"));
      expect(page.data).toHaveLength(100);
      expect(page.body.total).toBe(230);
      expect(page.hasNextPage()).toBe(true);
      expect(page.nextPageQuery()).toEqual({ limit: 100, offset: 100 });
      const second = await page.nextPage();
      expect(second.data[0]).not.toEqual(page.data[0]);
      const ids: string[] = [];
      for await (const run of paginate(c, "listRuns", { query: { limit: 100 } }, offsetPagination("data")))
        ids.push(run.id);
      expect(new Set(ids).size).toBe(230);
      const sizes: number[] = [];
      for await (const p of paginate(
        c,
        "listRuns",
        { query: { limit: 100 } },
        offsetPagination("data"),
      ).iterPages())
        sizes.push(p.data.length);
      expect(sizes).toEqual([100, 100, 30]);
      expect(sim.count("listRuns")).toBe(2 + 3 + 3);
    } finally {
      await sim.close();
    }
  });

  it("skip + totalPages (Avido)", async () => {
    const sim = await startAvidoSimulator({ clock: new ManualClock(), runs: 120 });
    try {
      const c = avidoClient({ apiKey: "k", applicationId: "a", baseUrl: sim.url });
      const ids: string[] = [];
      for await (const run of paginate(c, "listRuns", { query: { limit: 50 } }, skipPagination()))
        ids.push(run.id);
      expect(new Set(ids).size).toBe(120);
      expect(sim.count("listRuns")).toBe(3);
    } finally {
      await sim.close();
    }
  });

  it("cursor + has_more (Duckie)", async () => {
    const sim = await startDuckieSimulator({ clock: new ManualClock(), runs: 250, rateLimit: false });
    try {
      const c = duckieClient({ apiKey: "k", baseUrl: sim.url });
      const ids: string[] = [];
      for await (const run of paginate(
        c,
        "listRuns",
        { query: { limit: 100, status: ["completed", "failed"] } },
        cursorPagination<RunSummary>(),
      ))
        ids.push(run.id);
      const expected = sim.runs.filter((r) => ["completed", "failed"].includes(r.summary.status)).length;
      expect(ids).toHaveLength(expected);
      expect(new Set(ids).size).toBe(expected);
      const last = sim.requests.at(-1)!;
      expect(new URLSearchParams(last.rawQuery).getAll("status")).toEqual(["completed", "failed"]);
      expect(new URLSearchParams(last.rawQuery).get("cursor")).toEqual(expect.any(String));
    } finally {
      await sim.close();
    }
  });
});

describe("loop guards", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server.close());

  const duckie = () => duckieClient({ apiKey: "k", baseUrl: server.url });
  const run = (id: string) => ({ id, created_at: "t", updated_at: "t", status: "completed" });
  async function drain(iterable: AsyncIterable<unknown>) {
    let n = 0;
    for await (const _ of iterable) n++;
    return n;
  }

  it("a Link header's next page (`offset=1`) reaches the spec's number parameter as a number, not refused as text", async () => {
    server.reset();
    server.respondWith((req) => {
      const offset = Number(new URLSearchParams(req.rawQuery).get("offset") ?? 0);
      const headers: Record<string, string> = {};
      if (offset < 2) headers.link = `</v1/runs?limit=1&offset=${offset + 1}>; rel="next"`;
      return {
        headers,
        body: { data: [{ id: `run-${offset}` }], total: 3 },
      };
    });
    const c = duvoClient({ apiKey: "k", baseUrl: server.url });
    const ids: string[] = [];
    for await (const r of paginate(c, "listRuns", { query: { limit: 1 } }, linkPagination<{ id: string }>()))
      ids.push(r.id);
    expect(ids).toEqual(["run-0", "run-1", "run-2"]);
    expect(server.requests.map((r) => r.rawQuery)).toEqual([
      "limit=1",
      "limit=1&offset=1",
      "limit=1&offset=2",
    ]);
  });

  it("a repeated cursor ends with PaginationError instead of looping", async () => {
    server.respondWith({
      body: { data: [run("a")], pagination: { limit: 1, next_cursor: "same", has_more: true } },
    });
    const e = await rejection(drain(paginate(duckie(), "listRuns", {}, cursorPagination())));
    expect(e).toBeInstanceOf(PaginationError);
    expect(e.message).toBe('The API returned cursor "same" twice: stopping instead of looping');
  });

  it("a valid page whose cursor repeats the one it was asked with is returned; advancing ends the walk", async () => {
    server.respondWith({
      body: { data: [run("a")], pagination: { limit: 1, next_cursor: "string", has_more: true } },
    });
    const page = await paginate(duckie(), "listRuns", { query: { cursor: "string" } }, cursorPagination());
    expect(page.data).toHaveLength(1);
    expect(page.hasNextPage()).toBe(true);
    await expect(page.nextPage()).rejects.toThrow('The API returned cursor "string" twice');
  });

  it("has_more without a cursor: the page is returned, and the walk ends with PaginationError when advanced", async () => {
    server.respondWith({ body: { data: [], pagination: { limit: 1, next_cursor: null, has_more: true } } });
    const page = await paginate(duckie(), "listRuns", {}, cursorPagination());
    expect(page.data).toEqual([]);
    expect(page.nextPageQuery()).toBeUndefined();
    await expect(page.nextPage()).rejects.toThrow(PaginationError);
    expect(await rejection(drain(paginate(duckie(), "listRuns", {}, cursorPagination())))).toBeInstanceOf(
      PaginationError,
    );
  });

  it("follows a few empty cursor pages, but not endlessly", async () => {
    let n = 0;
    server.respondWith(() => ({
      body: { data: [], pagination: { limit: 1, next_cursor: `c${++n}`, has_more: n < 3 } },
    }));
    expect(await drain(paginate(duckie(), "listRuns", {}, cursorPagination()))).toBe(0);
    n = 0;
    server.respondWith(() => ({
      body: { data: [], pagination: { limit: 1, next_cursor: `c${++n}`, has_more: true } },
    }));
    const e = await rejection(drain(paginate(duckie(), "listRuns", {}, cursorPagination())));
    expect(e.message).toBe("4 empty pages in a row that claim more: stopping instead of looping");
  });

  it("an empty offset page that claims more ends with PaginationError", async () => {
    server.respondWith({ body: { data: [], total: 50 } });
    const list = () =>
      paginate(duvoClient({ apiKey: "k", baseUrl: server.url }), "listRuns", {}, offsetPagination("data"));
    expect((await list()).data).toEqual([]);
    const e = await rejection(drain(list()));
    expect(e).toBeInstanceOf(PaginationError);
    expect(e.message).toBe("Empty page at offset 0 although total is 50: stopping instead of looping");
  });

  it("an empty skip page that claims more pages ends with PaginationError", async () => {
    server.respondWith({ body: { data: [], pagination: { skip: 0, limit: 25, total: 100, totalPages: 4 } } });
    const c = avidoClient({ apiKey: "k", applicationId: "a", baseUrl: server.url });
    expect((await paginate(c, "listRuns", {}, skipPagination())).data).toEqual([]);
    expect(await rejection(drain(paginate(c, "listRuns", {}, skipPagination())))).toBeInstanceOf(
      PaginationError,
    );
  });

  it("nextPage() after the last page is an error, not a request", async () => {
    server.respondWith({
      body: { data: [run("a")], pagination: { limit: 1, next_cursor: null, has_more: false } },
    });
    server.reset();
    const page = await paginate(duckie(), "listRuns", {}, cursorPagination());
    expect(page.hasNextPage()).toBe(false);
    await expect(page.nextPage()).rejects.toThrow(PaginationError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("memory", () => {
  it("walks 100,000 items holding only the current page", async () => {
    const server = await startCaptureServer();
    const TOTAL = 100_000;
    const PER_PAGE = 100;
    server.respondWith((req) => {
      const start = Number(new URLSearchParams(req.rawQuery).get("cursor") ?? 0);
      const data = Array.from({ length: PER_PAGE }, (_, i) => ({
        id: `r${start + i}`,
        created_at: "t",
        updated_at: "t",
        status: "completed",
        padding: "x".repeat(200),
      }));
      const next = start + PER_PAGE;
      return {
        body: {
          data,
          pagination: {
            limit: PER_PAGE,
            next_cursor: next < TOTAL ? String(next) : null,
            has_more: next < TOTAL,
          },
        },
      };
    });
    try {
      const list = paginate(
        duckieClient({ apiKey: "k", baseUrl: server.url }),
        "listRuns",
        { query: { limit: PER_PAGE } },
        cursorPagination(),
      );
      let count = 0;
      // The call itself keeps its first page (awaiting it again must not refetch); every later page is let go.
      let secondPage: WeakRef<Page<unknown, unknown>> | undefined;
      let n = 0;
      for await (const page of list.iterPages()) {
        if (++n === 2) secondPage = new WeakRef(page);
        count += page.data.length;
      }
      expect(count).toBe(TOTAL);
      // Nothing keeps walked pages alive: once collected, the second page is gone.
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((r) => setTimeout(r, 0));
      (globalThis as { gc?: () => void }).gc?.();
      expect(typeof (globalThis as { gc?: () => void }).gc).toBe("function");
      expect(secondPage!.deref()).toBeUndefined();
    } finally {
      server.requests.length = 0;
      await server.close();
    }
  }, 60_000);
});

describe("schemes read from the answer alone", () => {
  const state = () => ({ cursors: new Set<string>(), emptyPages: 0 });
  const answer = (link?: string) => new Response(null, link ? { headers: { link } } : {});

  it("Link: follows rel=next among other relations, stops without one, and refuses a repeated link", () => {
    const p = linkPagination<number>();
    const s = state();
    const body = { data: [1] };
    const next = p.next(
      body,
      { limit: 2 },
      s,
      answer('<https://x/items?page=1>; rel="prev", <https://x/items?cursor=b&limit=2>; rel="next"'),
    );
    expect(next).toEqual({ limit: "2", cursor: "b" });
    expect(p.next(body, next!, s, answer('<https://x/items?page=1>; rel="prev"'))).toBeUndefined();
    expect(() => p.next(body, next!, s, answer("<https://x/items?cursor=b&limit=2>; rel=next"))).toThrow(
      PaginationError,
    );
  });

  it("page numbers: the next page while totalPages says so, an empty page before the end is an error", () => {
    const p = pagePagination<number>({ items: "rows", totalPages: "meta.pages" });
    expect(p.next({ rows: [1], meta: { pages: 2 } }, {}, state(), answer())).toEqual({ page: 2 });
    expect(p.next({ rows: [2], meta: { pages: 2 } }, { page: 2 }, state(), answer())).toBeUndefined();
    expect(() => p.next({ rows: [], meta: { pages: 3 } }, { page: 1 }, state(), answer())).toThrow(
      PaginationError,
    );
    // Without totalPages, an empty page ends the walk.
    const open = pagePagination<number>();
    expect(open.next({ data: [] }, { page: 4 }, state(), answer())).toBeUndefined();
  });

  it("a token in a response header (E2B's X-Next-Token), the answer being the list itself", () => {
    const p = cursorPagination<number>({ items: "", nextHeader: "x-next-token", param: "nextToken" });
    const s = state();
    const headers = (token?: string) =>
      new Response(null, token ? { headers: { "x-next-token": token } } : {});
    expect(p.items([1, 2] as never)).toEqual([1, 2]);
    expect(p.next([1, 2], { limit: 2 }, s, headers("t2"))).toEqual({ limit: 2, nextToken: "t2" });
    expect(p.next([3], { limit: 2, nextToken: "t2" }, s, headers())).toBeUndefined();
    expect(() => p.next([3], { nextToken: "t2" }, s, headers("t2"))).toThrow(PaginationError);
  });

  it("a token sent back in the request body (Qdrant's scroll), structured ids compared by value", () => {
    const p = cursorPagination<number>({
      items: "result.points",
      next: "result.next_page_offset",
      hasMore: null,
      param: "offset",
      in: "body",
    });
    expect(p.in).toBe("body");
    const s = state();
    const page = (next: unknown) => ({ result: { points: [1], next_page_offset: next } });
    const next = p.next(page({ uuid: "a" }), { limit: 1, filter: { must: [] } }, s, answer());
    expect(next).toEqual({ limit: 1, filter: { must: [] }, offset: { uuid: "a" } });
    expect(() => p.next(page({ uuid: "a" }), next!, s, answer())).toThrow(/twice/);
    expect(p.next(page(null), next!, state(), answer())).toBeUndefined();
  });

  it("page numbers while a next-page field is set (Django REST's `next`)", () => {
    const p = pagePagination<number>({ items: "results", more: "next" });
    expect(p.next({ results: [1], next: "https://x/?page=2" }, {}, state(), answer())).toEqual({ page: 2 });
    expect(p.next({ results: [2], next: null }, { page: 2 }, state(), answer())).toBeUndefined();
    expect(() => p.next({ results: [], next: "https://x/?page=3" }, { page: 2 }, state(), answer())).toThrow(
      PaginationError,
    );
  });
});

describe("paginate's arguments", () => {
  it("a first argument that is not a client rejects the list instead of throwing", async () => {
    let list: PromiseLike<unknown> | undefined;
    // The order of the method it replaced (`client.paginate(operation, …)`), a likely slip in plain JavaScript.
    expect(() => {
      list = paginate("listRuns" as never, {} as never, {}, offsetPagination("data"));
    }).not.toThrow();
    expect(await rejection(list!)).toBeInstanceOf(TypeError);
  });
});
