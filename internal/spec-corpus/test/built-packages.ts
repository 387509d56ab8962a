// A spec's two generated packages, built in a scratch workspace for a test to import: the typed package (its module
// from source) and the ergonomic package (compiled), with the core linked in, as a provider added to the repository
// would have them.
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, symlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { scratchWorkspace } from "@agentruns/testkit";
import { writePackage } from "../../../scripts/src/files.js";
import { normalizeSpec } from "../../../scripts/src/normalize.js";
import { emitClientPackage } from "../../../scripts/src/emit/client-package.js";
import { emitTypedPackage } from "../../../scripts/src/emit/typed-package.js";
import { buildModel, type ProviderModel } from "../../../scripts/src/model.js";
import { parseSpec } from "../../../scripts/src/provider.js";

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repo = path.resolve(here, "../..");

export interface BuiltPackages {
  readonly model: ProviderModel;
  readonly warnings: readonly string[];
  /** The typed package's module (`createClient`, `operationTable`, `provider`). */
  readonly typed: any;
  /** The ergonomic package's compiled entry (`<Title>Client`, the functions). */
  readonly client: any;
  remove(): Promise<void>;
}

/** Generates and builds both packages of the spec `file` (relative to internal/spec-corpus) as provider `id`. */
export async function buildPackages(file: string, id: string, title: string): Promise<BuiltPackages> {
  const root = await scratchWorkspace(repo, path.join(here, "node_modules", "openapi-fetch"), id);
  const absolute = path.join(here, file);
  const { doc, warnings } = normalizeSpec(await parseSpec(await readFile(absolute, "utf8"), file), file);
  const model = buildModel({ id, title, spec: file }, doc, warnings);
  const typedDir = path.join(root, "packages", `${id}-openapi`);
  const clientDir = path.join(root, "packages", id);
  await writePackage(typedDir, await emitTypedPackage(model, { root }));
  await writePackage(clientDir, await emitClientPackage(model, { root }), ["src/generated"]);
  const scope = path.join(root, "node_modules", "@agentruns");
  await mkdir(scope, { recursive: true });
  await symlink(path.join(repo, "packages", "core"), path.join(scope, "core"), "dir");
  await symlink(typedDir, path.join(scope, `${id}-openapi`), "dir");
  const tsc = path.join(repo, "node_modules", ".bin", "tsc");
  await promisify(execFile)(tsc, ["-p", "tsconfig.build.json"], { cwd: typedDir });
  await promisify(execFile)(tsc, ["-p", "tsconfig.build.json"], { cwd: clientDir });
  return {
    model,
    warnings,
    typed: await import(path.join(typedDir, "src/index.ts")),
    client: await import(path.join(clientDir, "dist", "index.js")),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
