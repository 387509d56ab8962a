// One directory spec through the whole "Add a provider" path, in a scratch workspace of its own: generate both
// packages as `pnpm generate` does, build the typed package, build the ergonomic one and type-check it with its
// generated smoke test, all under `strict`; and, side by side, openapi-typescript's own output for the same document.
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import { generatePackage } from "../../../../scripts/src/generate-package.js";
import { parseSpecText, type ProviderEntry } from "../../../../scripts/src/provider.js";
import { compile, outside } from "./compile.js";
import { providerWorkspace } from "./scratch.js";
import { runSmokeTest } from "./smoke-run.js";

/**
 * The stages in order; a spec passes when every stage it ran but `alone` (openapi-typescript's, for comparison)
 * passes. `run` (the generated smoke test executed against a loopback server) runs only when asked.
 */
export const STAGES = ["generate", "typed", "ergonomic", "smoke", "run", "alone"] as const;
export type Stage = (typeof STAGES)[number];

export interface StageResult {
  ok: boolean;
  ms: number;
  /** The first diagnostics or the exception message (bounded). */
  errors?: string[];
}

export interface SpecCheck {
  stages: Partial<Record<Stage, StageResult>>;
  warnings: number;
  operations?: number;
}

const MAX_ERRORS = 20;

async function stage(
  into: SpecCheck["stages"],
  name: Stage,
  work: () => Promise<string[]> | string[],
): Promise<boolean> {
  const start = performance.now();
  let errors: string[];
  try {
    errors = await work();
  } catch (e) {
    errors = [`${(e as Error).name}: ${(e as Error).message}`];
  }
  into[name] = {
    ok: errors.length === 0,
    ms: Math.round(performance.now() - start),
    ...(errors.length ? { errors: errors.slice(0, MAX_ERRORS).map((e) => e.slice(0, 2000)) } : {}),
  };
  return errors.length === 0;
}

/** One spec to check: where the repository and this package are, the scratch workspace, the provider id, the spec. */
export interface CheckOptions {
  repo: string;
  corpusPackage: string;
  root: string;
  id: string;
  specFile: string;
  /** Also run the generated smoke test (vitest, real HTTP on 127.0.0.1). */
  runSmoke?: boolean;
  /** Leave the scratch workspace in place (the caller imports the built packages, then removes it). */
  keep?: boolean;
  /**
   * Also type openapi-typescript's output alone and type-check it, for the report's side-by-side rate (default
   * true); a test that checks only our packages leaves it out (for a 4 MB spec it is another compiler run).
   */
  compare?: boolean;
  /** Settings of the provider's entry beyond id, title and spec (`perOperation`), as a maintainer would write them. */
  entry?: Partial<Omit<ProviderEntry, "id" | "title" | "spec">>;
}

/** Runs every stage for one spec; stops at the first failing stage of ours (openapi-typescript's always runs). */
export async function checkSpec(opts: CheckOptions): Promise<SpecCheck> {
  const { repo, root, id } = opts;
  const result: SpecCheck = { stages: {}, warnings: 0 };
  const spec = await providerWorkspace(repo, opts.corpusPackage, root, id, opts.specFile);
  // The title a maintainer would write in providers.ts: the API's own name.
  // Parsed once: its title here, and the document openapi-typescript gets alone below.
  const published = parseSpecText(await readFile(opts.specFile, "utf8"), opts.specFile);
  const info = published.info;
  const title = typeof info?.title === "string" && info.title.trim() ? info.title.trim() : id;
  const typed = path.join(root, "packages", `${id}-openapi`);
  const ergonomic = path.join(root, "packages", id);
  const generated = [path.join(root, "packages") + path.sep];

  const warn = console.warn;
  console.warn = () => void result.warnings++;
  const generatedOk = await stage(result.stages, "generate", async () => {
    await generatePackage(root, { ...opts.entry, id, title, spec });
    // Generation reads the vendored spec and never writes it (conversions and fixes happen in memory).
    if (!(await readFile(path.join(root, spec))).equals(await readFile(opts.specFile)))
      return [`${spec}: generation changed the vendored spec`];
    const table = await readFile(path.join(typed, "src/generated/operations.ts"), "utf8");
    // The table's entries (`    "getRun": getRunOperation,`): the constants themselves live in ops/ when the spec
    // has the per-operation layout.
    result.operations = (table.match(/^ {4}".*": [\w$]+,$/gm) ?? []).length;
    return [];
  }).finally(() => (console.warn = warn));

  if (
    generatedOk &&
    (await stage(result.stages, "typed", () => compile(path.join(typed, "tsconfig.build.json"), generated)))
  ) {
    if (
      (await stage(result.stages, "ergonomic", () =>
        compile(path.join(ergonomic, "tsconfig.build.json"), generated),
      )) &&
      // The package's own typecheck program (sources, smoke test, Node types), checking what the build has not:
      // the smoke test, and every use it makes of the sources.
      (await stage(result.stages, "smoke", () =>
        compile(path.join(ergonomic, "tsconfig.json"), generated, outside(path.join(ergonomic, "src"))),
      )) &&
      opts.runSmoke
    )
      await stage(result.stages, "run", () => runSmokeTest(opts.corpusPackage, ergonomic));
  }

  // openapi-typescript alone, on the document as published: what a user of it would get.
  const alone = path.join(root, "alone");
  if (opts.compare !== false)
    await stage(result.stages, "alone", async () => {
      const doc = published;
      await mkdir(alone, { recursive: true });
      await writeFile(
        path.join(alone, "schema.ts"),
        astToString(await openapiTS(doc as Parameters<typeof openapiTS>[0], { silent: true })),
      );
      await writeFile(
        path.join(alone, "tsconfig.json"),
        JSON.stringify({
          extends: "../tsconfig.base.json",
          compilerOptions: { noEmit: true, types: [] },
          include: ["schema.ts"],
        }),
      );
      return compile(path.join(alone, "tsconfig.json"), [alone + path.sep]);
    });
  if (!opts.keep && existsSync(root)) await rm(root, { recursive: true, force: true });
  return result;
}
