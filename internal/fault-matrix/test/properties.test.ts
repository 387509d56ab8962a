// Property-based tests (fast-check) over real loopback HTTP: any query the types allow reaches the wire and reads
// back unchanged, any path parameter stays one segment, and every pagination scheme yields each item exactly once
// whatever the page size, the total and which pages fail once.
import { BaseClient, ValidationError } from "@agentruns/core";
import { Avido } from "@agentruns/avido";
import { Duckie } from "@agentruns/duckie";
import { Duvo } from "@agentruns/duvo";
import * as duvoOpenapi from "@agentruns/duvo-openapi";
import { startCaptureServer, type CaptureServer, type CapturedRequest } from "@agentruns/testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP, KEY } from "./scenario.js";

let capture: CaptureServer;
beforeAll(async () => {
  capture = await startCaptureServer();
});
afterAll(() => capture.close());

const LONE_SURROGATE = /\p{Surrogate}/u;
const STATUSES = ["completed", "running", "failed", "cancelled", "paused"] as const;
/** Any UTF-16 text, lone surrogates included. */
const text = (maxLength: number) => fc.string({ unit: "binary", maxLength });

describe("query serialization", () => {
  it("any Duckie filter reads back unchanged from the wire, or is rejected before sending", async () => {
    const duckie = new Duckie({ apiKey: KEY, baseUrl: capture.url, maxRetries: 0 });
    capture.respondWith({ body: { data: [], pagination: { next_cursor: null, has_more: false } } });
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            search: text(40),
            status: fc.subarray([...STATUSES]),
            metadata: fc.dictionary(fc.stringMatching(/^[A-Za-z0-9._:-]{1,12}$/), text(20), { maxKeys: 4 }),
            limit: fc.integer({ min: 1, max: 100 }),
          },
          { requiredKeys: [] },
        ),
        async (query) => {
          capture.reset();
          const invalid = [query.search ?? "", ...Object.values(query.metadata ?? {})].some((s) =>
            LONE_SURROGATE.test(s),
          );
          try {
            await duckie.runs.list(query);
          } catch (e) {
            expect(e).toBeInstanceOf(ValidationError);
            expect(invalid).toBe(true);
            expect(capture.requests).toHaveLength(0);
            return;
          }
          expect(invalid).toBe(false);
          const sent = new URLSearchParams(capture.only().rawQuery);
          expect(sent.get("search")).toBe(query.search ?? null);
          expect(sent.getAll("status")).toEqual(query.status ?? []);
          expect(sent.get("limit")).toBe(query.limit === undefined ? null : String(query.limit));
          const metadata = [...sent.keys()].filter((k) => k.startsWith("metadata."));
          expect(Object.fromEntries(metadata.map((k) => [k.slice(9), sent.get(k)]))).toEqual(
            query.metadata ?? {},
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("path encoding", () => {
  /** A client over Duvo's generated package whose one operation takes any string as a path parameter. */
  const fixture = () =>
    new BaseClient<{ getItem: { parameters: { path: { id: string } }; responses: {} } }>(
      {
        title: "Fixture",
        provider: duvoOpenapi.provider,
        operationTable: {
          getItem: {
            method: "GET",
            path: "/v1/items/{id}",
            pathParams: { id: { required: true, schema: { type: "string" } } },
            query: {},
          },
        },
      },
      { apiKey: KEY, baseUrl: capture.url, env: {}, maxRetries: 0 },
    );

  it("any path parameter arrives as exactly one segment that decodes to itself, or is rejected", async () => {
    const client = fixture();
    capture.respondWith({ body: {} });
    await fc.assert(
      fc.asyncProperty(text(30), async (id) => {
        capture.reset();
        const rejected = id === "" || id === "." || id === ".." || LONE_SURROGATE.test(id);
        try {
          await client.request("getItem", { path: { id } });
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
          expect(rejected).toBe(true);
          expect(capture.requests).toHaveLength(0);
          return;
        }
        expect(rejected).toBe(false);
        const { pathname } = capture.only();
        expect(pathname.startsWith("/v1/items/")).toBe(true);
        const segment = pathname.slice("/v1/items/".length);
        expect(segment).not.toContain("/");
        expect(decodeURIComponent(segment)).toBe(id);
      }),
      { numRuns: 200 },
    );
  });
});

describe("pagination invariants", () => {
  /** A server holding items 0..n-1 in `scheme`'s paging, failing each page in `flaky` once with a 503. */
  function serve(scheme: "offset" | "skip" | "cursor", n: number, flaky: ReadonlySet<number>) {
    const failed = new Set<number>();
    const items = Array.from({ length: n }, (_, i) => ({ id: String(i) }));
    capture.respondWith((req: CapturedRequest) => {
      const q = new URLSearchParams(req.rawQuery);
      const limit = Number(q.get("limit"));
      const start = Number(
        q.get(scheme === "offset" ? "offset" : scheme === "skip" ? "skip" : "cursor") ?? 0,
      );
      const page = Math.floor(start / limit);
      if (flaky.has(page) && !failed.has(page)) {
        failed.add(page);
        return { status: 503, body: { error: "flaky" } };
      }
      const data = items.slice(start, start + limit);
      if (scheme === "offset") return { body: { data, total: n, limit, offset: start } };
      if (scheme === "skip") {
        return {
          body: { data, pagination: { skip: start, limit, total: n, totalPages: Math.ceil(n / limit) } },
        };
      }
      const more = start + limit < n;
      return {
        body: { data, pagination: { next_cursor: more ? String(start + limit) : null, has_more: more } },
      };
    });
  }

  const fast = { baseDelayMs: 1, maxDelayMs: 2 };
  const walks = {
    offset: (limit: number) =>
      new Duvo({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.list({ limit }),
    skip: (limit: number) =>
      new Avido({ apiKey: KEY, applicationId: APP, baseUrl: capture.url, retry: fast }).runs.list({ limit }),
    cursor: (limit: number) =>
      new Duckie({ apiKey: KEY, baseUrl: capture.url, retry: fast }).runs.list({ limit }),
  };

  for (const scheme of ["offset", "skip", "cursor"] as const) {
    it(`${scheme}: every item exactly once, in order, whatever the sizes and failing pages`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: 150 }),
          fc.integer({ min: 1, max: 50 }),
          fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 4 }),
          async (n, limit, flaky) => {
            capture.reset();
            serve(scheme, n, new Set(flaky));
            const seen: string[] = [];
            for await (const item of walks[scheme](limit) as AsyncIterable<{ id: string }>)
              seen.push(item.id);
            expect(seen).toEqual(Array.from({ length: n }, (_, i) => String(i)));
          },
        ),
        { numRuns: 40 },
      );
    });
  }
});
