// Long listings: 100,000 runs stream through a 24 MB heap (memory stays flat), and Ctrl-C mid-listing exits promptly
// with the output closed so it still parses. A loopback server serves Duckie's wire format from a counter.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { duckieRunAt, duckieRunsPage } from "@agentruns/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseEnv, run, start } from "./cli.js";

const TOTAL = 100_000;
let server: Server;
let url: string;
let delayMs = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = duckieRunsPage(req.url!, TOTAL);
    setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end(body), delayMs);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

const env = () => baseEnv({ DUCKIE_BASE_URL: url, DUCKIE_API_KEY: "dk_scale" });

describe("long listings", () => {
  it("streams 100,000 runs through a 24 MB heap, every row once and in order", async () => {
    delayMs = 0;
    const result = await run(["runs", "list", "--provider", "duckie", "--format", "csv"], env(), {
      nodeArgs: ["--max-old-space-size=24"],
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\r\n");
    expect(lines).toHaveLength(TOTAL + 2); // header, rows, the empty string after the last CRLF
    expect(lines[1]!.startsWith("duckie,00000000-0000-4000-8000-000000000000,failed,failed,")).toBe(true);
    expect(
      lines[TOTAL]!.startsWith(`duckie,00000000-0000-4000-8000-${String(TOTAL - 1).padStart(12, "0")},`),
    ).toBe(true);
  }, 120_000);

  it("Ctrl-C during a long listing exits promptly with 130, and the JSON printed so far is closed and parses", async () => {
    delayMs = 30;
    const listing = start(["runs", "list", "--provider", "duckie", "--json"], env());
    await listing.waitFor(/(\n  \{.*){300}/);
    const sent = Date.now();
    listing.child.kill("SIGINT");
    const result = await listing.done;
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(result.code).toBe(130);
    const rows = JSON.parse(result.stdout) as { id: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.length).toBeLessThan(TOTAL);
    rows.forEach((r, i) => expect(r.id).toBe(duckieRunAt(i).id));
  });

  it("a reader that stops reading (| head) ends the listing quietly with exit 0", async () => {
    delayMs = 0;
    const listing = start(["runs", "list", "--provider", "duckie", "--format", "jsonl"], env());
    await listing.waitFor("\n");
    const closed = Date.now();
    listing.child.stdout!.destroy();
    const result = await listing.done;
    expect(Date.now() - closed).toBeLessThan(5_000);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});
