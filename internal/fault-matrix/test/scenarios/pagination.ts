// Pagination under faults: a failed page is retried without skipping or repeating an item, and a provider whose
// paging breaks its own contract ends the walk with a PaginationError instead of looping.
import { Avido } from "../clients.js";
import { Duckie } from "../clients.js";
import { Duvo } from "../clients.js";
import { expect } from "vitest";
import { APP, KEY, outcome, rejection, type Scenario } from "../scenario.js";

const group = "Pagination";
const fast = { baseDelayMs: 1, maxDelayMs: 5 };

async function ids(items: AsyncIterable<{ id: string }>, onItem?: (n: number) => void): Promise<string[]> {
  const out: string[] = [];
  for await (const item of items) {
    out.push(item.id);
    onItem?.(out.length);
  }
  return out;
}

/** Every item of a list, to its end. */
async function walk(list: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of list) n++;
  return n;
}

export const pagination: Scenario[] = [
  {
    group,
    name: "Duvo offset pages: 503 twice on a middle page",
    promise: "the page is retried; every run exactly once, in order",
    async run({ duvo: sim }) {
      sim.faults.clear();
      const duvo = new Duvo({ apiKey: KEY, baseUrl: sim.url, retry: fast });
      const expected = await ids(duvo.runs.list({ limit: 25 }));
      const got = await ids(duvo.runs.list({ limit: 25 }), (n) => {
        if (n === 30) sim.faults.failNext(2, 503, { match: { operationId: "listRuns" } });
      });
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBe(got.length);
      return `${got.length} of ${expected.length} runs, none skipped or repeated`;
    },
  },
  {
    group,
    name: "Duckie cursor pages: reset mid-body on page 3",
    promise: "the page is retried with the same cursor; every run exactly once",
    async run({ duckie: sim }) {
      sim.faults.clear();
      const duckie = new Duckie({ apiKey: KEY, baseUrl: sim.url, retry: fast });
      const expected = await ids(duckie.runs.list({ limit: 20 }));
      const got = await ids(duckie.runs.list({ limit: 20 }), (n) => {
        if (n === 40) sim.faults.inject({ action: { type: "reset", when: "mid-body" } });
      });
      expect(got).toEqual(expected);
      return `${got.length} of ${expected.length} runs, none skipped or repeated`;
    },
  },
  {
    group,
    name: "Avido skip pages: 500 then a stall on page 2",
    promise: "retried past both faults; every run exactly once",
    async run({ avido: sim }) {
      sim.faults.clear();
      const avido = new Avido({
        apiKey: KEY,
        applicationId: APP,
        baseUrl: sim.url,
        timeoutMs: 1_000,
        retry: fast,
      });
      const expected = await ids(avido.runs.list({ limit: 25 }));
      const got = await ids(avido.runs.list({ limit: 25 }), (n) => {
        if (n === 25) {
          sim.faults.failNext(1, 500);
          sim.faults.inject({ action: { type: "stall", when: "before-handler" } });
        }
      });
      expect(got).toEqual(expected);
      return `${got.length} of ${expected.length} runs, none skipped or repeated`;
    },
  },
  {
    group,
    name: "cursor returned twice",
    promise: "PaginationError after the second page, not an endless walk",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        body: { data: [{ id: "r1" }], pagination: { next_cursor: "same", has_more: true } },
      });
      const e = await rejection(
        ids(new Duckie({ apiKey: KEY, baseUrl: capture.url }).runs.list({}) as never),
      );
      expect(e.message).toBe('The API returned cursor "same" twice: stopping instead of looping');
      expect(capture.requests).toHaveLength(2);
      return `${outcome(e)} after ${capture.requests.length} pages`;
    },
  },
  {
    group,
    name: "has_more without a cursor",
    promise: "the page is returned; the walk ends with PaginationError when it would go on",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ body: { data: [], pagination: { next_cursor: null, has_more: true } } });
      const duckie = new Duckie({ apiKey: KEY, baseUrl: capture.url });
      expect((await duckie.runs.list({})).data).toEqual([]);
      const e = await rejection(walk(duckie.runs.list({})));
      expect(e.message).toContain("pagination.has_more is true but pagination.next_cursor is empty");
      return outcome(e);
    },
  },
  {
    group,
    name: "empty offset page that claims more",
    promise:
      "the page is returned; walking on is a PaginationError instead of asking for the same offset forever",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ body: { data: [], total: 50, limit: 20, offset: 0 } });
      const duvo = new Duvo({ apiKey: KEY, baseUrl: capture.url });
      expect((await duvo.runs.list({})).data).toEqual([]);
      const e = await rejection(walk(duvo.runs.list({})));
      expect(e.message).toBe("Empty page at offset 0 although total is 50: stopping instead of looping");
      return outcome(e);
    },
  },
  {
    group,
    name: "empty skip page that claims more pages",
    promise: "the page is returned; walking on is a PaginationError",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        body: { data: [], pagination: { skip: 0, limit: 25, total: 90, totalPages: 4 } },
      });
      const avido = new Avido({ apiKey: KEY, applicationId: APP, baseUrl: capture.url });
      expect((await avido.runs.list({})).data).toEqual([]);
      const e = await rejection(walk(avido.runs.list({})));
      expect(e.message).toContain("Empty page at skip 0 although totalPages is 4");
      return outcome(e);
    },
  },
  {
    group,
    name: "list answered with an empty 200",
    promise: "UnexpectedResponseError naming the list and the wrong shape, not a TypeError",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 200, body: "", headers: { "content-length": "0" } });
      const e = await rejection(new Duvo({ apiKey: KEY, baseUrl: capture.url }).runs.list({}));
      expect(e.message).toBe(
        "Duvo runs.list (listRuns) answered with a page of the wrong shape (empty body)",
      );
      return outcome(e);
    },
  },
  {
    group,
    name: "list answered with `{}`",
    promise: "UnexpectedResponseError (items are not a list), not a TypeError",
    async run({ capture }) {
      capture.reset();
      capture.respondWith({ status: 200, body: {} });
      const e = await rejection(
        new Avido({ apiKey: KEY, applicationId: APP, baseUrl: capture.url }).runs.list({}),
      );
      expect(e.message).toBe(
        "Avido runs.list (listRuns) answered with a page of the wrong shape (items are not a list)",
      );
      return outcome(e);
    },
  },
];
