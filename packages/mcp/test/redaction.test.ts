// No credential leaves the server by any road: an upstream that echoes the keys in every place of its answers (values,
// property names, nested arrays, headers, request ids, a human request's question, a run status that becomes a
// progress message) is called through the three providers' tools (pages, objects, errors, the wait tool, dynamic
// mode), on stdio and on HTTP, and every message the client receives (results, errors, notifications, tool lists) and
// every line the server logs is searched for every form of every key. Text, binary and streamed answers, which the
// three specs do not have, are the features spec's (internal/spec-corpus/test/features.test.ts).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import { leaksOf, stringsOf } from "@agentruns/testkit";
import { cleanEnv, httpClient, stdioClient, textOf } from "./harness.js";

// Keys with characters that URL-encoding and JSON-escaping both change, so each form is a different string.
const KEYS = {
  DUVO_API_KEY: 'dv_"live"/secret+key=0123456789',
  AVIDO_API_KEY: "av_live/secret+key=9876543210",
  AVIDO_APPLICATION_ID: "app_secret_application_42",
  DUCKIE_API_KEY: "dk_live\\secret+key=5555",
};
const SECRETS = Object.values(KEYS);
const TOKEN = "mcp-token-0123456789abcdef";
const RUN = "16fd2706-8baf-433b-82eb-8c7fada847da";
const REQUEST = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const D = KEYS.DUVO_API_KEY;

const leaks = (values: readonly unknown[]) => leaksOf(SECRETS, values);

const validRun = (status: string) => ({
  id: RUN,
  agent_id: "0f8fad5b-d9cb-469f-a165-70867728950e",
  build_id: "0f8fad5b-d9cb-469f-a165-70867728950f",
  status,
  source: "api",
  sandbox_id: null,
  started_at: null,
  completed_at: null,
  created_at: "2026-12-07T10:00:00.000Z",
  updated_at: "2026-12-07T10:00:00.000Z",
  human_in_the_loop_enabled: true,
});

