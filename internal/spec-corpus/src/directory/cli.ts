// `pnpm corpus`: the public OpenAPI directory through the generator, resumable, with a report.
// Usage: pnpm corpus [--sample N --seed S [--max-bytes B] | --all | --only id,...] [--jobs N] [--timeout S]
//                    [--memory MB] [--report FILE] [--fresh]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import prettier from "prettier";
import { passed, renderReport } from "./report.js";
import { generatorHash, resultKey, ResultStore, type SpecResult } from "./result.js";
import { planRun } from "./plan.js";
import { runPool } from "./pool.js";
import { selectSpecs, type Selection } from "./sample.js";
import { DIRECTORY, directoryTarball, extractSpecs, listDirectory } from "./source.js";
import { classesOf } from "./classify.js";
import { REFERENCES, matchNames, namingSection } from "../naming/sdk-names.js";

const corpusPackage = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repo = path.resolve(corpusPackage, "../..");
const cache = path.join(corpusPackage, ".cache", "directory");

const { values } = parseArgs({
  options: {
    sample: { type: "string" },
    seed: { type: "string", default: "1" },
    all: { type: "boolean", default: false },
    only: { type: "string" },
    jobs: { type: "string", default: String(Math.max(1, os.availableParallelism())) },
    timeout: { type: "string", default: "600" },
    memory: { type: "string", default: "4096" },
    report: { type: "string" },
    "max-bytes": { type: "string" },
    fresh: { type: "boolean", default: false },
  },
  strict: true,
});

function whole(name: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1 (got ${value})`);
  return n;
}

const selection: Selection = values.all
  ? { all: true }
  : values.only
    ? {
        only: values.only
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      }
    : {
        sample: whole("sample", values.sample ?? "40"),
        seed: whole("seed", values.seed),
        ...(values["max-bytes"] ? { maxBytes: whole("max-bytes", values["max-bytes"]) } : {}),
      };

if (!existsSync(path.join(repo, "packages/core/dist/index.d.ts"))) {
  console.error("packages/core is not built: run `pnpm build` first.");
  process.exit(2);
}

const tarball = await directoryTarball(cache);
const chosen = selectSpecs(await listDirectory(tarball), selection);
const files = await extractSpecs(tarball, chosen, path.join(cache, "specs"));
const generator = generatorHash(repo, corpusPackage);
const store = new ResultStore(path.join(cache, "results"));

const plan = await planRun({
  repo,
  corpusPackage,
  specs: chosen,
  files,
  generator,
  store,
  fresh: values.fresh,
  prefix: "agentruns-directory",
});
const results = plan.cached;
const jobs = plan.jobs;

// The commit the run starts from (the report names it; the inputs hash says what the checks actually loaded).
const commit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repo, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
const started = performance.now();
console.log(
  `${chosen.length} spec(s): ${results.size} from the cache (generator ${generator}), ${jobs.length} to run, ${values.jobs} at a time`,
);
let finished = 0;
await runPool(
  jobs,
  whole("jobs", values.jobs),
  { timeoutMs: whole("timeout", values.timeout) * 1000, memoryMb: whole("memory", values.memory) },
  async (r) => {
    results.set(r.id, r);
    const job = jobs.find((j) => j.id === r.id)!;
    // Under the inputs the process actually loaded: a generator edited mid-run never files results under the old hash.
    if (!r.generator || r.generator === generator) await store.put(job.key, r);
    else await store.put(resultKey(r.generator, await readFile(files.get(r.id)!)), r);
    finished++;
    const verdict = passed(r) ? "pass" : `FAIL ${classesOf(r)[0] ?? r.outcome}`;
    console.log(`[${finished}/${jobs.length}] ${r.id} (${(r.ms / 1000).toFixed(1)} s): ${verdict}`);
  },
);

const all = chosen.map((s) => results.get(s.id)).filter((r): r is SpecResult => !!r);
const tool = (name: string) =>
  JSON.parse(readFileSync(path.join(corpusPackage, "node_modules", name, "package.json"), "utf8"))
    .version as string;
const argv = process.argv.slice(2).filter((a) => a !== "--fresh");
const text = renderReport(all, {
  date: new Date().toISOString().slice(0, 10),
  command: `pnpm corpus ${argv.join(" ")}`.trim(),
  versions: {
    [DIRECTORY.name]: DIRECTORY.version,
    generator: `${commit} (inputs ${generator})`,
    typescript: tool("typescript"),
    "openapi-typescript": tool("openapi-typescript"),
    node: process.version,
  },
  selected: chosen.length,
  naming: namingSection(await Promise.all(REFERENCES.map(matchNames))),
});
const out = values.report
  ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.report)
  : path.join(cache, "report.md");
await writeFile(
  out,
  await prettier.format(text, {
    ...(await prettier.resolveConfig(path.join(repo, "README.md"))),
    filepath: out,
  }),
);
const ok = all.filter(passed).length;
console.log(
  `\n${ok} / ${all.length} pass (${((100 * ok) / Math.max(1, all.length)).toFixed(1)}%) in ${((performance.now() - started) / 1000).toFixed(0)} s; report: ${path.relative(process.cwd(), out)}`,
);
