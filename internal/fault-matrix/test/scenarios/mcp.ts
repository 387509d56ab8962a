// The MCP server as a long-running service and the last guard of credentials: the classes an adversarial probe found
// (a key as a property name, a key in a human request or a run status, oversized bodies, sessions that pile up, a
// query no server takes), each on stdio and on HTTP where the class exists on both.
import { leaksOf, slowPost } from "@agentruns/testkit";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { expect } from "vitest";
import { mcpEnv, mcpHttp, mcpSession, type McpTransportName } from "../mcp.js";
import { AGENT, KEY, type Scenario } from "../scenario.js";

const group = "MCP server";
const BOTH: McpTransportName[] = ["stdio", "HTTP"];
const RUN = "16fd2706-8baf-433b-82eb-8c7fada847da";
const REQUEST = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

const env = (url: string) =>
  mcpEnv({ DUVO_API_KEY: KEY, DUVO_BASE_URL: url, DUCKIE_API_KEY: KEY, DUCKIE_BASE_URL: url });

const run = (status: string) => ({
  id: RUN,
  agent_id: AGENT,
  build_id: AGENT,
  status,
  source: "api",
  sandbox_id: null,
  started_at: null,
  completed_at: null,
  created_at: "2026-12-07T10:00:00.000Z",
  updated_at: "2026-12-07T10:00:00.000Z",
  human_in_the_loop_enabled: true,
});

const initialize = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
});
const init = (url: string, session?: string) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(session ? { "mcp-session-id": session } : {}),
    },
    body: initialize,
  });