/** The upstream of all three providers: every answer carries the key of the request that asked for it. */
function echoUpstream() {
  let polls = 0;
  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, key: string) => {
    res.writeHead(status, {
      "content-type": type,
      "x-request-id": `req-${key}`,
      "x-echo": encodeURIComponent(key),
    });
    res.end(body);
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://upstream");
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const key = bearer || String(req.headers["x-api-key"] ?? "");
    const json = (status: number, body: unknown) =>
      send(res, status, "application/json", JSON.stringify(body), key);
    const nested = {
      [key]: { list: [key, { [encodeURIComponent(key)]: [key] }], escaped: JSON.stringify(key) },
    };
    const path = url.pathname;
    if (path === "/api/v1/runs") {
      // Duckie's list: items whose property names and nested arrays hold the key.
      return json(200, {
        data: [
          {
            id: "0f8fad5b-d9cb-469f-a165-70867728950e",
            created_at: "2026-12-07T10:00:00Z",
            updated_at: "2026-12-07T10:00:00Z",
            status: `completed by ${key}`,
            ...nested,
          },
        ],
        pagination: { limit: 5, has_more: false, next_cursor: null },
      });
    }
    if (path === "/v0/runs") {
      // Avido: an error whose body, request id and headers hold the key.
      return json(400, { message: `key ${key} refused`, error: { detail: key, ...nested } });
    }
    if (path === `/v1/runs/${RUN}` && req.method === "GET") {
      // Duvo's run: first a status that names the key (a progress message), then a human request about it.
      if (++polls === 1) return json(200, { run: validRun(`running ${key}`), pending_human_request: null });
      return json(200, {
        run: { ...validRun("waiting"), [key]: nested },
        pending_human_request: {
          id: REQUEST,
          title: `Approve the payment made with ${key}`,
          description: `URL ?token=${encodeURIComponent(key)} and JSON ${JSON.stringify(key)}`,
          created_at: "2026-12-07T10:00:00.000Z",
          type: "question",
          questions: [
            {
              question: `Is ${key} yours?`,
              options: [{ label: key, description: `the key ${key}` }],
            },
          ],
        },
      });
    }
    return json(404, { message: `no route for ${key} at ${path}` });
  };
  const server = createServer(handle);
  return {
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    reset: () => void (polls = 0),
    close: () =>
      new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Records every message the client receives on `transport` (set after connect, in front of the client's handler). */
function recordMessages(transport: Transport): unknown[] {
  const seen: unknown[] = [];
  const deliver = transport.onmessage!;
  transport.onmessage = (message, extra) => {
    seen.push(message);
    deliver(message, extra);
  };
  return seen;
}

/** Every tool kind, each with an answer that holds the keys; what the calls returned, for the positive checks. */
async function callEveryKind(client: Client, reset: () => void) {
  reset();
  const changed = new Promise<void>((resolve) =>
    client.setNotificationHandler(ToolListChangedNotificationSchema, async () => resolve()),
  );
  const progress: string[] = [];
  const call = (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args });
  const results = {
    page: await call("duckie_runs_list", { limit: 5 }),
    error: await call("avido_runs_list", {}),
    wait: await client.callTool(
      { name: "duvo_runs_wait", arguments: { run_id: RUN, timeout_seconds: 30 } },
      undefined,
      {
        onprogress: (p) => void progress.push(String(p.message)),
      },
    ),
    get: await call("duvo_runs_get", { run_id: RUN }),
  };
  await changed;
  return { results, progress };
}

let upstream: ReturnType<typeof echoUpstream>;
let env: Record<string, string>;
beforeAll(async () => {
  upstream = echoUpstream();
  const url = await upstream.start();
  env = cleanEnv({ ...KEYS, DUVO_BASE_URL: url, AVIDO_BASE_URL: url, DUCKIE_BASE_URL: url });
});
afterAll(() => upstream?.close());

/** What every transport's run must show: the calls happened, the keys were replaced, none is left. */
function expectRedacted(run: Awaited<ReturnType<typeof callEveryKind>>, seen: unknown[], logs: string[]) {
  const { results, progress } = run;
  // The calls did what they do (so the search below is not of empty answers).
  const page = results.page.structuredContent as { items: Record<string, unknown>[] };
  expect(Object.keys(page.items[0]!)).toContain("[redacted]");
  expect(results.error.isError).toBe(true);
  expect(textOf(results.error)).toContain("400");
  expect((results.wait.structuredContent as { settled: boolean }).settled).toBe(true);
  expect(progress.join("\n")).toContain("run running [redacted]");
  expect(textOf(results.get)).toContain("[redacted]");
  // The respond tool's description changed to show the question, with the key replaced.
  const respond = seen
    .flatMap(
      (m) => (m as { result?: { tools?: { name: string; description: string }[] } }).result?.tools ?? [],
    )
    .filter((t) => t.name === "duvo_runs_human_requests_respond")
    .at(-1)!;
  expect(respond.description).toContain("Approve the payment made with [redacted]");
  // And no form of any key anywhere.
  expect(leaks(seen)).toEqual([]);
  expect(leaks(logs)).toEqual([]);
}

describe("redaction at the server's output boundary", () => {
  it("over stdio: no key in any result, error, notification, tool list or log line", async () => {
    const mcp = await stdioClient(["--poll-interval", "0.05", "--max-answer-bytes", "1024"], env);
    const seen = recordMessages(mcp.transport);
    const run = await callEveryKind(mcp.client, upstream.reset);
    seen.push(await mcp.client.listTools());
    await mcp.close();
    expectRedacted(run, seen, [mcp.stderr()]);
  });

  it("over HTTP: the same, and the server's bearer token is never echoed either", async () => {
    const logs: string[] = [];
    const started = await main(
      [
        "--http",
        "--port",
        "0",
        "--auth-token",
        TOKEN,
        "--poll-interval",
        "0.05",
        "--max-answer-bytes",
        "1024",
      ],
      { env, stderr: (l) => void logs.push(l) },
    );
    try {
      const url = /on (http:\/\/\S+)/.exec(logs.join("\n"))![1]!;
      const mcp = await httpClient(url, { authorization: `Bearer ${TOKEN}` });
      const transport = (mcp.client as unknown as { transport: Transport }).transport;
      const seen = recordMessages(transport);
      const run = await callEveryKind(mcp.client, upstream.reset);
      seen.push(await mcp.client.listTools());
      await mcp.close();
      expectRedacted(run, seen, logs);
      expect(leaksOf([TOKEN], [...seen, ...logs])).toEqual([]);
    } finally {
      await started.stop?.();
    }
  });

  it("in dynamic mode: invoke_operation's answers and errors", async () => {
    const mcp = await stdioClient(["--mode", "dynamic", "--poll-interval", "0.05"], env);
    const seen = recordMessages(mcp.transport);
    const page = await mcp.client.callTool({
      name: "invoke_operation",
      arguments: { name: "duckie_runs_list", arguments: { limit: 2 } },
    });
    const error = await mcp.client.callTool({
      name: "invoke_operation",
      arguments: { name: "avido_runs_list" },
    });
    await mcp.close();
    expect(textOf(page)).toContain('"[redacted]"');
    expect(error.isError).toBe(true);
    expect(leaks(seen)).toEqual([]);
    expect(leaks([mcp.stderr()])).toEqual([]);
  });

  it("finds what it looks for: a message holding a key in any form is reported", () => {
    expect(leaks([{ content: [{ type: "text", text: `x ${encodeURIComponent(D)}` }] }])).toHaveLength(1);
    expect(leaks([{ [D.slice(0, 10)]: 1 }])).toHaveLength(1);
    expect(stringsOf({ type: "image", data: Buffer.from(`..${D}..`).toString("base64") }).join()).toContain(
      D,
    );
  });
});
