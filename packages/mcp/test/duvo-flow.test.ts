// The Duvo flow through MCP tools, as an assistant would run it: create → wait (progress) → respond → messages →
// completed; the respond tool's description shows the pending question after the wait; failures are tool results.
import { ToolListChangedNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KEYS, simulators, stdioClient, textOf } from "./harness.js";

const ASKER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
let sims: Awaited<ReturnType<typeof simulators>>;
let mcp: Awaited<ReturnType<typeof stdioClient>>;
let listChanges = 0;

beforeAll(async () => {
  sims = await simulators({ [ASKER]: { asks: "question", stepMs: 100 } });
  mcp = await stdioClient(["--poll-interval", "0.05"], sims.env);
  mcp.client.setNotificationHandler(ToolListChangedNotificationSchema, async () => void listChanges++);
});
afterAll(async () => {
  await mcp?.close();
  await sims?.close();
});

const call = (name: string, args: Record<string, unknown>) => mcp.client.callTool({ name, arguments: args });

describe("the Duvo flow", () => {
  it("create → wait → respond → messages → completed", async () => {
    const created = await call("duvo_runs_create", { agent_id: ASKER, message: "Refund order 1042" });
    expect(created.isError).toBeFalsy();
    // What `duvo.runs.create()` answers, the run itself (the entry unwraps `run`), not the wire's `{ run }`.
    expect(created.structuredContent).toMatchObject({ agent_id: ASKER, status: expect.any(String) });
    expect(created.structuredContent).not.toHaveProperty("run");
    const runId = (created.structuredContent as { id: string }).id;
    expect(sims.duvo.count("createRun")).toBe(1);

    const progress: string[] = [];
    const waited = await mcp.client.callTool(
      { name: "duvo_runs_wait", arguments: { run_id: runId, timeout_seconds: 30 } },
      undefined,
      { onprogress: (p) => void progress.push(String(p.message)) },
    );
    expect(waited.isError).toBeFalsy();
    const state = waited.structuredContent as {
      settled: boolean;
      run: { status: string };
      pending_human_request: { id: string; questions: { question: string; options?: { label: string }[] }[] };
    };
    expect(state.settled).toBe(true);
    expect(state.run.status).toBe("waiting");
    expect(progress.length).toBeGreaterThan(0);
    for (const message of progress) expect(message).toMatch(/^run (pending|starting|running|waiting)$/);
    const question = state.pending_human_request.questions[0]!;
    expect(textOf(waited)).toContain(`"${question.question}"`);
    expect(textOf(waited)).toContain("duvo_runs_human_requests_respond");

    // The respond tool's description now shows what the run asks, and the client was told the list changed.
    await expect.poll(() => listChanges).toBeGreaterThan(0);
    const { tools } = await mcp.client.listTools();
    const respond = tools.find((t) => t.name === "duvo_runs_human_requests_respond")!;
    expect(respond.description).toContain(question.question);
    for (const o of question.options ?? []) expect(respond.description).toContain(o.label);

    const answers = Object.fromEntries(
      state.pending_human_request.questions.map((q) => [q.question, q.options?.[0]?.label ?? "yes"]),
    );
    const answered = await call("duvo_runs_human_requests_respond", {
      run_id: runId,
      request_id: state.pending_human_request.id,
      answers,
    });
    expect(answered.isError).toBeFalsy();
    const after = (await mcp.client.listTools()).tools.find(
      (t) => t.name === "duvo_runs_human_requests_respond",
    )!;
    expect(after.description).not.toContain(question.question);

    const sent = await call("duvo_runs_messages_create", {
      run_id: runId,
      message: "Also email the customer",
    });
    expect(sent.isError).toBeFalsy();
    const done = await call("duvo_runs_wait", { run_id: runId, timeout_seconds: 30 });
    expect((done.structuredContent as { run: { status: string } }).run.status).toBe("completed");

    const messages = await call("duvo_runs_messages_list", { run_id: runId });
    const items = (messages.structuredContent as { items: { content?: unknown }[] }).items;
    expect(JSON.stringify(items)).toContain("Also email the customer");
    expect(sims.duvo.count("createRun")).toBe(1);
  });

  it("reports a bad argument, a wrong key and an unknown argument as tool errors naming the problem", async () => {
    const gets = sims.duvo.count("getRun");
    const bad = await call("duvo_runs_get", { run_id: "not-a-uuid" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/run_id/);
    expect(textOf(bad)).toMatch(/uuid/);
    expect(sims.duvo.count("getRun")).toBe(gets);

    const extra = await call("duvo_runs_get", { run_id: "0f8fad5b-d9cb-469f-a165-70867728950e", runId: "x" });
    expect(extra.isError).toBe(true);
    expect(textOf(extra)).toContain('takes no argument "runId" (it takes run_id)');

    // The package's own rule (src/extras/: exactly one of approved or answers) holds for tool calls too.
    const responds = sims.duvo.count("respondToHumanRequest");
    const both = await call("duvo_runs_human_requests_respond", {
      run_id: "0f8fad5b-d9cb-469f-a165-70867728950e",
      request_id: "0f8fad5b-d9cb-469f-a165-70867728950f",
      approved: true,
      answers: { q: "a" },
    });
    expect(both.isError).toBe(true);
    expect(textOf(both)).toContain("pass exactly one of { approved } or { answers }");
    expect(sims.duvo.count("respondToHumanRequest")).toBe(responds);

    const missing = await call("duvo_runs_create", {});
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/agent_id/);
    expect(sims.duvo.count("createRun")).toBe(1);
  });

  it("answers an unknown tool with a JSON-RPC error, and keeps serving", async () => {
    await expect(call("duvo_runs_nope", {})).rejects.toThrow(/Unknown tool: duvo_runs_nope/);
    const still = await call("duvo_runs_list", { limit: 1 });
    expect(still.isError).toBeFalsy();
  });

  it("never lets a credential out: results, errors and stderr", async () => {
    const results = [
      await call("duvo_runs_list", { limit: 2 }),
      await call("duvo_runs_get", { run_id: "00000000-0000-4000-8000-000000000000" }),
      await call("avido_runs_list", { limit: 2 }),
      await call("duckie_runs_list", { limit: 2 }),
    ];
    expect(results[1]!.isError).toBe(true);
    expect(textOf(results[1]!)).toMatch(/404/);
    const everything = JSON.stringify(results) + mcp.stderr();
    for (const key of Object.values(KEYS).filter((k) => k.includes("secret")))
      expect(everything).not.toContain(key);
  });
});
