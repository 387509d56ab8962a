// The agentruns-sim command: starts a simulator on the given port, serves real requests, exits cleanly on SIGTERM.
import { freePort } from "@agentruns/testkit";
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/agentruns-sim.js");

function runCli(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c) => (out += c));
  child.stderr.on("data", (c) => (err += c));
  const exited = once(child, "exit").then(([code]) => code as number);
  return { child, exited, out: () => out, err: () => err };
}

describe("agentruns-sim", () => {
  it("serves the named provider on --port until SIGTERM", async () => {
    const port = await freePort();
    const cli = runCli([
      "duckie",
      "--port",
      String(port),
      "--runs",
      "30",
      "--api-key",
      "dk_cli",
      "--log-size",
      "50",
    ]);
    while (!cli.out().includes("listening")) await new Promise((r) => setTimeout(r, 20));
    expect(cli.out()).toContain(
      `duckie simulator listening on http://127.0.0.1:${port} (30 seeded runs, seed 1, log of 50 requests)`,
    );
    const ok = await fetch(`http://127.0.0.1:${port}/api/v1/runs?limit=100`, {
      headers: { authorization: "Bearer dk_cli" },
    });
    expect((await ok.json()).data).toHaveLength(30);
    const refused = await fetch(`http://127.0.0.1:${port}/api/v1/runs`, {
      headers: { authorization: "Bearer other" },
    });
    expect(refused.status).toBe(401);
    expect(cli.out()).toMatch(/GET \/api\/v1\/runs 200 \d+ms/);
    cli.child.kill("SIGTERM");
    expect(await cli.exited).toBe(0);
  });

  it("rejects an unknown provider or a bad number with usage and exit code 2", async () => {
    const unknown = runCli(["acme"]);
    expect(await unknown.exited).toBe(2);
    expect(unknown.err()).toContain('Unknown provider "acme".');
    expect(unknown.err()).toContain("Usage: agentruns-sim <duvo|avido|duckie>");
    const bad = runCli(["duvo", "--port", "http"]);
    expect(await bad.exited).toBe(2);
    expect(bad.err()).toContain('--port must be a whole number from 0 to 65535, got "http"');
  });
});
