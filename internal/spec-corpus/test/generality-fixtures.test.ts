// One tiny spec per failure class the directory run found (fixtures/generality/, each naming its class in
// info.description): through the same path as `pnpm corpus` — generate both packages, build them and type-check the
// ergonomic one with its smoke test under strict — and the generated smoke test then runs against a loopback server.
import { readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkSpec } from "../src/directory/check-spec.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const fixtures = path.join(here, "fixtures", "generality");
const files = readdirSync(fixtures)
  .filter((f) => f.endsWith(".openapi.json"))
  .sort();

describe.each(files)("%s", (file) => {
  it("generates, builds, type-checks and passes its smoke test", { timeout: 120_000 }, async () => {
    const id = `fx-${file.replace(/\.openapi\.json$/, "")}`;
    const check = await checkSpec({
      repo,
      corpusPackage: here,
      root: path.join(os.tmpdir(), `agentruns-generality-${id}-${process.pid}`),
      id,
      specFile: path.join(fixtures, file),
      runSmoke: true,
      compare: false,
    });
    const failed = Object.entries(check.stages).filter(([stage, r]) => stage !== "alone" && !r.ok);
    expect(failed.map(([stage, r]) => `${stage}: ${r.errors?.join("\n")}`)).toEqual([]);
    expect(Object.keys(check.stages)).toEqual(["generate", "typed", "ergonomic", "smoke", "run"]);
  });
});
