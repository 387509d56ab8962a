// One tiny spec per failure class the directory run found (fixtures/generality/, each naming its class in
// info.description): through the same path as `pnpm corpus` — generate both packages, build them and type-check the
// ergonomic one with its smoke test under strict — and the generated smoke tests then run against a loopback server,
// all in one vitest process (starting vitest per fixture was a third of the file's time).
import { readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkSpec } from "../src/directory/check-spec.js";
import { runSmokeTests } from "../src/directory/smoke-run.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const fixtures = path.join(here, "fixtures", "generality");
const files = readdirSync(fixtures)
  .filter((f) => f.endsWith(".openapi.json"))
  .sort();
/** Every fixture's scratch workspace, side by side, so that one vitest run finds all their smoke tests. */
const batch = path.join(os.tmpdir(), `agentruns-generality-${process.pid}`);
const built = new Map<string, string>();
afterAll(() => rm(batch, { recursive: true, force: true }));

describe.each(files)("%s", (file) => {
  it(
    "generates, builds, and type-checks both packages with the smoke test",
    { timeout: 120_000 },
    async () => {
      const id = `fx-${file.replace(/\.openapi\.json$/, "")}`;
      const check = await checkSpec({
        repo,
        corpusPackage: here,
        root: path.join(batch, id),
        id,
        specFile: path.join(fixtures, file),
        compare: false,
        keep: true,
      });
      const failed = Object.entries(check.stages).filter(([stage, r]) => stage !== "alone" && !r.ok);
      expect(failed.map(([stage, r]) => `${stage}: ${r.errors?.join("\n")}`)).toEqual([]);
      expect(Object.keys(check.stages)).toEqual(["generate", "typed", "ergonomic", "smoke"]);
      built.set(file, path.join(batch, id, "packages", id));
    },
  );
});

it(
  "every fixture's generated smoke test passes against a loopback server",
  { timeout: 300_000 },
  async () => {
    expect([...built.keys()].sort()).toEqual(files);
    expect(await runSmokeTests(here, batch, [...built.values()])).toEqual([]);
  },
);