export const mcp: Scenario[] = [
  {
    group,
    name: "a key as a property name of an answer",
    promise:
      "`[redacted]` as the name in text and structuredContent; no form of the key in any message, stdio and HTTP",
    timeoutMs: 120_000,
    async run({ capture }) {
      capture.reset();
      capture.respondWith({
        body: {
          data: [
            {
              id: AGENT,
              created_at: "2026-12-07T10:00:00Z",
              updated_at: "2026-12-07T10:00:00Z",
              status: "completed",
              tokens: { [KEY]: { scopes: [KEY, { [encodeURIComponent(KEY)]: 1 }] } },
            },
          ],
          pagination: { limit: 1, has_more: false, next_cursor: null },
        },
      });
      for (const over of BOTH) {
        const mcp = await mcpSession(over, [], env(capture.url));
        const r = await mcp.client.callTool({ name: "duckie_runs_list", arguments: { limit: 1 } });
        await mcp.close();
        const item = (r.structuredContent as { items: { tokens: object }[] }).items[0]!;
        expect(Object.keys(item.tokens)).toEqual(["[redacted]"]);
        expect(leaksOf([KEY], [...mcp.seen, mcp.logs()]), over).toEqual([]);
      }
      return "stdio and HTTP: the name is `[redacted]` in text and structured content; no form of the key in any message or log line";
    },
  },
  {
    group,
    name: "a key in a human request and in a run's status",
    promise:
      "redacted in the wait's result, its progress messages and the respond tool's changed description",
    timeoutMs: 120_000,
    async run({ capture }) {
      const outcomes: string[] = [];
      for (const over of BOTH) {
        let polls = 0;
        capture.reset();
        capture.respondWith(() =>
          ++polls === 1
            ? { body: { run: run(`running ${KEY}`), pending_human_request: null } }
            : {
                body: {
                  run: run("waiting"),
                  pending_human_request: {
                    id: REQUEST,
                    title: `Approve the payment made with ${KEY}`,
                    description: `token=${encodeURIComponent(KEY)}`,
                    created_at: "2026-12-07T10:00:00.000Z",
                    type: "question",
                    questions: [{ question: `Is ${KEY} yours?`, options: [{ label: KEY }] }],
                  },
                },
              },
        );
        const mcp = await mcpSession(over, ["--poll-interval", "0.05"], env(capture.url));
        const changed = new Promise<void>((resolve) =>
          mcp.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => resolve()),
        );
        const progress: string[] = [];
        await mcp.client.callTool(
          { name: "duvo_runs_wait", arguments: { run_id: RUN, timeout_seconds: 30 } },
          undefined,
          { onprogress: (p) => void progress.push(String(p.message)) },
        );
        await changed;
        const { tools } = await mcp.client.listTools();
        await mcp.close();
        const respond = tools.find((t) => t.name === "duvo_runs_human_requests_respond")!;
        expect(respond.description).toContain("Approve the payment made with [redacted]");
        expect(progress).toContain("run running [redacted]");
        expect(leaksOf([KEY], [...mcp.seen, tools, mcp.logs()]), over).toEqual([]);
        outcomes.push(over);
      }
      return `${outcomes.join(" and ")}: the description, the progress message and the result say \`[redacted]\``;
    },
  },
  {
    group,
    name: "a body over the limit, declared by Content-Length",
    promise: "413 at once, before any of the body is read; the server keeps serving",
    async run({ capture }) {
      const http = await mcpHttp([], env(capture.url));
      try {
        const r = await slowPost(http.url, { "content-length": String(64 * 1024 * 1024) }, 0);
        expect(r).toEqual({ status: "HTTP/1.1 413 Payload Too Large", sent: 0 });
        expect((await init(http.url)).status).toBe(200);
        return `${r.status.slice(9)} with 0 bytes of the body sent; the next initialize answered 200`;
      } finally {
        await http.stop();
      }
    },
  },
  {
    group,
    name: "a chunked body that passes the limit",
    promise: "413 as soon as it passes the limit (4 MiB), not after the whole body",
    async run({ capture }) {
      const http = await mcpHttp([], env(capture.url));
      try {
        // 4 MiB is 256 pieces of 16 KiB; 2,048 pieces would be 32 MiB.
        const r = await slowPost(http.url, { "transfer-encoding": "chunked" }, 2_048, 2);
        expect(r.status).toBe("HTTP/1.1 413 Payload Too Large");
        expect(r.sent).toBeGreaterThan(256);
        expect(r.sent).toBeLessThan(512);
        return `${r.status.slice(9)} after 4 MiB, long before the 32 MiB the client meant to send`;
      } finally {
        await http.stop();
      }
    },
  },
  {
    group,
    name: "a session left idle",
    promise: "closed after --session-idle; its client is told to initialize again (404)",
    async run({ capture }) {
      const http = await mcpHttp(["--session-idle", "0.2"], env(capture.url));
      try {
        const first = await init(http.url);
        const session = first.headers.get("mcp-session-id")!;
        await first.arrayBuffer();
        await new Promise((r) => setTimeout(r, 700));
        const later = await init(http.url, session);
        expect(later.status).toBe(404);
        return "404 Session not found after the idle time";
      } finally {
        await http.stop();
      }
    },
  },
  {
    group,
    name: "more sessions than --max-sessions, opened and dropped",
    promise: "a new session closes the longest idle one; the count stays at the cap",
    async run({ capture }) {
      const http = await mcpHttp(["--max-sessions", "3"], env(capture.url));
      try {
        const ids: string[] = [];
        for (let i = 0; i < 10; i++) {
          const r = await init(http.url);
          expect(r.status).toBe(200);
          ids.push(r.headers.get("mcp-session-id")!);
          await r.arrayBuffer();
        }
        const statuses = [];
        for (const id of ids) {
          const r = await fetch(http.url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              accept: "application/json, text/event-stream",
              "mcp-session-id": id,
              "mcp-protocol-version": "2025-06-18",
            },
            body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/list" }),
          });
          statuses.push(r.status);
          await r.arrayBuffer();
        }
        expect(statuses).toEqual([404, 404, 404, 404, 404, 404, 404, 200, 200, 200]);
        return "10 opened: the 7 longest idle closed (404), the 3 newest serve";
      } finally {
        await http.stop();
      }
    },
  },
  {
    group,
    name: "a 2 MB query argument",
    promise: "ValidationError naming the parameter, nothing sent, no retries; stdio and HTTP",
    timeoutMs: 120_000,
    async run({ capture }) {
      for (const over of BOTH) {
        capture.reset();
        const mcp = await mcpSession(over, [], env(capture.url));
        const r = await mcp.client.callTool({
          name: "duvo_runs_list",
          arguments: { search: "x".repeat(2_000_000) },
        });
        await mcp.close();
        expect(r.isError).toBe(true);
        const text = (r.content as { text: string }[])[0]!.text;
        expect(text).toMatch(/^ValidationError \(query\.search\): .*query\.search is 2000000 of them/);
        expect(capture.requests).toHaveLength(0);
      }
      return "stdio and HTTP: `ValidationError (query.search)`, 0 requests sent";
    },
  },
];
