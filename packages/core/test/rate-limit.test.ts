// Client-side rate limiting: the in-memory sliding window (order, waits, cancellation, the provider's headers), and
// the client's default: the published limit only against the provider's own server, the headers always.
import { startCaptureServer, type CaptureServer } from "@agentruns/testkit";
import * as duvo from "@agentruns/duvo-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BaseClient, SlidingWindowLimiter, ValidationError, exhaustedUntil } from "../src/index.js";
import { rejection } from "./helpers.js";

const headers = (h: Record<string, string>) => new Headers(h);

describe("SlidingWindowLimiter", () => {
  it("lets `limit` through at once, then one per freed slot, first come first served", async () => {
    const limiter = new SlidingWindowLimiter({ limit: 3, windowMs: 200 });
    const start = Date.now();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map((n) => limiter.acquire().then(() => order.push(n))));
    const took = Date.now() - start;
    expect(order).toEqual([1, 2, 3, 4, 5]);
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1_000);
  });

  it("never lets more than `limit` through in any window", async () => {
    const limiter = new SlidingWindowLimiter({ limit: 4, windowMs: 100 });
    const times: number[] = [];
    for (let i = 0; i < 14; i++) {
      await limiter.acquire();
      times.push(Date.now());
    }
    for (let i = 4; i < times.length; i++) expect(times[i]! - times[i - 4]!).toBeGreaterThanOrEqual(99);
  });

  it("a waiting caller's signal ends its wait, and the callers behind it still go", async () => {
    const limiter = new SlidingWindowLimiter({ limit: 1, windowMs: 150 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const behind = limiter.acquire();
    controller.abort(new Error("stop"));
    expect(((await rejection(aborted)) as Error).message).toBe("stop");
    await behind;
  });

  it("pauses while the provider says its window is spent (x-ratelimit-remaining 0 until x-ratelimit-reset)", async () => {
    const now = Date.now();
    expect(
      exhaustedUntil(headers({ "x-ratelimit-remaining": "3", "x-ratelimit-reset": "1" }), now),
    ).toBeUndefined();
    expect(exhaustedUntil(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "2" }), now)).toBe(
      now + 2000,
    );
    const epoch = Math.ceil(now / 1000) + 1;
    expect(
      exhaustedUntil(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(epoch) }), now),
    ).toBe(epoch * 1000);
    // A reset a day away is capped at five minutes.
    expect(
      exhaustedUntil(
        headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(epoch + 86_400) }),
        now,
      ),
    ).toBe(now + 300_000);
    const limiter = new SlidingWindowLimiter();
    // The pause is measured from the instant the answer was observed (a loaded machine may take a while between the
    // two statements; measuring from a later instant failed this test at 178 ms).
    const start = Date.now();
    limiter.observe(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "0.2" }), start);
    await limiter.acquire();
    expect(Date.now() - start).toBeGreaterThanOrEqual(180);
  });
});

const WINDOW_MS = 2_000;

describe("the client's default", () => {
  let server: CaptureServer;
  beforeAll(async () => {
    server = await startCaptureServer();
  });
  afterAll(() => server.close());

  /**
   * A Duvo client whose "own server" is the capture server, with a published limit of 3 per 2 s: the fourth call
   * waits almost 2 s when the limit applies, far more than four loopback calls take on a busy machine when it does not.
   */
  const client = (options: Record<string, unknown>) =>
    new BaseClient<duvo.operations>(
      {
        title: "Duvo",
        provider: { ...duvo.provider, serverUrl: server.url, rateLimit: { limit: 3, windowMs: WINDOW_MS } },
        operationTable: duvo.operationTable,
      },
      { env: {}, apiKey: "k", maxRetries: 0, ...options },
    );
  const fourCalls = async (c: BaseClient<duvo.operations>) => {
    server.respondWith({ body: { data: [], total: 0 } });
    const start = Date.now();
    for (let i = 0; i < 4; i++) await c.request("listRuns", {});
    return Date.now() - start;
  };

  it("applies the published limit to the provider's own server", async () => {
    expect(await fourCalls(client({}))).toBeGreaterThanOrEqual(WINDOW_MS - 100);
  });

  it("not to another base URL, nor with rateLimit: false", async () => {
    expect(await fourCalls(client({ baseUrl: server.url.replace("127.0.0.1", "localhost") }))).toBeLessThan(
      WINDOW_MS - 100,
    );
    expect(await fourCalls(client({ rateLimit: false }))).toBeLessThan(WINDOW_MS - 100);
  });

  it("takes a limit or a limiter of its own, and rejects a bad one naming the option", async () => {
    expect(
      await fourCalls(client({ baseUrl: server.url + "/", rateLimit: { limit: 2, windowMs: 200 } })),
    ).toBeGreaterThanOrEqual(190);
    let asked = 0;
    const counting = { acquire: async () => void asked++ };
    await fourCalls(client({ rateLimit: counting }));
    expect(asked).toBe(4);
    expect(() => client({ rateLimit: { limit: 0, windowMs: 1000 } })).toThrow(ValidationError);
  });

  it("a deadline ends a wait for the limiter", async () => {
    const c = client({ rateLimit: { limit: 1, windowMs: 10_000 } });
    server.respondWith({ body: { data: [], total: 0 } });
    await c.request("listRuns", {});
    const e = await rejection(c.request("listRuns", {}, { deadlineMs: 100 }));
    expect((e as Error).name).toBe("ApiTimeoutError");
  });
});
