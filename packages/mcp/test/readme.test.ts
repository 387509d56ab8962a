// The README's examples run as written: the `mcpServers` entry a desktop client would start (its command, args and
// env, with the base URL pointed at the simulator), and the in-process example.
import { mkdtemp, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { readmeExamples, runExample } from "@agentruns/testkit";
import { afterAll, beforeAll, expect, it } from "vitest";
import { BIN, cleanEnv, simulators } from "./harness.js";

const here = path.resolve(import.meta.dirname, "..");
let sims: Awaited<ReturnType<typeof simulators>>;
beforeAll(async () => void (sims = await simulators()));
afterAll(() => sims?.close());

it("the mcpServers entry starts a server a client lists and calls", async () => {
  const [json] = await readmeExamples(path.join(here, "README.md"), "json");
  const entry = JSON.parse(json!).mcpServers.agentruns as {
    command: string;
    args: string[];
    env: Record<string, string>;
  };
  // `agentruns-mcp` on PATH, as `npm install -g` puts it there.
  const bin = await mkdtemp(path.join(tmpdir(), "agentruns-mcp-bin-"));
  await symlink(BIN, path.join(bin, entry.command));
  const env = cleanEnv({ ...entry.env, DUVO_BASE_URL: sims.duvo.url });
  env.PATH = `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${env.PATH ?? ""}`;
  const client = new Client({ name: "desktop", version: "1.0.0" });
  await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, env }));
  const names = (await client.listTools()).tools.map((t) => t.name);
  expect(names.every((n) => n.startsWith("duvo_"))).toBe(true);
  const page = await client.callTool({ name: "duvo_runs_list", arguments: { limit: 1 } });
  expect((page.structuredContent as { items: unknown[] }).items).toHaveLength(1);
  expect(sims.duvo.requests.at(-1)!.headers.authorization).toBe(`Bearer ${entry.env.DUVO_API_KEY}`);
  await client.close();
});

it("the in-process example prints a page of two runs and its next token", async () => {
  const [code] = await readmeExamples(path.join(here, "README.md"), "js");
  const { stdout } = await runExample(here, code!, {
    DUVO_API_KEY: "example-key",
    DUVO_BASE_URL: sims.duvo.url,
  });
  expect(stdout).toBe("2 string\n");
});
