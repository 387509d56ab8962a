// Which of the chosen specs need a run: each spec's result is looked up under its cache key (the spec's bytes under
// the generator's hash); the rest become jobs for the pool, each with a scratch workspace of its own.
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Job } from "./pool.js";
import { resultKey, type ResultStore, type SpecResult } from "./result.js";
import { providerIdOf } from "./sample.js";
import type { DirectorySpec } from "./source.js";

export interface Plan {
  /** Results already in the store, by directory id. */
  cached: Map<string, SpecResult>;
  jobs: Job[];
}

export async function planRun(opts: {
  repo: string;
  corpusPackage: string;
  specs: readonly DirectorySpec[];
  files: ReadonlyMap<string, string>;
  generator: string;
  store: ResultStore;
  /** Ignore the store: run every spec. */
  fresh?: boolean;
  /** Prefix of the scratch workspaces' names (under the system's temp directory). */
  prefix: string;
  /**
   * Also run openapi-typescript alone on each spec, for the report's side-by-side rate (default true). A run without
   * it (a test that checks only our packages) keeps its results under keys of their own, so a report never reads a
   * result that lacks the comparison.
   */
  compare?: boolean;
}): Promise<Plan> {
  const compare = opts.compare ?? true;
  const cached = new Map<string, SpecResult>();
  const jobs: Job[] = [];
  for (const spec of opts.specs) {
    const specFile = opts.files.get(spec.id)!;
    const bytes = await readFile(specFile);
    const key = resultKey(compare ? opts.generator : `${opts.generator}:ours-only`, bytes);
    const known = opts.fresh ? undefined : await opts.store.get(key);
    if (known) {
      cached.set(spec.id, known);
      continue;
    }
    const id = providerIdOf(spec.id);
    // Numbered: two directory ids can make one provider id (`vtex.local/Marketplace-APIs` and `…-APIs-`), and two
    // jobs at a time in one workspace remove each other's files.
    const root = path.join(os.tmpdir(), `${opts.prefix}-${process.pid}-${jobs.length}-${id}`);
    jobs.push({
      id: spec.id,
      providerId: id,
      bytes: bytes.length,
      key,
      work: { repo: opts.repo, corpusPackage: opts.corpusPackage, root, id, specFile, compare },
    });
  }
  return { cached, jobs };
}
