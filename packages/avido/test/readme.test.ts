// Every example in the README runs as published (built dist, imported by package name) against the Avido simulator
// and prints exactly the output the README shows.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readmeExamplePairs, runExample } from "@agentruns/testkit";
import { startAvidoSimulator, type Simulator } from "@agentruns/simulators";
import { afterAll, beforeAll, expect, it } from "vitest";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
let sim: Simulator;
beforeAll(async () => {
  sim = await startAvidoSimulator({ runs: 250 });
});
afterAll(() => sim.close());

it("README examples print what the README says", async () => {
  const examples = await readmeExamplePairs(path.join(dir, "README.md"));
  expect(examples.length).toBeGreaterThan(0);
  for (const { code, output, typescript } of examples) {
    const { stdout } = await runExample(
      dir,
      code,
      {
        AVIDO_API_KEY: "readme-key",
        AVIDO_BASE_URL: sim.url,
        AVIDO_APPLICATION_ID: "app_readme",
      },
      { typescript },
    );
    if (output !== undefined) expect(stdout.trim()).toBe(output.trim());
  }
  expect(sim.violations).toEqual([]);
});
