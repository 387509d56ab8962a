// Streamable HTTP: the same tools over 127.0.0.1, Origin and Host checked (DNS rebinding), the bearer token, malformed
// requests, and a client that disconnects mid-call; the server keeps serving through all of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { KEYS, httpClient, simulators, textOf } from "./harness.js";

const TOKEN = "mcp-token-abcdef";
let sims: Awaited<ReturnType<typeof simulators>>;
let url: string;
let stop: (() => Promise<void>) | undefined;
const stderr: string[] = [];

beforeAll(async () => {
  sims = await simulators({ "16fd2706-8baf-433b-82eb-8c7fada847da": { asks: "none", stepMs: 60_000 } });
  const started = await main(["--http", "--port", "0", "--auth-token", TOKEN, "--poll-interval", "0.05"], {
    env: sims.env,
    stderr: (l) => void stderr.push(l),
  });
  stop = started.stop;
  url = /on (http:\/\/\S+)/.exec(stderr.join("\n"))![1]!;
});
afterAll(async () => {
  await stop?.();
  await sims?.close();
});

const auth = { authorization: `Bearer ${TOKEN}` };
const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});
const post = (headers: Record<string, string>, body = initialize) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...headers,
    },
    body,
  });

describe("agentruns-mcp --http", () => {
  it("serves on 127.0.0.1 and answers tools with the bearer token", async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const mcp = await httpClient(url, auth);
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toContain("duckie_runs_list");
    const result = await mcp.client.callTool({ name: "duckie_runs_list", arguments: { limit: 3 } });
    expect((result.structuredContent as { items: unknown[] }).items).toHaveLength(3);
    await mcp.close();
  });

  it("refuses a missing or wrong token, another Origin and another Host, before any session", async () => {
    expect((await post({})).status).toBe(401);
    expect((await post({ authorization: "Bearer nope" })).status).toBe(401);
    const evil = await post({ ...auth, origin: "https://evil.example" });
    expect(evil.status).toBe(403);
    expect(await evil.text()).toContain("Origin https://evil.example is not allowed");
    // fetch cannot set Host: a plain request can, as a page reaching us through a rebound DNS name would.
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const r = request(
        url,
        { method: "POST", headers: { ...auth, host: "evil.example", "content-type": "application/json" } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      r.on("error", reject);
      r.end(initialize);
    });
    expect(status).toBe(403);
    expect((await post({ ...auth, origin: "http://localhost:5173" })).status).toBe(200);
  });

  it("answers malformed requests with JSON-RPC errors and keeps serving", async () => {
    const garbage = await post(auth, "{not json");
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error.code).toBe(-32700);
    expect((await post(auth, JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }))).status).toBe(
      400,
    );
    expect((await post({ ...auth, "mcp-session-id": "no-such-session" })).status).toBe(404);
    expect((await fetch(url.replace("/mcp", "/other"), { headers: auth })).status).toBe(404);
    const mcp = await httpClient(url, auth);
    expect((await mcp.client.listTools()).tools.length).toBeGreaterThan(5);
    await mcp.close();
  });

  it("survives a client that disconnects mid-call", async () => {
    const created = await (async () => {
      const mcp = await httpClient(url, auth);
      const r = await mcp.client.callTool({
        name: "duvo_runs_create",
        arguments: { agent_id: "16fd2706-8baf-433b-82eb-8c7fada847da" },
      });
      await mcp.close();
      return (r.structuredContent as { id: string }).id;
    })();
    const mcp = await httpClient(url, auth);
    const waiting = mcp.client.callTool({
      name: "duvo_runs_wait",
      arguments: { run_id: created, timeout_seconds: 120 },
    });
    await expect.poll(() => sims.duvo.count("getRun")).toBeGreaterThan(1);
    // The client goes away without a word (no cancellation, no session end): its connection just closes.
    await mcp.close();
    await expect(waiting).rejects.toThrow();
    // The server stopped polling for the gone client, and serves the next one.
    const polls = sims.duvo.count("getRun");
    await new Promise((r) => setTimeout(r, 300));
    expect(sims.duvo.count("getRun")).toBeLessThanOrEqual(polls + 1);
    const next = await httpClient(url, auth);
    const got = await next.client.callTool({ name: "duvo_runs_get", arguments: { run_id: created } });
    expect(got.isError).toBeFalsy();
    expect(textOf(got)).toContain(created);
    await next.close();
    expect(stderr.join("\n")).not.toContain(KEYS.DUVO_API_KEY);
    expect(stderr.join("\n")).not.toContain(TOKEN);
  });
});
