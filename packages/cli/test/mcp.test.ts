// `agentruns mcp`: the MCP server of @agentruns/mcp, reading credentials as every other command does (here: only a
// profile of the config file), driven by the official MCP client over stdio.
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, bin, run, simulators, type Sims } from "./cli.js";

let sims: Sims;
let config: string;
beforeAll(async () => {
  sims = await simulators({ runs: 30, rateLimit: false });
  config = path.join(await mkdtemp(path.join(tmpdir(), "agentruns-mcp-")), "config.json");
  await writeFile(
    config,
    JSON.stringify({
      profiles: { work: { duvo: { apiKey: "profile-duvo-key-1", baseUrl: sims.duvo.url } } },
    }),
  );
});
afterAll(() => sims.close());

describe("agentruns mcp", () => {
  it("serves the profile's providers as tools, read-only when asked", async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, "--profile", "work", "--config", config, "mcp", "--read-only"],
      env: baseEnv(),
      stderr: "pipe",
    });
    let stderr = "";
    transport.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: "cli-test", version: "1.0.0" });
    await client.connect(transport);
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(["duvo_runs_list", "duvo_runs_get", "duvo_runs_messages_list", "duvo_runs_wait"]);
    const page = await client.callTool({ name: "duvo_runs_list", arguments: { limit: 2 } });
    expect((page.structuredContent as { items: unknown[] }).items).toHaveLength(2);
    expect(sims.duvo.requests.at(-1)!.headers.authorization).toBe("Bearer profile-duvo-key-1");
    await client.close();
    expect(JSON.stringify(page) + stderr).not.toContain("profile-duvo-key-1");
  });

  it("passes --help through, and exits 2 when no provider is configured", async () => {
    const help = await run(["mcp", "--help"], baseEnv());
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: agentruns mcp \[options\]/);
    expect(help.stdout).toContain("--mode <tools|dynamic>");
    const none = await run(["mcp"], baseEnv());
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("no provider is configured");
  });
});
