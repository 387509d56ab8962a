// Every example in the README runs as published (built dist, imported by package name) against the Duvo simulator
// and prints exactly the output the README shows.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runReadmeExamples } from "@agentruns/testkit";
import { startDuvoSimulator, type Simulator } from "@agentruns/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let sim: Simulator;
beforeAll(async () => {
  sim = await startDuvoSimulator({ runs: 300, rateLimit: false, defaultAgent: { stepMs: 20 } });
});
afterAll(() => sim.close());

it(
  "README examples type-check under strict, run, and print what the README says",
  { timeout: 120_000 },
  async () => {
    // The TypeScript blocks are type-checked together under strict, then each runs as published.
    const examples = await runReadmeExamples(dir, path.join(dir, "README.md"), {
      DUVO_API_KEY: "readme-key",
      DUVO_BASE_URL: sim.url,
    });
    expect(examples.length).toBeGreaterThan(0);
    for (const { stdout, output } of examples)
      if (output !== undefined) expect(stdout.trim()).toBe(output.trim());
    expect(sim.violations).toEqual([]);
  },
);
