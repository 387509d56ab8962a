// The stdio server as a desktop client runs it: malformed input is skipped, stdin's end stops it, bad flags and
// unconfigured providers exit 2 with a message (never a stack, never a key).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@agentruns/simulators";
import { PROVIDERS } from "../src/generated/providers.js";
import { BIN, cleanEnv, KEYS, simulators, stdioClient, textOf } from "./harness.js";

let sims: Awaited<ReturnType<typeof simulators>>;
beforeAll(async () => void (sims = await simulators()));
afterAll(() => sims?.close());

/** Runs the bin to its end with `input` on stdin. */
function run(args: string[], env: Record<string, string>, input = "") {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const initialize = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

describe("agentruns-mcp on stdio", () => {
  it("skips malformed lines and answers the next request, then ends with stdin", async () => {
    const input = [
      "{not json",
      JSON.stringify({ jsonrpc: "2.0" }),
      "[]",
      JSON.stringify(initialize),
      "",
    ].join("\n");
    const r = await run([], sims.env, input);
    expect(r.code).toBe(0);
    const answers = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(answers.at(-1)).toMatchObject({ id: 1, result: { serverInfo: { name: "agentruns" } } });
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("serves only the configured providers by default, and --provider names them", async () => {
    const onlyDuckie = cleanEnv({ DUCKIE_API_KEY: KEYS.DUCKIE_API_KEY, DUCKIE_BASE_URL: sims.duckie.url });
    const mcp = await stdioClient([], onlyDuckie);
    const names = (await mcp.client.listTools()).tools.map((t) => t.name);
    expect(names.every((n) => n.startsWith("duckie_"))).toBe(true);
    await mcp.close();

    const asked = await run(["--provider", "duvo"], onlyDuckie);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain("Duvo needs apiKey: set DUVO_API_KEY");
    const none = await run([], cleanEnv({}));
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      "no provider is configured: set DUVO_API_KEY, or AVIDO_API_KEY + AVIDO_APPLICATION_ID",
    );
    const unknown = await run(["--provider", "acme"], sims.env);
    // Every provider of providers.ts, the three seeds first.
    const ids = PROVIDERS.map((p) => p.id);
    expect(ids.slice(0, 3)).toEqual(["duvo", "avido", "duckie"]);
    expect(unknown.stderr).toContain(`unknown provider acme (providers: ${ids.join(", ")})`);
  });

  it("reports a wrong key as a tool error naming the status and the setting, never the key", async () => {
    const strict = await startSimulator("duvo", { runs: 5, rateLimit: false, apiKeys: ["the-right-key-1"] });
    try {
      const mcp = await stdioClient(
        ["--provider", "duvo"],
        cleanEnv({ DUVO_API_KEY: "a-wrong-key-999", DUVO_BASE_URL: strict.url }),
      );
      const r = await mcp.client.callTool({ name: "duvo_runs_list", arguments: {} });
      expect(r.isError).toBe(true);
      expect(textOf(r)).toMatch(/^Duvo AuthenticationError 401 GET \/v1\/runs.*: check DUVO_API_KEY$/);
      await mcp.close();
      expect(JSON.stringify(r) + mcp.stderr()).not.toContain("a-wrong-key-999");
    } finally {
      await strict.close();
    }
  });

  it("rejects bad flags with usage and exit code 2", async () => {
    for (const args of [["--mode", "fast"], ["--port", "x", "--http"], ["--frobnicate"]]) {
      const r = await run(args, sims.env);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("agentruns-mcp --help");
    }
    const help = await run(["--help"], sims.env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--mode <tools|dynamic>");
    // Every provider of providers.ts by title, and no empty slot in the credentials for one without keys.
    const serves = help.stdout.split("\n").find((l) => l.startsWith("Serves every operation"))!;
    for (const p of PROVIDERS) expect(serves, p.id).toContain(p.title);
    expect(help.stdout).not.toMatch(/, ,|: ,|, \(and/);
    for (const r of [help]) expect(r.stdout + r.stderr).not.toContain(KEYS.DUVO_API_KEY);
  });

  it("filters with --read-only and --tools, and starts dynamic with --mode dynamic", async () => {
    const ro = await run(["--read-only", "--list-tools"], sims.env);
    const listed = JSON.parse(ro.stdout) as { tools: string[]; count: number; bytes: number };
    expect(listed.tools).toContain("duvo_runs_get");
    expect(listed.tools).not.toContain("duvo_runs_create");
    expect(listed.tools).not.toContain("duvo_runs_stop");
    const some = JSON.parse(
      (await run(["--tools", "duvo_runs_*et,avido_*", "--list-tools"], sims.env)).stdout,
    );
    expect(some.tools).toEqual(["duvo_runs_get", "avido_runs_list"]);

    const mcp = await stdioClient(["--mode", "dynamic"], sims.env);
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([
      "search_operations",
      "get_operation_schema",
      "invoke_operation",
    ]);
    const found = await mcp.client.callTool({ name: "search_operations", arguments: { query: "runs list" } });
    const ops = JSON.parse((found.content as { text: string }[])[0]!.text).operations.map(
      (o: { name: string }) => o.name,
    );
    expect(ops).toEqual(expect.arrayContaining(["duvo_runs_list", "avido_runs_list", "duckie_runs_list"]));
    const schema = await mcp.client.callTool({
      name: "get_operation_schema",
      arguments: { name: "duvo_runs_get" },
    });
    expect(JSON.parse((schema.content as { text: string }[])[0]!.text).inputSchema.required).toEqual([
      "run_id",
    ]);
    const invoked = await mcp.client.callTool({
      name: "invoke_operation",
      arguments: { name: "avido_runs_list", arguments: { limit: 2 } },
    });
    expect(invoked.isError).toBeFalsy();
    expect(JSON.parse((invoked.content as { text: string }[])[0]!.text).items).toHaveLength(2);
    const wrong = await mcp.client.callTool({ name: "invoke_operation", arguments: { name: "nope" } });
    expect(wrong.isError).toBe(true);
    await mcp.close();
  });
});
