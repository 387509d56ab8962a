import { slowPost } from "@agentruns/testkit";
// The HTTP server as a long-running service: a body over the limit is refused with 413 on its Content-Length before
// it is read, or as soon as a chunked one passes the limit; sessions idle past their time expire; the number of
// sessions is capped, a new one closing the longest idle, and 503 with Retry-After when every one is busy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveHttp, type HttpHandle } from "../src/http.js";
import { selectProviders } from "../src/providers.js";
import { createServer } from "../src/server.js";
import { httpClient, simulators } from "./harness.js";

const SLOW = "16fd2706-8baf-433b-82eb-8c7fada847da";
const LIMIT = 64 * 1024;
let sims: Awaited<ReturnType<typeof simulators>>;
let providers: ReturnType<typeof selectProviders>;
const handles: HttpHandle[] = [];

beforeAll(async () => {
  sims = await simulators({ [SLOW]: { asks: "none", stepMs: 600_000 } });
  providers = selectProviders({ configPath: "/nonexistent/agentruns.json" }, sims.env);
});
afterAll(async () => {
  await Promise.all(handles.map((h) => h.close()));
  await sims?.close();
});

const serve = async (options: Parameters<typeof serveHttp>[1]) => {
  const handle = await serveHttp(() => createServer({ providers, pollIntervalMs: 50 }), options);
  handles.push(handle);
  return handle;
};

describe("HTTP limits", () => {
  it("refuses a body whose Content-Length is over the limit with 413, before reading any of it", async () => {
    const { url } = await serve({ maxBodyBytes: LIMIT });
    const r = await slowPost(url, { "content-length": String(10 * 1024 * 1024) }, 0);
    expect(r).toEqual({ status: "HTTP/1.1 413 Payload Too Large", sent: 0 });
  });

  it("refuses a chunked body with 413 as soon as it passes the limit", async () => {
    const { url } = await serve({ maxBodyBytes: LIMIT });
    const r = await slowPost(url, { "transfer-encoding": "chunked" }, 64);
    expect(r.status).toBe("HTTP/1.1 413 Payload Too Large");
    // 64 KiB is four pieces: the answer came after the fifth, long before all 64 were sent.
    expect(r.sent).toBeGreaterThanOrEqual(5);
    expect(r.sent).toBeLessThan(16);
  });

  it("closes a session idle past sessionIdleMs; its client must initialize again", async () => {
    // Long enough that a loaded machine's first listTools after initialize comes in time (300 ms did not, with
    // six providers' tools, in the add-provider clone's whole pnpm test).
    const handle = await serve({ sessionIdleMs: 2_000 });
    const mcp = await httpClient(handle.url);
    expect((await mcp.client.listTools()).tools.length).toBeGreaterThan(5);
    expect(handle.sessions()).toBe(1);
    await expect.poll(() => handle.sessions(), { timeout: 10_000 }).toBe(0);
    await expect(mcp.client.listTools()).rejects.toThrow(/Session not found/);
    const again = await httpClient(handle.url);
    expect((await again.client.listTools()).tools.length).toBeGreaterThan(5);
    await again.close();
  });

  it("caps sessions: a new one closes the longest idle, and when all are busy it is answered 503", async () => {
    const handle = await serve({ maxSessions: 2 });
    const first = await httpClient(handle.url);
    const second = await httpClient(handle.url);
    await second.client.listTools(); // second is now the more recently used
    const third = await httpClient(handle.url);
    expect(handle.sessions()).toBe(2);
    await expect(first.client.listTools()).rejects.toThrow(/Session not found/);
    expect((await second.client.listTools()).tools.length).toBeGreaterThan(5);

    // Both sessions busy with a wait: an initialize is told to come back, with Retry-After.
    const created = await second.client.callTool({ name: "duvo_runs_create", arguments: { agent_id: SLOW } });
    const runId = (created.structuredContent as { id: string }).id;
    const waits = [second, third].map((m) =>
      m.client
        .callTool({ name: "duvo_runs_wait", arguments: { run_id: runId, timeout_seconds: 30 } })
        .catch(() => undefined),
    );
    await expect.poll(() => sims.duvo.count("getRun"), { timeout: 10_000 }).toBeGreaterThan(2);
    const busy = await fetch(handle.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: {
          protocolVersion: "2025-06-18",
          capabilities: {},
          clientInfo: { name: "raw", version: "1" },
        },
      }),
    });
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe("5");
    expect((await busy.json()).error.message).toContain("all 2 sessions are busy");
    await Promise.all([second.close(), third.close(), first.close().catch(() => {})]);
    await Promise.all(waits);
  });
});
