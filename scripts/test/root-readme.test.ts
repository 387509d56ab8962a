// The root README's Duvo example runs against the Duvo simulator and does what its comments say.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readmeExamples, runExample } from "@agentruns/testkit";
import { startDuvoSimulator } from "@agentruns/simulators";
import { expect, it } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

it("the Duvo quick start creates a run, waits for it to need a human, and lists every failed run", async () => {
  const sim = await startDuvoSimulator({ runs: 400, rateLimit: false, defaultAgent: { stepMs: 20 } });
  try {
    const example = (await readmeExamples(path.join(repo, "README.md"), "ts")).find((code) =>
      code.includes("@agentruns/duvo"),
    );
    // waitFor's default pace is Duvo's (5 s); the example runs with that default, so give the poll a moment.
    // TypeScript, type-checked under strict before it runs.
    const { stdout } = await runExample(
      path.join(repo, "packages/duvo"),
      example!,
      { DUVO_API_KEY: "k", DUVO_BASE_URL: sim.url },
      { typescript: true },
    );
    const failed = sim.store.runs.filter((r) => r.status === "failed").length;
    expect(stdout.trim().split("\n")).toEqual(["waiting approval", String(failed)]);
    expect(sim.count("createRun")).toBe(1);
    expect(sim.violations).toEqual([]);
  } finally {
    await sim.close();
  }
}, 30_000);
