// `pnpm demo` runs end to end and tells the story the README promises.
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const demo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../dist/demo.js");

it("lists across pages and takes a Duvo run through its human request to completion", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [demo], { timeout: 60_000 });
  const lines = stdout.split("\n");
  expect(lines).toContain(
    "  list status=completed page 3: 50 of 590; first: Support Triage: purchase order from Wonka",
  );
  const story = [
    "created run",
    "… status waiting",
    'human request (approval): "Approve the payment of 1,250.00 EUR?"',
    "responded: approved",
    "… status completed",
    "posted a follow-up message",
    "… status completed",
  ];
  let at = 0;
  for (const step of story) {
    at = lines.findIndex((l, i) => i >= at && l.includes(step));
    expect(at, step).toBeGreaterThan(-1);
  }
  expect(stdout).toContain("assistant Noted: Also email the customer, please.");
  expect(stdout).toContain("walked all 5 pages");
  expect(stdout).toContain("metadata.team=billing: 359 runs in 4 pages");
  // The CLI part: agentruns sim, then a cross-provider table of failed runs and the stats.
  const cli = lines.slice(lines.indexOf("▶ The agentruns CLI across the three simulators (no API key)"));
  expect(cli[2]).toBe("  $ agentruns runs list --status failed --since 7d --limit 6");
  expect(cli[3]).toMatch(/^ {4}PROVIDER\s+STATUS\s+CREATED\s+DURATION\s+ID\s+TITLE$/);
  for (const row of cli.slice(4, 10)) expect(row).toMatch(/^ {4}(duvo|avido|duckie)\s+failed /);
  expect(cli[10]).toBe("  $ agentruns runs stats --since 14d");
  expect(cli[11]).toMatch(/^ {4}provider\s+.*total$/);
  expect(stdout).toMatch(/per day since \d{4}-\d{2}-\d{2}: [▁▂▃▄▅▆▇█]{15} \(max \d+\/day, \d+ runs\)/);
}, 60_000);
